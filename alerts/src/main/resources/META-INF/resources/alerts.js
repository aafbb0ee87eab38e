// Subscription page over the alerts API: a key kept in localStorage, the key's subscriptions,
// a create/edit form whose 400 answers are shown next to the field they name, and a subscription's
// recent alerts plus a live panel fed by the server-sent event stream. Text from the API is only
// ever written with textContent.
(function () {
  'use strict';

  const KEY_STORAGE = 'ronda.alerts.apiKey';
  const TOPICS = [
    ['scam', 'Scams and fraud'],
    ['drugs', 'Drug trafficking'],
    ['human-trafficking', 'Human trafficking'],
    ['migrant-smuggling', 'Migrant smuggling'],
    ['money-laundering', 'Money laundering'],
    ['cybercrime', 'Cybercrime'],
    ['terrorism', 'Terrorism'],
    ['arms-smuggling', 'Arms smuggling'],
    ['maritime-piracy', 'Maritime piracy'],
    ['wildlife-trafficking', 'Wildlife trafficking'],
    ['economic-crime', 'Economic crime'],
  ];
  const ASEAN = [
    ['BN', 'Brunei'], ['KH', 'Cambodia'], ['ID', 'Indonesia'], ['LA', 'Laos'], ['MY', 'Malaysia'], ['MM', 'Myanmar'],
    ['PH', 'Philippines'], ['SG', 'Singapore'], ['TH', 'Thailand'], ['TL', 'Timor-Leste'], ['VN', 'Vietnam'],
  ];
  const TOPIC_LABELS = Object.fromEntries(TOPICS);

  const $ = (id) => document.getElementById(id);
  let apiKey = null;
  let subscriptions = [];
  let editing = null;
  let shown = null;
  let stream = null;

  // ---- DOM helpers ---------------------------------------------------------------------------

  const { el } = Ronda;

  function formatTime(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }

  function splitList(text) {
    return String(text || '').split(',').map((v) => v.trim()).filter((v) => v);
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  // ---- API -----------------------------------------------------------------------------------

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (apiKey) headers.Authorization = 'Bearer ' + apiKey;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return Ronda.requestJson(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
      'the alerts service');
  }

  function showError(error) {
    const box = $('error');
    box.replaceChildren();
    if (!error) {
      box.hidden = true;
      return;
    }
    const prefix = error.status === 401 ? 'This key is not accepted: '
      : error.status === 503 ? 'Unavailable right now, try again shortly: ' : 'Error: ';
    box.append(el('strong', { text: prefix }), el('span', { text: error.message }));
    box.hidden = false;
  }

  function showNotice(...parts) {
    const box = $('notice');
    box.replaceChildren(...parts);
    box.hidden = parts.length === 0;
  }

  // ---- key -----------------------------------------------------------------------------------

  function useKey(key, isNew) {
    apiKey = key;
    localStorage.setItem(KEY_STORAGE, key);
    $('key-hint').textContent = '…' + key.slice(-6);
    $('new-key').textContent = isNew ? key : '';
    $('new-key-box').hidden = !isNew;
    $('key-missing').hidden = true;
    $('key-present').hidden = false;
    $('subs-panel').hidden = false;
    loadSubscriptions();
  }

  function forgetKey() {
    apiKey = null;
    localStorage.removeItem(KEY_STORAGE);
    closeAlerts();
    closeForm();
    subscriptions = [];
    $('subs').replaceChildren();
    $('paste-key').value = '';
    $('key-missing').hidden = false;
    $('key-present').hidden = true;
    $('subs-panel').hidden = true;
    showNotice();
    showError(null);
  }

  async function getKey() {
    showError(null);
    try {
      const answer = await api('POST', '/api/keys');
      useKey(answer.apiKey, true);
    } catch (error) {
      showError(error);
    }
  }

  // ---- list ----------------------------------------------------------------------------------

  async function loadSubscriptions() {
    const list = $('subs');
    list.dataset.loading = 'true';
    try {
      subscriptions = await api('GET', '/api/subscriptions');
      renderSubscriptions();
    } catch (error) {
      showError(error);
    } finally {
      list.dataset.loading = 'false';
    }
  }

  function renderSubscriptions() {
    const list = $('subs');
    list.replaceChildren(...subscriptions.map(subscriptionItem));
    if (!subscriptions.length) list.append(el('li', { class: 'muted empty', text: 'No subscriptions yet.' }));
  }

  function criteriaSummary(s) {
    const parts = [];
    if (s.topics.length) parts.push('topics: ' + s.topics.map((t) => TOPIC_LABELS[t] || t).join(', '));
    if (s.countries.length) parts.push('countries: ' + s.countries.join(', '));
    if (s.organisations.length) parts.push('organisations: ' + s.organisations.join(', '));
    if (s.languages.length) parts.push('languages: ' + s.languages.join(', '));
    if (s.outlets.length) parts.push('outlets: ' + s.outlets.join(', '));
    if (s.query) parts.push('query: ' + s.query);
    return parts.join('; ');
  }

  function deliverySummary(s) {
    const parts = [];
    if (s.webhook) parts.push('webhook ' + s.webhook.url);
    if (s.email) {
      const mode = s.email.mode.toLowerCase();
      let when = mode;
      if (mode === 'daily') when = 'daily at ' + s.email.dailyHour + ':00 ' + s.email.timeZone;
      else if (mode === 'hourly') when = 'hourly (' + s.email.timeZone + ')';
      else when = 'immediate, at most ' + s.email.capPerHour + ' an hour';
      parts.push('e-mail ' + s.email.address + ', ' + when + (s.email.unsubscribed ? ' (unsubscribed)' : ''));
    }
    return parts.length ? parts.join('; ') : 'feed and live view only';
  }

  function subscriptionItem(s) {
    const confirmBox = el('div', { class: 'confirm', hidden: true },
      el('span', { text: 'Delete "' + s.name + '"? Its alerts stop at once.' }),
      el('button', { type: 'button', class: 'danger confirm-delete', onclick: () => deleteSubscription(s) }, 'Yes, delete'),
      el('button', { type: 'button', class: 'cancel-delete', onclick: () => { confirmBox.hidden = true; } }, 'Keep it'));
    return el('li', { class: 'sub', 'data-id': s.id },
      el('h3', { class: 'sub-name', text: s.name }),
      el('p', { class: 'criteria', text: criteriaSummary(s) }),
      el('p', { class: 'delivery muted', text: deliverySummary(s) }),
      el('div', { class: 'sub-actions' },
        el('a', { class: 'button feed-link', href: s.feedUrl, text: 'Atom feed', title: 'for a feed reader; the address contains its own key' }),
        el('button', { type: 'button', class: 'show-alerts', onclick: () => openAlerts(s) }, 'Alerts and live view'),
        el('button', { type: 'button', class: 'edit', onclick: () => openForm(s) }, 'Edit'),
        el('button', { type: 'button', class: 'delete', onclick: () => { confirmBox.hidden = false; } }, 'Delete')),
      confirmBox);
  }

  async function deleteSubscription(s) {
    showError(null);
    try {
      await api('DELETE', '/api/subscriptions/' + encodeURIComponent(s.id));
      if (shown && shown.id === s.id) closeAlerts();
      if (editing && editing.id === s.id) closeForm();
      showNotice(el('span', { text: 'Deleted "' + s.name + '".' }));
      await loadSubscriptions();
    } catch (error) {
      showError(error);
    }
  }

  // ---- form ----------------------------------------------------------------------------------

  function buildChecks() {
    $('f-topics').replaceChildren(...TOPICS.map(([id, label]) => check('topic', id, label)));
    $('f-countries').replaceChildren(...ASEAN.map(([code, name]) => check('country', code, name + ' (' + code + ')')));
  }

  function check(kind, value, label) {
    const id = 'f-' + kind + '-' + value;
    return el('div', { class: 'check' },
      el('input', { type: 'checkbox', id, name: kind, value }),
      el('label', { for: id, text: label }));
  }

  function checked(containerId) {
    return [...$(containerId).querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value);
  }

  function openForm(s) {
    editing = s || null;
    clearFieldErrors();
    showNotice();
    $('form-heading').textContent = s ? 'Edit "' + s.name + '"' : 'New subscription';
    const email = s && s.email;
    $('f-name').value = s ? s.name : '';
    for (const box of $('f-topics').querySelectorAll('input')) box.checked = !!s && s.topics.includes(box.value);
    const asean = ASEAN.map(([code]) => code);
    for (const box of $('f-countries').querySelectorAll('input')) box.checked = !!s && s.countries.includes(box.value);
    $('f-countries-other').value = s ? s.countries.filter((c) => !asean.includes(c)).join(', ') : '';
    $('f-organisations').value = s ? s.organisations.join(', ') : '';
    $('f-languages').value = s ? s.languages.join(', ') : '';
    $('f-outlets').value = s ? s.outlets.join(', ') : '';
    $('f-query').value = s && s.query ? s.query : '';
    $('f-webhook-url').value = s && s.webhook ? s.webhook.url : '';
    $('f-email-address').value = email ? email.address : '';
    $('f-email-mode').value = email ? email.mode.toLowerCase() : 'immediate';
    $('f-email-zone').value = email ? email.timeZone : browserZone();
    $('f-email-hour').value = email ? email.dailyHour : 7;
    $('f-email-cap').value = email ? email.capPerHour : '';
    $('form-panel').hidden = false;
    $('form-panel').scrollIntoView({ block: 'start' });
    $('f-name').focus({ preventScroll: true });
  }

  function closeForm() {
    editing = null;
    clearFieldErrors();
    $('form-panel').hidden = true;
  }

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch (e) {
      return 'UTC';
    }
  }

  function numberOrNull(id) {
    const v = $(id).value.trim();
    return v === '' ? null : Number(v);
  }

  function formRequest() {
    const request = {
      name: $('f-name').value.trim() || null,
      topics: checked('f-topics'),
      countries: checked('f-countries').concat(splitList($('f-countries-other').value)),
      organisations: splitList($('f-organisations').value),
      languages: splitList($('f-languages').value),
      outlets: splitList($('f-outlets').value),
      query: $('f-query').value.trim() || null,
      webhook: null,
      email: null,
    };
    const hook = $('f-webhook-url').value.trim();
    if (hook) request.webhook = { url: hook };
    const address = $('f-email-address').value.trim();
    if (address) {
      request.email = {
        address,
        mode: $('f-email-mode').value,
        timeZone: $('f-email-zone').value.trim() || null,
        dailyHour: numberOrNull('f-email-hour'),
        capPerHour: numberOrNull('f-email-cap'),
      };
    }
    return request;
  }

  function clearFieldErrors() {
    for (const p of document.querySelectorAll('#sub-form [data-error-for]')) {
      p.replaceChildren();
      p.hidden = true;
    }
    for (const input of document.querySelectorAll('#sub-form [aria-invalid]')) {
      input.removeAttribute('aria-invalid');
    }
  }

  const FIELD_INPUTS = {
    name: 'f-name', topics: 'f-topics', countries: 'f-countries-other', organisations: 'f-organisations',
    languages: 'f-languages', outlets: 'f-outlets', query: 'f-query', 'webhook.url': 'f-webhook-url',
    'email.address': 'f-email-address', 'email.mode': 'f-email-mode', 'email.timeZone': 'f-email-zone',
    'email.dailyHour': 'f-email-hour', 'email.capPerHour': 'f-email-cap',
  };

  /** Puts a 400's message under the field it names (the form-level box when it names none we show). */
  function showFieldError(error) {
    const field = error.field && document.querySelector('#sub-form [data-error-for="' + CSS.escape(error.field) + '"]')
      ? error.field : 'body';
    const box = document.querySelector('#sub-form [data-error-for="' + field + '"]');
    box.append(el('span', { class: 'message', text: error.message }));
    if (field === 'query' && error.position !== null) {
      const q = $('f-query').value.trim();
      const caret = ' '.repeat(Math.min(error.position, q.length)) + '^';
      box.append(el('pre', { class: 'position', text: q + '\n' + caret }));
    }
    box.hidden = false;
    const input = $(FIELD_INPUTS[field] || '');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      if (input.focus) input.focus();
    }
    box.scrollIntoView({ block: 'center' });
  }

  async function saveForm(event) {
    event.preventDefault();
    clearFieldErrors();
    showError(null);
    const request = formRequest();
    const button = $('save-sub');
    button.disabled = true;
    try {
      const saved = editing
        ? await api('PUT', '/api/subscriptions/' + encodeURIComponent(editing.id), request)
        : await api('POST', '/api/subscriptions', request);
      const wasNew = !editing;
      closeForm();
      const parts = [el('span', { text: (wasNew ? 'Created "' : 'Saved "') + saved.name + '".' })];
      if (saved.webhook) {
        parts.push(el('span', { class: 'secret-line' }, ' Webhook signing secret (HMAC-SHA256 of the Ronda-Signature header): ',
          el('code', { id: 'webhook-secret', text: saved.webhook.secret })));
      }
      showNotice(...parts);
      await loadSubscriptions();
      if (shown && shown.id === saved.id) shown = saved;
    } catch (error) {
      if (error.status === 400) showFieldError(error);
      else showError(error);
    } finally {
      button.disabled = false;
    }
  }

  // ---- alerts --------------------------------------------------------------------------------

  function alertItem(a) {
    const art = a.article;
    const topics = el('div', { class: 'evidence' });
    for (const tag of art.topics || []) {
      const terms = [];
      for (const e of tag.evidence || []) if (e.term && !terms.includes(e.term)) terms.push(e.term);
      const name = TOPIC_LABELS[tag.topic] || tag.topic;
      topics.append(el('span', { class: 'tag', title: 'words that put this topic on the article',
        text: terms.length ? name + ': ' + terms.map((t) => "'" + t + "'").join(', ') : name }));
    }
    const when = art.publishedAt || a.alertedAt;
    return el('li', { class: 'alert', 'data-alert-id': a.alertId, 'data-revision': String(a.revision) },
      el('h4', null, el('a', { href: art.url, rel: 'noopener noreferrer', target: '_blank', class: 'alert-title', text: art.title || '(no title)' })),
      el('div', { class: 'meta' },
        el('span', { class: 'outlet', text: art.outlet + (art.outletCountry ? ' (' + art.outletCountry + ')' : '') }),
        el('time', { datetime: when || '', text: formatTime(when) }),
        el('span', { class: 'story', text: 'in ' + plural(a.storyOutlets, 'outlet', 'outlets') }),
        a.revision > 1 ? el('span', { class: 'badge', text: 'updated' }) : null),
      topics,
      art.snippet ? el('p', { class: 'snippet', text: art.snippet }) : null);
  }

  async function openAlerts(s) {
    closeAlerts();
    shown = s;
    $('alerts-heading').textContent = 'Alerts of "' + s.name + '"';
    $('live-alerts').replaceChildren();
    $('live-empty').hidden = false;
    $('alerts-panel').hidden = false;
    openStream(s);
    await loadRecent();
    $('alerts-panel').scrollIntoView({ block: 'start' });
  }

  async function loadRecent() {
    if (!shown) return;
    const list = $('recent-alerts');
    const id = shown.id;
    list.dataset.loading = 'true';
    try {
      const alerts = await api('GET', '/api/subscriptions/' + encodeURIComponent(id) + '/alerts?size=50');
      if (!shown || shown.id !== id) return;
      list.replaceChildren(...alerts.map(alertItem));
      if (!alerts.length) list.append(el('li', { class: 'muted empty', text: 'No alerts yet.' }));
    } catch (error) {
      showError(error);
    } finally {
      list.dataset.loading = 'false';
    }
  }

  function setLiveStatus(state, text) {
    const status = $('live-status');
    status.dataset.state = state;
    status.textContent = text;
  }

  function openStream(s) {
    // The stream is opened on this page's own origin: the page is served by the service that
    // streams, and EventSource across origins would need CORS. streamUrl carries the public
    // address, which behind a proxy or in a test need not be the one this page was loaded from.
    const url = new URL(s.streamUrl, location.href);
    const source = new EventSource(url.pathname + url.search);
    stream = source;
    setLiveStatus('connecting', 'connecting…');
    source.addEventListener('open', () => { if (stream === source) setLiveStatus('open', 'connected'); });
    source.addEventListener('error', () => {
      if (stream !== source) return;
      // EventSource reconnects on its own unless the server refused the stream outright.
      setLiveStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting',
        source.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…');
    });
    const onAlert = (event) => {
      if (stream !== source) return;
      let alert;
      try {
        alert = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      showLive(alert);
    };
    source.addEventListener('alert.created', onAlert);
    source.addEventListener('alert.updated', onAlert);
  }

  function showLive(alert) {
    const list = $('live-alerts');
    const item = alertItem(alert);
    const existing = [...list.children].find((li) => li.dataset.alertId === alert.alertId);
    if (existing) {
      if (Number(existing.dataset.revision) > alert.revision) return;
      existing.replaceWith(item);
    } else {
      list.prepend(item);
    }
    $('live-empty').hidden = true;
  }

  function closeAlerts() {
    if (stream) stream.close();
    stream = null;
    shown = null;
    setLiveStatus('closed', 'not connected');
    $('alerts-panel').hidden = true;
    $('recent-alerts').replaceChildren();
    $('live-alerts').replaceChildren();
  }

  // ---- links to the other pages ----------------------------------------------------------------

  /** Points the header's search link at wherever the search service is deployed (ronda.alerts.search-url). */
  async function linkServices() {
    try {
      const links = await api('GET', '/api/links');
      if (links && links.search) $('search-link').href = links.search;
    } catch (error) {
      // The static default in index.html stays; subscriptions do not depend on it.
    }
  }

  // ---- start ---------------------------------------------------------------------------------

  function start() {
    buildChecks();
    $('get-key').addEventListener('click', getKey);
    $('paste-key-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const key = $('paste-key').value.trim();
      if (key) {
        showError(null);
        useKey(key, false);
      }
    });
    $('forget-key').addEventListener('click', forgetKey);
    $('hide-new-key').addEventListener('click', () => {
      $('new-key').textContent = '';
      $('new-key-box').hidden = true;
    });
    $('new-sub').addEventListener('click', () => openForm(null));
    $('cancel-sub').addEventListener('click', closeForm);
    $('sub-form').addEventListener('submit', saveForm);
    $('close-alerts').addEventListener('click', closeAlerts);
    $('refresh-alerts').addEventListener('click', loadRecent);
    linkServices();
    const stored = localStorage.getItem(KEY_STORAGE);
    if (stored) useKey(stored, false);
    document.body.dataset.ready = 'true';
  }

  document.addEventListener('DOMContentLoaded', start);
}());
