// Researcher page over /api/search and /api/articles/{id}. The whole state lives in the address bar
// (the same parameters as /api/search, plus `article` for the open article), so a page can be shared
// and reloaded. Text from the API is only ever written with textContent; highlights, which the API
// sends HTML-escaped with <em> marks, are split on those marks and decoded, never parsed as HTML.
(function () {
  'use strict';

  const LIST_PARAMS = ['topic', 'country', 'lang', 'outlet'];
  const SINGLE_PARAMS = ['q', 'kind', 'from', 'to', 'countryScope', 'interval', 'sort', 'allCopies', 'article'];
  const DEFAULTS = { countryScope: 'mentioned', interval: 'day', sort: 'relevance', allCopies: 'false' };
  const FACETS = [
    { field: 'topics', param: 'topic', title: 'Topics' },
    { field: 'countries', param: 'country', title: 'Countries' },
    { field: 'language', param: 'lang', title: 'Languages' },
    { field: 'outlet', param: 'outlet', title: 'Outlets' },
    { field: 'sourceKind', param: 'kind', title: 'Official or media', single: true },
  ];

  const $ = (id) => document.getElementById(id);
  let state = readState(location.search);
  let cursor = null;
  let chart = null;
  let generation = 0;

  // ---- state <-> address bar -------------------------------------------------------------

  function readState(search) {
    const params = new URLSearchParams(search);
    const s = {};
    for (const p of LIST_PARAMS) {
      s[p] = [];
      for (const v of params.getAll(p)) {
        for (const part of v.split(',')) {
          if (part.trim() && !s[p].includes(part.trim())) s[p].push(part.trim());
        }
      }
    }
    for (const p of SINGLE_PARAMS) {
      s[p] = params.get(p) || DEFAULTS[p] || '';
    }
    return s;
  }

  /** Search parameters of a state, without defaults; `article` only when withArticle. */
  function toParams(s, withArticle) {
    const params = new URLSearchParams();
    for (const p of SINGLE_PARAMS) {
      if (p === 'article' && !withArticle) continue;
      if (s[p] && s[p] !== DEFAULTS[p]) params.set(p, s[p]);
    }
    for (const p of LIST_PARAMS) {
      for (const v of s[p]) params.append(p, v);
    }
    return params;
  }

  function urlOf(s) {
    const query = toParams(s, true).toString();
    return location.pathname + (query ? '?' + query : '');
  }

  function navigate(next) {
    state = next;
    history.pushState(null, '', urlOf(state));
    render();
  }

  function withChange(change) {
    const next = JSON.parse(JSON.stringify(state));
    Object.assign(next, change);
    return next;
  }

  // ---- DOM helpers ---------------------------------------------------------------------------

  const { el, ApiError } = Ronda;

  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

  function decodeEntities(s) {
    return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : whole;
    });
  }

  /** A fragment for an API highlight: escaped text with <em>…</em> marks. */
  function highlighted(html) {
    const fragment = document.createDocumentFragment();
    let inside = false;
    for (const part of String(html).split(/(<em>|<\/em>)/)) {
      if (part === '<em>') { inside = true; continue; }
      if (part === '</em>') { inside = false; continue; }
      if (!part) continue;
      const text = document.createTextNode(decodeEntities(part));
      fragment.append(inside ? el('em', null, text) : text);
    }
    return fragment;
  }

  function formatDate(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
  }

  /** Evidence chips: "scam: 'scam centre', 'mule accounts'" per tag. */
  function evidenceChips(tags) {
    const box = el('div', { class: 'evidence' });
    for (const tag of tags || []) {
      const name = tag.topic || tag.id;
      if (!name) continue;
      const terms = [];
      for (const e of tag.evidence || []) {
        if (e.term && !terms.includes(e.term)) terms.push(e.term);
      }
      const label = terms.length ? name + ': ' + terms.map((t) => "'" + t + "'").join(', ') : name;
      box.append(el('span', { class: 'tag', title: 'why this article has this tag', text: label }));
    }
    return box;
  }

  function articleLink(row) {
    const href = urlOf(withChange({ article: row.articleId }));
    return el('a', {
      href,
      class: 'article-link',
      'data-article-id': row.articleId,
      onclick: (event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(withChange({ article: row.articleId }));
      },
    });
  }

  // ---- API -----------------------------------------------------------------------------------

  function getJson(url) {
    return Ronda.requestJson(url, { headers: { Accept: 'application/json' } }, 'the search service');
  }

  function showError(error) {
    const box = $('error');
    box.replaceChildren();
    if (!error) {
      box.hidden = true;
      return;
    }
    const prefix = error.status === 503 ? 'Search is unavailable right now, try again shortly: '
      : error.status === 400 ? 'Cannot search: ' : 'Error: ';
    box.append(el('strong', { text: prefix }), el('span', { class: 'message', text: error.message }));
    if (error.position !== null && state.q) {
      const caret = ' '.repeat(Math.min(error.position, state.q.length)) + '^';
      box.append(el('pre', { class: 'position', text: state.q + '\n' + caret }));
    }
    box.hidden = false;
  }

  // ---- rendering -----------------------------------------------------------------------------

  function syncControls() {
    $('q').value = state.q;
    $('from').value = state.from.slice(0, 10);
    $('to').value = state.to.slice(0, 10);
    $('interval').value = state.interval;
    $('sort').value = state.sort;
    $('countryScope').value = state.countryScope;
    $('allCopies').checked = state.allCopies === 'true';
    const exportQuery = toParams(state, false);
    exportQuery.delete('allCopies');
    for (const format of ['csv', 'ndjson']) {
      const params = new URLSearchParams({ format });
      for (const [k, v] of exportQuery) params.append(k, v);
      $('export-' + format).href = '/api/search/export?' + params.toString();
    }
  }

  function render() {
    syncControls();
    if (state.article) {
      showArticle(state.article);
    } else {
      $('detail-view').hidden = true;
      $('results-view').hidden = false;
      search();
    }
  }

  async function search() {
    const mine = ++generation;
    cursor = null;
    showError(null);
    document.body.dataset.loading = 'true';
    try {
      const page = await getJson('/api/search?' + toParams(state, false).toString());
      if (mine !== generation) return;
      $('results').replaceChildren();
      renderSummary(page);
      renderFacets(page.facets || {});
      renderChart(page.histogram || []);
      appendResults(page);
    } catch (error) {
      if (mine !== generation) return;
      $('results').replaceChildren();
      $('summary').textContent = '';
      $('more').hidden = true;
      showError(error);
    } finally {
      if (mine === generation) document.body.dataset.loading = 'false';
    }
  }

  async function more() {
    if (!cursor) return;
    const mine = generation;
    const params = toParams(state, false);
    params.set('cursor', cursor);
    try {
      const page = await getJson('/api/search?' + params.toString());
      if (mine === generation) appendResults(page);
    } catch (error) {
      showError(error);
    }
  }

  function renderSummary(page) {
    const n = (x) => Number(x).toLocaleString('en');
    let text = n(page.total) + (page.total === 1 ? ' article' : ' articles');
    if (page.stories !== null && page.stories !== undefined) {
      text += ' in ' + n(page.stories) + (page.stories === 1 ? ' story' : ' stories');
    }
    $('summary').textContent = text;
  }

  function appendResults(page) {
    const list = $('results');
    for (const row of page.results || []) list.append(resultItem(row));
    cursor = page.cursor || null;
    $('more').hidden = !cursor;
    if (!list.children.length) list.append(el('li', { class: 'muted', text: 'No articles match.' }));
  }

  function resultItem(row) {
    const h = row.highlights || {};
    const link = articleLink(row);
    link.append(h.title && h.title.length ? highlighted(h.title[0]) : document.createTextNode(row.title || '(no title)'));
    const meta = el('div', { class: 'meta' },
      el('span', { class: 'outlet', text: row.outlet + (row.outletCountry ? ' (' + row.outletCountry + ')' : '') }),
      el('time', { datetime: row.publishedAt || '', text: formatDate(row.publishedAt) }),
      row.language ? el('span', { class: 'lang', text: row.language }) : null,
      row.url ? el('a', { href: row.url, rel: 'noopener noreferrer', target: '_blank', text: 'original' }) : null);
    const item = el('li', { class: 'result', 'data-article-id': row.articleId }, el('h2', null, link), meta);
    if (h.text && h.text.length) {
      const snippet = el('p', { class: 'snippet' });
      h.text.forEach((fragment, i) => {
        if (i > 0) snippet.append(' … ');
        snippet.append(highlighted(fragment));
      });
      item.append(snippet);
    }
    item.append(evidenceChips(row.evidence));
    if (row.clusterSize && row.clusterSize > 1) {
      const copies = el('ul', { class: 'copies', hidden: true });
      const others = row.clusterSize - 1;
      const toggle = el('button', {
        type: 'button',
        class: 'copies-toggle',
        'aria-expanded': 'false',
        text: '+' + others + (others === 1 ? ' outlet' : ' outlets'),
        onclick: () => toggleCopies(row, toggle, copies),
      });
      meta.append(toggle);
      item.append(copies);
    }
    return item;
  }

  async function toggleCopies(row, toggle, copies) {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    copies.hidden = !open;
    if (!open || copies.dataset.loaded) return;
    try {
      const detail = await getJson('/api/articles/' + encodeURIComponent(row.articleId));
      copies.replaceChildren(...(detail.sameStory || []).map(shortItem));
      copies.dataset.loaded = 'true';
    } catch (error) {
      copies.replaceChildren(el('li', { class: 'muted', text: error.message }));
    }
  }

  function shortItem(row) {
    const link = articleLink(row);
    link.textContent = row.title || '(no title)';
    return el('li', { 'data-article-id': row.articleId }, link, ' ',
      el('span', { class: 'muted', text: '(' + row.outlet + ', ' + formatDate(row.publishedAt) + ')' }));
  }

  function renderFacets(facets) {
    const box = $('facets');
    const open = new Set([...box.querySelectorAll('details.facet[open]')].map((d) => d.dataset.facet));
    const first = !box.children.length;
    box.replaceChildren();
    for (const facet of FACETS) {
      const buckets = facets[facet.field] || [];
      const selected = facet.single ? (state[facet.param] ? [state[facet.param]] : []) : state[facet.param];
      const chips = el('div', { class: 'chips' });
      const shown = new Set();
      for (const value of selected) {
        const bucket = buckets.find((b) => b.key === value);
        chips.append(chip(facet, value, bucket ? bucket.count : 0, true));
        shown.add(value);
      }
      for (const bucket of buckets) {
        if (!shown.has(bucket.key)) chips.append(chip(facet, bucket.key, bucket.count, false));
      }
      if (!chips.children.length) chips.append(el('span', { class: 'muted', text: 'none' }));
      const isOpen = first ? !narrow() || selected.length > 0 : open.has(facet.field) || selected.length > 0;
      box.append(el('details', { class: 'facet', 'data-facet': facet.field, open: isOpen },
        el('summary', { text: facet.title }), chips));
    }
  }

  function chip(facet, value, count, active) {
    return el('button', {
      type: 'button',
      class: 'chip',
      'aria-pressed': String(active),
      'data-param': facet.param,
      'data-value': value,
      onclick: () => {
        if (facet.single) {
          navigate(withChange({ [facet.param]: active ? '' : value }));
        } else {
          const values = active ? state[facet.param].filter((v) => v !== value) : state[facet.param].concat([value]);
          navigate(withChange({ [facet.param]: values }));
        }
      },
    }, el('span', { class: 'value', text: value }), el('span', { class: 'count', text: Number(count).toLocaleString('en') }));
  }

  function renderChart(histogram) {
    $('chart-empty').hidden = histogram.length > 0;
    const labels = histogram.map((b) => b.date);
    const counts = histogram.map((b) => b.count);
    const shares = histogram.map((b) => Math.round(b.share * 10000) / 100);
    if (typeof Chart === 'undefined') {
      $('chart-empty').textContent = 'The chart library did not load.';
      $('chart-empty').hidden = false;
      return;
    }
    if (chart) {
      chart.data.labels = labels;
      chart.data.datasets[0].data = counts;
      chart.data.datasets[1].data = shares;
      chart.update();
      return;
    }
    chart = new Chart($('coverage-chart'), {
      data: {
        labels,
        datasets: [
          { type: 'bar', label: 'Matching articles', data: counts, backgroundColor: '#7fa9d6', yAxisID: 'count', order: 2 },
          { type: 'line', label: 'Share of all articles (%)', data: shares, borderColor: '#a4231b', backgroundColor: '#a4231b',
            yAxisID: 'share', tension: 0.2, pointRadius: 2, order: 1 },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        responsive: true,
        interaction: { mode: 'index', intersect: false },
        scales: {
          count: { type: 'linear', position: 'left', beginAtZero: true, ticks: { precision: 0 } },
          share: { type: 'linear', position: 'right', beginAtZero: true, suggestedMax: 100, grid: { drawOnChartArea: false },
            ticks: { callback: (v) => v + '%' } },
        },
        plugins: { legend: { labels: { boxWidth: 12 } } },
      },
    });
  }

  async function showArticle(id) {
    const mine = ++generation;
    showError(null);
    $('results-view').hidden = true;
    $('detail-view').hidden = false;
    const box = $('detail');
    box.replaceChildren(el('p', { class: 'muted', text: 'Loading…' }));
    try {
      const detail = await getJson('/api/articles/' + encodeURIComponent(id));
      if (mine !== generation) return;
      box.replaceChildren(...articleView(detail));
      window.scrollTo(0, 0);
    } catch (error) {
      if (mine !== generation) return;
      box.replaceChildren();
      showError(error);
    }
  }

  function articleView(detail) {
    const a = detail.article;
    const parts = [];
    parts.push(el('h2', { id: 'detail-title', text: a.title || '(no title)' }));
    parts.push(el('div', { class: 'meta' },
      el('span', { class: 'outlet', text: a.outlet + (a.outletCountry ? ' (' + a.outletCountry + ')' : '') }),
      el('span', { text: a.sourceKind || '' }),
      el('time', { datetime: a.publishedAt || '', text: formatDate(a.publishedAt) }),
      a.language ? el('span', { text: a.language }) : null,
      a.author ? el('span', { text: a.author }) : null,
      a.url ? el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank', text: 'original' }) : null));
    parts.push(evidenceChips(a.tags));
    const entities = a.entities || {};
    const entityTags = [].concat(entities.countries || [], entities.organisations || []);
    if (entityTags.length) parts.push(evidenceChips(entityTags));
    const text = el('div', { class: 'text' });
    for (const paragraph of String(a.text || '').split(/\n\s*\n/)) {
      if (paragraph.trim()) text.append(el('p', { text: paragraph.trim() }));
    }
    parts.push(text);
    parts.push(el('h3', { text: 'Same story in other outlets' }));
    parts.push(relatedList('same-story', detail.sameStory));
    parts.push(el('h3', { text: 'Similar articles' }));
    parts.push(relatedList('related', detail.related));
    return parts;
  }

  function relatedList(id, rows) {
    if (!rows || !rows.length) return el('p', { id, class: 'muted', text: 'None found.' });
    return el('ul', { id }, ...rows.map(shortItem));
  }

  /** Points the header's alerts link at wherever the alerts service is deployed (ronda.search.alerts-url). */
  async function linkServices() {
    try {
      const links = await getJson('/api/links');
      if (links && links.alerts) $('alerts-link').href = links.alerts;
    } catch (error) {
      // The static default in index.html stays; the search itself does not depend on this.
    }
  }

  function narrow() {
    return window.matchMedia('(max-width: 760px)').matches;
  }

  // ---- events --------------------------------------------------------------------------------

  function start() {
    $('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      navigate(withChange({ q: $('q').value.trim(), article: '' }));
    });
    const field = (id, value) => $(id).addEventListener('change', () => navigate(withChange({ [id]: value(), article: '' })));
    field('from', () => $('from').value);
    field('to', () => $('to').value);
    field('interval', () => $('interval').value);
    field('sort', () => $('sort').value);
    field('countryScope', () => $('countryScope').value);
    field('allCopies', () => String($('allCopies').checked));
    $('clear-filters').addEventListener('click', () => navigate(readState(state.q ? '?q=' + encodeURIComponent(state.q) : '')));
    $('more').addEventListener('click', more);
    $('back').addEventListener('click', (event) => {
      event.preventDefault();
      if (history.length > 1 && history.state !== 'entry') history.back();
      else navigate(withChange({ article: '' }));
    });
    $('home').addEventListener('click', (event) => {
      event.preventDefault();
      navigate(readState(''));
    });
    window.addEventListener('popstate', () => {
      state = readState(location.search);
      render();
    });
    if (narrow()) $('filters').open = false;
    history.replaceState('entry', '', location.href);
    linkServices();
    render();
  }

  document.addEventListener('DOMContentLoaded', start);
}());
