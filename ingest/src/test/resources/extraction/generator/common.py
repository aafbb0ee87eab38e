import hashlib, html, json, random, re
from datetime import datetime

from chrome import CHROME, EXTRA_HEADLINES

def esc(s):
    return html.escape(s, quote=True)

def jdump(obj):
    return json.dumps(obj, ensure_ascii=False).replace("</", "<\\/")

def rng_for(name):
    return random.Random(int(hashlib.sha1(name.encode()).hexdigest()[:8], 16))

def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:60] or "berita"

SENTENCE_END = re.compile(r"(?<=[.!?。”\"])\s+")

def split_middle(text):
    """Index of the sentence boundary (or space) nearest the middle, or -1."""
    mid = len(text) // 2
    best = -1
    for m in SENTENCE_END.finditer(text):
        if 0 < m.start() < len(text) - 1 and (best < 0 or abs(m.start() - mid) < abs(best - mid)):
            best = m.start()
    if best < 0:
        for m in re.finditer(r"\s+", text):
            if best < 0 or abs(m.start() - mid) < abs(best - mid):
                best = m.start()
    return best

def with_inline_junk(text, junk_html):
    cut = split_middle(text)
    if cut < 0:
        return esc(text) + " " + junk_html
    return esc(text[:cut].strip()) + " " + junk_html + " " + esc(text[cut:].strip())

def expected_paragraphs(a):
    body = a["body"]
    if a.get("teaser"):
        body = body[: a["teaser"]]
    out = []
    for item in body:
        if isinstance(item, str):
            out.append(item)
        elif item[0] in ("h2", "h3"):
            out.append(item[1])
        elif item[0] == "ul":
            out.extend(item[1])
    return out

def shown_body(a):
    return a["body"][: a["teaser"]] if a.get("teaser") else a["body"]

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "ms": ["Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September", "Oktober", "November", "Disember"],
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
    "tl": ["Enero", "Pebrero", "Marso", "Abril", "Mayo", "Hunyo", "Hulyo", "Agosto", "Setyembre", "Oktubre", "Nobyembre", "Disyembre"],
    "th": ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."],
}

def human_date(iso, lang, with_time=True):
    if iso is None:
        return ""
    d = datetime.fromisoformat(iso)
    t = d.strftime("%H:%M")
    if lang in ("vi",):
        s = f"{d.day}/{d.month}/{d.year}"
        return f"{s} {t}" if with_time else s
    if lang == "th":
        s = f"{d.day} {MONTHS['th'][d.month-1]} {d.year + 543}"
        return f"{s} {t} น." if with_time else s
    if lang in ("zh", "km", "my"):
        s = f"{d.year}年{d.month}月{d.day}日" if lang == "zh" else f"{d.day:02d}/{d.month:02d}/{d.year}"
        return f"{s} {t}" if with_time else s
    m = MONTHS.get(lang if lang != "fil" else "tl", MONTHS["en"])[d.month - 1]
    s = f"{d.day} {m} {d.year}"
    return f"{s}, {t}" if with_time else s

def first_sentences(p, n=1):
    parts = SENTENCE_END.split(p)
    s = " ".join(parts[:n])
    if len(s) > 220:
        s = s[:200].rsplit(" ", 1)[0] + "…"
    return s

class Context:
    def __init__(self, a, all_articles):
        self.a = a
        self.lang = a["lang"]
        self.C = CHROME[a["lang"]]
        self.rng = rng_for(a["name"])
        same = [x for x in all_articles if x["lang"] in (a["lang"], "tl" if a["lang"] == "fil" else a["lang"], "fil" if a["lang"] == "tl" else a["lang"]) and x["name"] != a["name"]]
        self.rng.shuffle(same)
        self.related = [(x["title"], x["url"], first_sentences(x["body"][0], 2), x.get("image")) for x in same][:4]
        heads = list(EXTRA_HEADLINES[a["lang"]])
        self.headlines = [(h, "/" + slug(h) + "-" + str(self.rng.randint(1000, 99999))) for h in heads]
        for t, u, _, _ in self.related:
            self.headlines.append((t, u))
        self.rng.shuffle(self.headlines)
        self.post_id = self.rng.randint(10000, 99999)
        self.domain = re.sub(r"^https?://", "", a["url"]).split("/")[0]
        self.base = a["url"].split("://")[0] + "://" + self.domain
        self.site_name = SITE_NAMES[a["site"]]

SITE_NAMES = {
    "borneo-ledger": "Borneo Ledger", "straits-courier": "Straits Courier", "mindanao-courier": "Mindanao Courier",
    "kini-watch": "KiniWatch", "zambo-times": "Zambo Times", "lion-city-report": "Lion City Report", "mekong-wire": "Mekong Wire",
    "kh-interior-press": "Ministry of Interior Press Office", "sarawak-daybreak": "Sarawak Daybreak", "johor-coast-news": "Johor Coast News",
    "asean-observer": "The ASEAN Observer", "metro-timur": "Metro Timur", "suara-utara": "Suara Utara", "berita-semenanjung": "Berita Semenanjung",
    "utara-kini": "Utara Kini", "kini-watch-bm": "KiniWatch", "detak-news": "detakNews", "warta-nusantara": "Warta Nusantara",
    "kantor-berita-kepri": "KabarNusa", "borneo-tribun": "Borneo Tribun", "kompas-id-like": "Harian Pagi", "suara-perbatasan": "Suara Perbatasan",
    "portal-kemenko": "Portal Informasi Polkam", "tin-nhanh": "Tin Nhanh 24", "thanh-nien-moi": "Thanh Niên Mới", "dan-viet-so": "Dân Việt Số",
    "bao-dien-tu-sao": "Sao News", "tin-mien-tay": "Tin Miền Tây", "cong-an-lang-son": "Công an tỉnh Lạng Sơn",
    "khao-sod-online": "ข่าวสดออนไลน์", "matichon-daily": "มติชนรายวัน", "isan-today": "Isan Today", "prachachat-biz": "ประชาชาติธุรกิจ",
    "daily-isan-press": "Daily Isan Press", "bulgar-ngayon": "Bulgar Ngayon", "balita-ngayon": "Balita Ngayon",
    "tinig-gitnang-luzon": "Tinig ng Gitnang Luzon", "kampuchea-post": "Kampuchea Post", "kh-news-daily": "KH News Daily",
    "myanmar-voice": "Myanmar Voice", "shan-herald-my": "Shan Herald", "nanyang-daily": "南洋日报", "lianhe-daily": "联合日报",
    "dongfang-online": "东方在线", "sabah-semasa": "Sabah Semasa",
}

def authors(a):
    au = a.get("author")
    if au is None:
        return []
    return au if isinstance(au, list) else [au]

def author_text(a):
    return ", ".join(authors(a)) if authors(a) else None

# ---------- boilerplate blobs -------------------------------------------------------------

CSS_PROPS = ["margin:0", "padding:0 12px", "display:flex", "align-items:center", "font-size:14px", "line-height:1.6",
             "color:#222", "background:#fff", "border-bottom:1px solid #e5e5e5", "text-transform:uppercase",
             "font-weight:700", "position:relative", "z-index:9", "width:100%", "max-width:1140px", "gap:16px",
             "overflow:hidden", "white-space:nowrap", "text-overflow:ellipsis", "transition:opacity .2s ease"]

def css_blob(ctx, classes, n):
    r = ctx.rng
    rules = []
    for i in range(n):
        c = r.choice(classes)
        suffix = r.choice(["", " a", ":hover", " .inner", " > li", " img", "--active", "__title"])
        props = ";".join(r.sample(CSS_PROPS, r.randint(2, 5)))
        rules.append(f".{c}{suffix}{{{props}}}")
        if i % 17 == 0:
            rules.append(f"@media (max-width:{r.choice([480, 767, 1023])}px){{.{r.choice(classes)}{{display:none}}}}")
    return "".join(rules)

def gtag(ctx):
    gid = "G-" + "".join(ctx.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(10))
    return (f'<script async src="https://www.googletagmanager.com/gtag/js?id={gid}"></script>\n'
            f"<script>window.dataLayer = window.dataLayer || [];function gtag(){{dataLayer.push(arguments);}}"
            f"gtag('js', new Date());gtag('config', '{gid}', {{'content_group': '{esc(ctx.a['section'])}', "
            f"'article_id': '{ctx.post_id}'}});</script>\n")

def ad_setup(ctx, slots):
    r = ctx.rng
    lines = ["<script async src=\"https://securepubads.g.doubleclick.net/tag/js/gpt.js\"></script>",
             "<script>window.googletag = window.googletag || {cmd: []};googletag.cmd.push(function() {"]
    for i in range(slots):
        size = r.choice(["[[300,250],[336,280]]", "[[728,90],[970,90]]", "[[300,600]]", "[[320,100],[320,50]]"])
        lines.append(f"googletag.defineSlot('/21{r.randint(100000,999999)}/{ctx.domain}/article_{i}', {size}, "
                     f"'div-gpt-ad-{r.randint(10**12, 10**13)}-{i}').addService(googletag.pubads());")
    lines.append("googletag.pubads().enableSingleRequest();googletag.pubads().collapseEmptyDivs();"
                 f"googletag.pubads().setTargeting('section', '{slug(ctx.a['section'])}');googletag.enableServices();}});</script>")
    return "\n".join(lines) + "\n"

def misc_scripts(ctx):
    r = ctx.rng
    fb = r.randint(10**14, 10**15)
    return ("<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):"
            "n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);"
            "t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window, document,'script',"
            f"'https://connect.facebook.net/en_US/fbevents.js');fbq('init', '{fb}');fbq('track', 'PageView');</script>\n"
            f"<noscript><img height=\"1\" width=\"1\" style=\"display:none\" src=\"https://www.facebook.com/tr?id={fb}&ev=PageView&noscript=1\"/></noscript>\n"
            "<script>(function(){var s=document.createElement('script');s.async=true;s.src='https://cdn.onesignal.com/sdks/OneSignalSDK.js';"
            "document.head.appendChild(s);window.OneSignal=window.OneSignal||[];OneSignal.push(function(){OneSignal.init({appId:'"
            + "-".join("".join(r.choice("0123456789abcdef") for _ in range(k)) for k in (8, 4, 4, 4, 12)) + "'});});})();</script>\n")

def share_links(ctx, cls_prefix="share"):
    from urllib.parse import quote
    u = quote(ctx.a.get("canonical", ctx.a["url"]), safe="")
    t = quote(ctx.a["title"], safe="")
    nets = [("facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}", "Facebook"),
            ("twitter", f"https://twitter.com/intent/tweet?url={u}&text={t}", "X"),
            ("whatsapp", f"https://api.whatsapp.com/send?text={t}%20{u}", "WhatsApp"),
            ("telegram", f"https://t.me/share/url?url={u}&text={t}", "Telegram"),
            ("line", f"https://social-plugins.line.me/lineit/share?url={u}", "LINE")]
    return "".join(f'<a class="{cls_prefix}-{n}" href="{esc(h)}" target="_blank" rel="nofollow noopener" title="{esc(ctx.C["share_on"])} {l}">'
                   f'<i class="icon-{n}"></i><span>{l}</span></a>' for n, h, l in nets)

def menu_items(ctx, li_class="menu-item", with_sub=True):
    out = []
    for i, label in enumerate(ctx.C["menu"]):
        href = ctx.base + "/" + (slug(label) + "/" if i else "")
        sub = ""
        if with_sub and i in (1, 2, 6):
            subs = "".join(f'<li class="{li_class}"><a href="{ctx.base}/{slug(label)}/{slug(h)}/">{esc(h)}</a></li>'
                           for h, _ in ctx.headlines[:3])
            sub = f'<ul class="sub-menu">{subs}</ul>'
        out.append(f'<li class="{li_class} menu-item-{1000 + i}"><a href="{href}">{esc(label)}</a>{sub}</li>')
    return "".join(out)

def most_read_list(ctx, n=5):
    return "".join(f'<li><a href="{ctx.base}{u if u.startswith("/") else ""}{"" if u.startswith("/") else ""}">{esc(h)}</a></li>' if u.startswith("/")
                   else f'<li><a href="{esc(u)}">{esc(h)}</a></li>' for h, u in ctx.headlines[:n])

def footer_links(ctx):
    return "".join(f'<li><a href="{ctx.base}/{slug(l)}/">{esc(l)}</a></li>' for l in ctx.C["footer"])

def comments_html(ctx, wrapper_cls, item_cls="comment", with_form=True):
    items = []
    for i, (name, text) in enumerate(ctx.C["comments_list"]):
        items.append(f'<li class="{item_cls} even thread-even depth-1" id="li-comment-{ctx.post_id + i}">'
                     f'<article id="div-comment-{ctx.post_id + i}" class="comment-body"><footer class="comment-meta">'
                     f'<div class="comment-author vcard"><img alt="" src="https://secure.gravatar.com/avatar/{i}{ctx.post_id}?s=50&d=mm" class="avatar avatar-50 photo" height="50" width="50"/>'
                     f'<b class="fn">{esc(name)}</b></div><div class="comment-metadata"><a href="#comment-{ctx.post_id + i}">'
                     f'<time datetime="2026-10-13T10:{10 + i}:00+08:00">13/10/2026 10:{10 + i}</time></a></div></footer>'
                     f'<div class="comment-content"><p>{esc(text)}</p></div><div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond">{esc(ctx.C["reply"])}</a></div></article></li>')
    form = ""
    if with_form:
        form = (f'<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">{esc(ctx.C["leave_reply"])}</h3>'
                f'<form action="{ctx.base}/wp-comments-post.php" method="post" id="commentform" class="comment-form">'
                f'<p class="comment-form-comment"><textarea id="comment" name="comment" cols="45" rows="8" placeholder="{esc(ctx.C["comment_ph"])}"></textarea></p>'
                f'<p class="comment-form-author"><input id="author" name="author" type="text" placeholder="{esc(ctx.C["name_ph"])}"/></p>'
                f'<p class="comment-form-email"><input id="email" name="email" type="email" placeholder="{esc(ctx.C["email_ph"])}"/></p>'
                f'<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="{esc(ctx.C["post"])}"/></p></form></div>')
    n = len(ctx.C["comments_list"])
    return (f'<div id="comments" class="{wrapper_cls}"><h3 class="comments-title">{n} {esc(ctx.C["comments"])}</h3>'
            f'<ol class="comment-list">{"".join(items)}</ol>{form}</div>\n')

def cookie_banner(ctx, cls):
    return (f'<div id="cookie-notice" class="{cls}" role="dialog" aria-label="Cookie"><div class="cookie-notice-container">'
            f'<span id="cn-notice-text" class="cn-text-container">{esc(ctx.C["cookie"])}</span>'
            f'<span id="cn-notice-buttons" class="cn-buttons-container"><a href="#" id="cn-accept-cookie" class="cn-set-cookie cn-button">{esc(ctx.C["accept"])}</a>'
            f'<a href="{ctx.base}/privacy/" class="cn-more-info cn-button">{esc(ctx.C["manage"])}</a></span></div></div>\n')

def json_ld_article(ctx, typ="NewsArticle", published=None, modified=None, extra=None, author_type="Person"):
    a = ctx.a
    d = {"@context": "https://schema.org", "@type": typ,
         "mainEntityOfPage": {"@type": "WebPage", "@id": a.get("canonical", a["url"])},
         "headline": a["title"], "description": a["description"]}
    if a.get("image"):
        d["image"] = {"@type": "ImageObject", "url": a["image"], "width": 1200, "height": 675}
    pub = published if published is not None else a.get("jsonld_published", a.get("published"))
    if pub:
        d["datePublished"] = pub
    mod = modified if modified is not None else a.get("modified")
    if mod:
        d["dateModified"] = mod
    if authors(a):
        au = [{"@type": author_type, "name": n, "url": f"{ctx.base}/author/{slug(n)}/"} for n in authors(a)]
        d["author"] = au if len(au) > 1 else au[0]
    d["publisher"] = {"@type": "Organization", "name": ctx.site_name,
                      "logo": {"@type": "ImageObject", "url": f"{ctx.base}/assets/logo.png", "width": 600, "height": 60}}
    d["inLanguage"] = a["html_lang"]
    if extra:
        d.update(extra)
    return d

def og_meta(ctx, with_dates=True, locale=None):
    a = ctx.a
    m = [f'<meta property="og:locale" content="{locale or a["html_lang"].replace("-", "_")}" />',
         '<meta property="og:type" content="article" />',
         f'<meta property="og:title" content="{esc(a["title"])}" />',
         f'<meta property="og:description" content="{esc(a["description"])}" />',
         f'<meta property="og:url" content="{esc(a.get("canonical", a["url"]))}" />',
         f'<meta property="og:site_name" content="{esc(ctx.site_name)}" />']
    if with_dates and a.get("published") and not a.get("omit_meta_dates"):
        m.append(f'<meta property="article:published_time" content="{a["published"]}" />')
        if a.get("modified"):
            m.append(f'<meta property="article:modified_time" content="{a["modified"]}" />')
    if a.get("image"):
        m.append(f'<meta property="og:image" content="{esc(a["image"])}" />')
        m.append('<meta property="og:image:width" content="1200" /><meta property="og:image:height" content="675" />')
    m.append('<meta name="twitter:card" content="summary_large_image" />')
    m.append(f'<meta name="twitter:title" content="{esc(a["title"])}" />')
    return "\n".join(m) + "\n"
