from common import *
from templates1 import body_blocks, read_also_p

# --------------------------------------------------------------------------- Jannah (TieLabs) WordPress theme

def wp_jannah(ctx):
    a, C = ctx.a, ctx.C
    pid = ctx.post_id
    classes = ["tie-container", "main-nav", "post-title", "entry-content", "stream-item", "post-meta", "share-buttons",
               "related-posts-list", "about-author", "tie-col-md-8", "breaking-news"]
    body_text = " ".join(expected_paragraphs(a))
    schema = json_ld_article(ctx, "Article", extra={"dateCreated": a.get("published"), "name": a["title"], "keywords": a["section"],
                                                     "url": a["url"], "copyrightYear": "2026", "articleSection": a["section"],
                                                     "articleBody": body_text})
    def between(i):
        if i == 0:
            return (f'<div id="attachment_{pid + 7}" style="width: 790px" class="wp-caption aligncenter"><img aria-describedby="caption-attachment-{pid + 7}" decoding="async" class="size-full wp-image-{pid + 7}" src="{ctx.base}/wp-content/uploads/2026/09/foto-{pid}.jpg" alt="" width="780" height="470" />'
                    f'<p id="caption-attachment-{pid + 7}" class="wp-caption-text">{esc(C["caption"])} {esc(C["photo"])}: {esc(ctx.site_name)}</p></div>')
        if i == 1 and "read_also_label" in a:
            return read_also_p(ctx, 0, strong_all=False)
        if i == 2:
            return (f'<div class="stream-item stream-item-in-post stream-item-inline-post aligncenter"><div class="stream-item-size" style="">'
                    f'<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-{pid}2"></script>'
                    f'<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-{pid}2" data-ad-slot="{pid}3" data-ad-format="auto" data-full-width-responsive="true"></ins>'
                    '<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div></div>')
        return ""
    related = "".join(
        f'<div class="related-item tie-standard"><a aria-label="{esc(t)}" href="{esc(u)}" class="post-thumb"><img width="390" height="220" src="{esc(img or "")}" class="attachment-jannah-image-large size-jannah-image-large wp-post-image" alt="" /></a>'
        f'<h3 class="post-title"><a href="{esc(u)}">{esc(t)}</a></h3><div class="post-meta clearfix"><span class="date meta-item tie-icon">{esc(human_date("2026-09-2" + str(i) + "T10:00:00+08:00", ctx.lang, False))}</span></div></div>'
        for i, (t, u, s, img) in enumerate(ctx.related[:4]))
    breaking = "".join(f'<li class="news-item"><a href="{esc(u)}">{esc(t)}</a></li>' for t, u in ctx.headlines[:5])
    h = f"""<!DOCTYPE html>
<html lang="{a['html_lang']}" class="" data-skin="light">
<head>
	<meta charset="UTF-8" />
	<link rel="profile" href="https://gmpg.org/xfn/11" />
	<meta http-equiv='x-dns-prefetch-control' content='on'>
<link rel='dns-prefetch' href='//cdnjs.cloudflare.com' />
<link rel='dns-prefetch' href='//ajax.googleapis.com' />
<meta name='robots' content='index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1' />
	<title>{esc(a['title'])} - {esc(ctx.site_name)}</title>
	<meta name="description" content="{esc(a['description'])}" />
	<link rel="canonical" href="{a['url']}" />
{og_meta(ctx)}<meta name="author" content="{esc(author_text(a) or '')}" />
<link rel='stylesheet' id='tie-css-base-css' href='{ctx.base}/wp-content/themes/jannah/assets/css/base.min.css?ver=7.2.0' type='text/css' media='all' />
<style id='tie-css-styles-inline-css' type='text/css'>{css_blob(ctx, classes, 80)}</style>
{gtag(ctx)}<meta name="viewport" content="width=device-width, initial-scale=1.0" />
</head>
<body id="tie-body" class="post-template-default single single-post postid-{pid} single-format-standard wrapper-has-shadow block-head-1 magazine1 is-thumb-overlay-disabled is-desktop is-header-layout-3 has-header-ad sidebar-right has-sidebar post-layout-1 narrow-title-narrow-media is-standard-format has-mobile-share">
<div class="background-overlay">
<div id="tie-container" class="site tie-container">
<div id="tie-wrapper">
<nav id="top-nav" class="has-date-breaking-components top-nav header-nav has-breaking-news" aria-label="Secondary Navigation">
	<div class="container"><div class="topbar-wrapper">
		<div class="topbar-today-date tie-icon">{esc(human_date(a.get('published'), ctx.lang, False))}</div>
		<div class="tie-alignleft"><div class="breaking controls-is-active"><span class="breaking-title"><span class="tie-icon-bolt breaking-icon" aria-hidden="true"></span><span class="breaking-title-text">{esc(C['latest'])}</span></span>
		<ul id="breaking-news-in-header" class="breaking-news" data-type="reveal">{breaking}</ul></div></div>
		<div class="tie-alignright"><ul class="components"><li class="social-icons-item"><a class="social-link facebook-social-icon" rel="external noopener nofollow" target="_blank" href="https://www.facebook.com/{slug(ctx.site_name)}"><span class="tie-social-icon tie-icon-facebook"></span><span class="screen-reader-text">Facebook</span></a></li></ul></div>
	</div></div>
</nav>
<header id="theme-header" class="theme-header header-layout-3 main-nav-dark main-nav-default-dark main-nav-below main-nav-boxed has-stream-item top-nav-active top-nav-light top-nav-default-light top-nav-above has-shadow has-normal-width-logo mobile-header-default">
	<div class="container header-container"><div class="tie-row logo-row">
		<div class="logo-wrapper"><div class="tie-col-md-4 logo-container clearfix"><div id="logo" class="image-logo"><a title="{esc(ctx.site_name)}" href="{ctx.base}/"><picture class="tie-logo-default tie-logo-picture"><img class="tie-logo-img-default tie-logo-img" src="{ctx.base}/wp-content/uploads/logo.png" alt="{esc(ctx.site_name)}" width="300" height="49" /></picture></a></div></div></div>
		<div class="tie-col-md-8 stream-item stream-item-top-wrapper"><div class="stream-item-top"><a href="{ctx.base}/iklan/" title="" target="_blank" rel="nofollow noopener"><img src="{ctx.base}/wp-content/uploads/banner-728.jpg" alt="" width="728" height="90" /></a></div></div>
	</div></div>
	<div class="main-nav-wrapper"><nav id="main-nav" data-skin="search-in-main-nav" class="main-nav header-nav live-search-parent" aria-label="Primary Navigation"><div class="container"><div class="main-menu-wrapper"><div id="menu-components-wrap"><div class="main-menu main-menu-wrap tie-alignleft"><div id="main-nav-menu" class="main-menu header-menu"><ul id="menu-tielabs-main-menu" class="menu" role="menubar">{menu_items(ctx)}</ul></div></div></div></div></div></nav></div>
</header>
<div id="content" class="site-content container"><div id="main-content-row" class="tie-row main-content-row">
<div class="main-content tie-col-md-8 tie-col-xs-12" role="main">
	<article id="the-post" class="container-wrapper post-content tie-standard">
		<header class="entry-header-outer">
			<nav id="breadcrumb"><a href="{ctx.base}/"><span class="tie-icon-home" aria-hidden="true"></span> {esc(C['menu'][0])}</a><em class="delimiter">/</em><a href="{ctx.base}/category/{slug(a['section'])}/">{esc(a['section'])}</a></nav>
			<div class="entry-header">
				<span class="post-cat-wrap"><a class="post-cat tie-cat-3" href="{ctx.base}/category/{slug(a['section'])}/">{esc(a['section'])}</a></span>
				<h1 class="post-title entry-title">{esc(a['title'])}</h1>
				<div id="single-post-meta" class="post-meta clearfix"><span class="author-meta single-author with-avatars"><span class="meta-item meta-author-wrapper meta-author-1"><span class="meta-author-avatar"><a href="{ctx.base}/author/"><img alt='' src='{ctx.base}/wp-content/uploads/avatar.jpg' class='avatar avatar-140 photo' height='140' width='140' /></a></span>
				<span class="meta-author"><a href="{ctx.base}/author/{slug(author_text(a) or 'admin')}/" class="author-name tie-icon" title="{esc(author_text(a) or '')}">{esc(author_text(a) or '')}</a></span></span></span>
				<span class="date meta-item tie-icon">{esc(human_date(a.get('published'), ctx.lang, False))}</span><div class="tie-alignright"><span class="meta-comment tie-icon meta-item fa-before">0</span><span class="meta-views meta-item "><span class="tie-icon-fire" aria-hidden="true"></span> {ctx.rng.randint(100, 5000)} </span></div></div>
			</div>
		</header>
		<div class="featured-area"><div class="featured-area-inner"><figure class="single-featured-image"><img width="780" height="470" src="{esc(a.get('image') or '')}" class="attachment-jannah-image-post size-jannah-image-post wp-post-image" alt="" /><figcaption class="single-caption-text"><span class="tie-icon-camera" aria-hidden="true"></span> {esc(C['caption'])}</figcaption></figure></div></div>
		<div class="entry-content entry clearfix">
			<div class="stream-item stream-item-above-post-content"><a href="{ctx.base}/iklan-2/" title="" target="_blank" ><img src="{ctx.base}/wp-content/uploads/ad-728x91.jpg" alt="" width="728" height="91" /></a></div>
{body_blocks(ctx, between=between)}			<div class="post-bottom-meta post-bottom-tags post-tags-modern"><div class="post-bottom-meta-title"><span class="tie-icon-tags" aria-hidden="true"></span> {esc(C['tags'])}</div><span class="tagcloud">{''.join(f'<a href="{ctx.base}/tag/{slug(w)}/" rel="tag">{esc(w)}</a>' for w in a['title'].split()[:3])}</span></div>
		</div>
		<div id="post-extra-info"><div class="theiaStickySidebar"><div id="share-buttons-top" class="share-buttons share-buttons-top"><div class="share-links share-centered icons-text">{share_links(ctx, 'share-link')}</div></div></div></div>
		<div class="clearfix"></div>
		<script id="tie-schema-json" type="application/ld+json">{jdump(schema)}</script>
		<div id="share-buttons-bottom" class="share-buttons share-buttons-bottom"><div class="share-links  icons-text"><span class="share-title"><span class="tie-icon-share" aria-hidden="true"></span><span> {esc(C['share'])}</span></span>{share_links(ctx, 'share-btn')}</div></div>
	</article>
	<div class="post-components">
		<div class="about-author container-wrapper about-author-1"><div class="author-avatar"><a href="{ctx.base}/author/"><img alt='' src='{ctx.base}/wp-content/uploads/avatar.jpg' class='avatar avatar-180 photo' height='180' width='180' /></a></div>
		<div class="author-info"><h3 class="author-name"><a href="{ctx.base}/author/">{esc(author_text(a) or '')}</a></h3><div class="author-bio">{esc(author_text(a) or '')} {esc(C['author_bio'])}</div></div></div>
		<div class="prev-next-post-nav container-wrapper media-overlay"><div class="tie-col-xs-6 prev-post"><a href="{esc(ctx.headlines[0][1])}" class="post-thumb" rel="prev"><div class="post-thumb-overlay-wrap"><div class="post-thumb-overlay"><span class="tie-icon tie-media-icon"></span></div></div></a><a href="{esc(ctx.headlines[0][1])}" rel="prev"><h3 class="post-title">{esc(ctx.headlines[0][0])}</h3></a></div></div>
		<div id="related-posts" class="container-wrapper has-extra-post"><div class="mag-box-title the-global-title"><h3>{esc(C['related'])}</h3></div><div class="related-posts-list">{related}</div></div>
		<div id="comments" class="comments-area"><div id="add-comment-block" class="container-wrapper"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title the-global-title">{esc(C['leave_reply'])}</h3><form action="{ctx.base}/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate><p class="comment-form-comment"><textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required="required"></textarea></p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="{esc(C['post'])}" /></p></form></div></div></div>
	</div>
</div>
<aside class="sidebar tie-col-md-4 tie-col-xs-12 normal-side is-sticky" aria-label="Primary Sidebar"><div class="theiaStickySidebar">
	<div id="posts-list-widget-2" class="container-wrapper widget posts-list"><div class="widget-title the-global-title"><div class="the-subtitle">{esc(C['most_read'])}</div></div><div class="widget-posts-list-wrapper"><div class="widget-posts-list-container"><ul class="posts-list-items widget-posts-wrapper">{most_read_list(ctx, 5)}</ul></div></div></div>
</div></aside>
</div></div>
<footer id="footer" class="site-footer dark-skin dark-widgetized-area">
	<div id="footer-widgets-container"><div class="container"><div class="footer-widget-area "><div class="tie-row"><div class="tie-col-md-4 normal-side"><div id="text-3" class="container-wrapper widget widget_text"><div class="textwidget"><p>{esc(ctx.site_name)} — {esc(C['latest'])}.</p></div></div></div></div></div></div></div>
	<div id="site-info" class="site-info site-info-layout-2"><div class="container"><div class="tie-row"><div class="tie-col-md-12"><div class="copyright-text copyright-text-first">&copy; Copyright 2026, {esc(C['rights'])}</div><div class="footer-menu"><ul id="menu-footer" class="menu">{footer_links(ctx)}</ul></div></div></div></div></div>
</footer>
<a id="go-to-top" class="go-to-top-button" href="#go-to-tie-body"><span class="tie-icon-angle-up"></span><span class="screen-reader-text">Back to top button</span></a>
</div></div></div>
<script type="text/javascript" id="tie-scripts-js-extra">/* <![CDATA[ */var tie = {{"is_rtl":"","ajaxurl":"{ctx.base}\\/wp-admin\\/admin-ajax.php","is_side_aside_light":"","is_taqyeem_active":"","is_sticky_video":"","mobile_menu_top":"","mobile_menu_active":"area_1","mobile_menu_parent":"","lightbox_all":"true","lightbox_gallery":"true","lightbox_skin":"dark","lightbox_thumb":"horizontal","lightbox_arrows":"true","is_singular":"1","autoload_posts":"","reading_indicator":"true","lazyload":"","select_share":"true","select_share_twitter":"","select_share_facebook":"","select_share_linkedin":"","select_share_email":"","facebook_app_id":"5303202981","twitter_username":"","responsive_tables":"true","ad_blocker_detector":"","sticky_behavior":"upwards","sticky_desktop":"true","sticky_mobile":"true","sticky_mobile_behavior":"default","ajax_loader":"<div class=\\"loader-overlay\\"><div class=\\"spinner-circle\\"><\\/div><\\/div>","type_to_search":"","lang_no_results":"Nothing Found","sticky_share_mobile":"true","sticky_share_post":""}};/* ]]> */</script>
<script type="text/javascript" src="{ctx.base}/wp-content/themes/jannah/assets/js/scripts.min.js?ver=7.2.0" id="tie-scripts-js"></script>
{misc_scripts(ctx)}</body>
</html>
"""
    return h

# --------------------------------------------------------------------------- Arc XP front end on Next.js, server-rendered

def arc_next(ctx):
    a, C = ctx.a, ctx.C
    r = ctx.rng
    def hc(name):
        return f"{name}__{''.join(r.choice('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') for _ in range(5))}"
    body_cls = hc("article-body_root")
    p_cls = hc("article-body_paragraph")
    items = shown_body(a)
    split = len(items) // 2 + 1
    def chunk(lo, hi):
        out = []
        for i in range(lo, hi):
            item = items[i]
            if isinstance(item, str):
                junk = a.get("inline_junk", {}).get(i)
                txt = with_inline_junk(item, esc(junk)) if junk else esc(item)
                if a.get("div_paragraphs"):
                    out.append(f'<div class="{p_cls}" data-type="text" data-testid="paragraph-{i}">{txt}</div>')
                else:
                    out.append(f'<p class="{p_cls} c-paragraph" data-type="text" data-testid="paragraph-{i}">{txt}</p>')
            if i == lo + 1:
                out.append(f'<div class="{hc("ad-slot_root")} {hc("ad-slot_inline")}" id="ad-inline-{i}"><div class="{hc("ad-slot_label")}">Advertisement</div><div id="div-gpt-ad-{ctx.post_id}-{i}"></div></div>')
            if i == lo + 2 and ctx.related:
                t, u, _, _ = ctx.related[0]
                out.append(f'<div data-type="interstitial_link" class="{hc("interstitial-link_root")}"><p>{"READ MORE" if ctx.lang == "en" else esc(C["related"])}: <a href="{esc(u)}">{esc(t)}</a></p></div>')
        return "\n".join(out)
    names = authors(a)
    byline = " &amp; ".join(f'<a href="/authors/{slug(n)}/" class="{hc("byline_author")}">{esc(n)}</a>' for n in names)
    from datetime import datetime, timezone
    pub_utc = datetime.fromisoformat(a["published"]).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    mod_utc = datetime.fromisoformat(a["modified"]).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z") if a.get("modified") else None
    content_elements = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            content_elements.append({"_id": f"{ctx.post_id}P{i}", "type": "text", "content": esc(item), "additional_properties": {"_id": i}})
        if i == 1:
            content_elements.append({"_id": f"{ctx.post_id}A{i}", "type": "raw_html", "content": "<div class=\"ad-slot\" data-slot=\"inline\"></div>"})
    cards = "".join(
        f'<div class="{hc("card_root")}"><a href="{esc(u)}" class="{hc("card_link")}"><img src="{esc(img or "")}" alt="" loading="lazy"/><h3 class="{hc("card_headline")}">{esc(t)}</h3></a><p class="{hc("card_description")}">{esc(s)}</p></div>'
        for t, u, s, img in ctx.related[:3])
    nd = {"props": {"pageProps": {"globalContent": {
        "_id": f"{ctx.post_id}XK3L", "type": "story", "version": "0.10.9", "canonical_url": a["url"].split(ctx.domain)[-1],
        "headlines": {"basic": a["title"]}, "subheadlines": {"basic": a["description"]},
        "credits": {"by": [{"type": "author", "name": n, "_id": slug(n)} for n in names]},
        "display_date": pub_utc, "first_publish_date": pub_utc, "last_updated_date": mod_utc or pub_utc,
        "taxonomy": {"primary_section": {"_id": "/" + slug(a["section"]), "name": a["section"]},
                     "tags": [{"slug": slug(w), "text": w} for w in a["title"].split()[:4]]},
        "content_elements": content_elements,
        "promo_items": {"basic": {"type": "image", "url": a.get("image"), "caption": C["caption"], "credits": {"by": [{"name": ctx.site_name}]}}}},
        "siteProperties": {"websiteName": ctx.site_name, "navigation": [{"name": m, "url": "/" + slug(m)} for m in C["menu"]],
                           "footer": [{"name": f, "url": "/" + slug(f)} for f in C["footer"]],
                           "ads": {"network": "21" + str(ctx.post_id), "slots": ["top", "inline", "rail", "bottom"]}}}},
        "page": "/[...slug]", "query": {"slug": a["url"].split(ctx.domain)[-1].strip("/").split("/")},
        "buildId": "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789_-") for _ in range(21)), "isFallback": False, "gssp": True, "scriptLoader": []}
    ld = json_ld_article(ctx, extra={"isAccessibleForFree": True, "articleSection": a["section"]})
    chunks = [f"/_next/static/chunks/{n}-{''.join(r.choice('0123456789abcdef') for _ in range(16))}.js" for n in ("framework", "main", "pages/_app", "pages/[...slug]", "webpack", "polyfills")]
    h = f"""<!DOCTYPE html><html lang="{a['html_lang']}"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>{esc(a['title'])} | {esc(ctx.site_name)}</title><meta name="description" content="{esc(a['description'])}"/><link rel="canonical" href="{a['url']}"/><meta property="og:title" content="{esc(a['title'])}"/><meta property="og:description" content="{esc(a['description'])}"/><meta property="og:type" content="article"/><meta property="og:url" content="{a['url']}"/><meta property="og:image" content="{esc(a.get('image') or '')}"/><meta property="og:site_name" content="{esc(ctx.site_name)}"/><meta property="article:published_time" content="{pub_utc}"/>{f'<meta property="article:modified_time" content="{mod_utc}"/>' if mod_utc else ''}<meta property="article:section" content="{esc(a['section'])}"/><meta name="twitter:card" content="summary_large_image"/><script type="application/ld+json">{jdump(ld)}</script><link rel="preload" href="/_next/static/media/e4af272ccee01ff0-s.p.woff2" as="font" type="font/woff2" crossorigin="anonymous"/><link rel="stylesheet" href="/_next/static/css/{''.join(r.choice('0123456789abcdef') for _ in range(16))}.css" data-n-g=""/><noscript data-n-css=""></noscript>{''.join(f'<script src="{c}" defer=""></script>' for c in chunks)}<style data-emotion="css-global">{css_blob(ctx, ["site-header_root", "article-body_root", "byline_root", "card_root", "most-read_root", "ad-slot_root"], 50)}</style>{gtag(ctx)}</head><body><div id="__next"><div class="{hc('layout_root')}">
<header class="{hc('site-header_root')}"><div class="{hc('site-header_top')}"><a href="/" class="{hc('site-header_logo')}"><svg width="180" height="32" viewBox="0 0 180 32" aria-hidden="true"><path d="M0 0h180v32H0z" fill="#0a2540"/></svg><span class="sr-only">{esc(ctx.site_name)}</span></a>
<nav class="{hc('site-header_nav')}" aria-label="Sections"><ul>{''.join(f'<li><a href="/{slug(m)}/">{esc(m)}</a></li>' for m in C['menu'])}</ul></nav>
<div class="{hc('site-header_actions')}"><a href="/subscribe/" class="{hc('button_root')} {hc('button_primary')}">{esc(C['menu'][-1])}</a><button type="button" class="{hc('button_root')}">Sign in</button></div></div></header>
<div class="{hc('breaking-bar_root')}"><span class="{hc('breaking-bar_label')}">LIVE</span> <a href="{esc(ctx.headlines[0][1])}">{esc(ctx.headlines[0][0])}</a></div>
<main id="main-content" class="{hc('layout_main')}"><div class="{hc('layout_grid')}">
<article class="{hc('article_root')}">
<div class="{hc('article-header_root')}"><a class="{hc('article-header_section')}" href="/{slug(a['section'])}/">{esc(a['section'])}</a><h1 class="{hc('article-header_headline')}">{esc(a['title'])}</h1><p class="{hc('article-header_subheadline')}">{esc(a['description'])}</p>
<div class="{hc('byline_root')}"><span class="{hc('byline_by')}">{esc(C['by'])} </span>{byline}</div><div class="{hc('timestamp_root')}"><time dateTime="{pub_utc}">{esc(human_date(a['published'], ctx.lang))}</time></div></div>
<figure class="{hc('lead-art_root')}"><div class="{hc('lead-art_image')}"><img alt="{esc(a['title'])}" src="{esc(a.get('image') or '')}" width="1200" height="675" decoding="async"/></div><figcaption class="{hc('lead-art_caption')}">{esc(C['caption'])} <span class="{hc('lead-art_credit')}">({esc(C['photo'])}: {esc(ctx.site_name)})</span></figcaption></figure>
<div class="{hc('share-bar_root')}">{share_links(ctx, hc('share-bar_button'))}</div>
<div class="{body_cls}" data-testid="article-body">
{chunk(0, split)}
</div>
<div class="{hc('ad-slot_root')} {hc('ad-slot_mid')}"><div class="{hc('ad-slot_label')}">Story continues below advertisement</div><div id="div-gpt-ad-{ctx.post_id}-mid"></div></div>
<div class="{body_cls}" data-testid="article-body">
{chunk(split, len(items))}
</div>
<div class="{hc('article-tags_root')}">{''.join(f'<a href="/tags/{slug(w)}/">{esc(w)}</a>' for w in a['title'].split()[:4])}</div>
<div class="{hc('newsletter-signup_root')}"><h3>{esc(C['newsletter_h'])}</h3><p>{esc(C['newsletter_p'])}</p><form><input type="email" placeholder="{esc(C['email'])}"/><button type="submit">{esc(C['signup'])}</button></form></div>
</article>
<aside class="{hc('rail_root')}"><section class="{hc('most-read_root')}"><h2>{esc(C['most_read'])}</h2><ol>{most_read_list(ctx, 5)}</ol></section></aside>
</div></main>
<section class="{hc('recommendations_root')}"><h2>{esc(C['more_from'])}</h2><div class="{hc('recommendations_grid')}">{cards}</div></section>
<footer class="{hc('site-footer_root')}"><ul>{footer_links(ctx)}</ul><p>&copy; 2026 {esc(ctx.site_name)}. {esc(C['rights'])}</p></footer>
</div></div><script id="__NEXT_DATA__" type="application/json">{jdump(nd)}</script></body></html>
"""
    return h

# --------------------------------------------------------------------------- Next.js page rendered in the browser

def next_csr(ctx):
    a, C = ctx.a, ctx.C
    r = ctx.rng
    items = shown_body(a)
    blocks = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            blocks.append({"type": "paragraph", "text": item, "id": f"p{i}"})
        if i == 2:
            blocks.append({"type": "ad", "slot": "inarticle-1"})
        if i == 3 and ctx.related:
            blocks.append({"type": "related", "items": [{"title": t, "url": u, "summary": s} for t, u, s, _ in ctx.related[:2]]})
    nd = {"props": {"pageProps": {"article": {"id": ctx.post_id, "slug": a["url"].rsplit("/", 1)[-1], "title": a["title"],
                                               "summary": a["description"], "authors": [{"name": n} for n in authors(a)],
                                               "publishedAt": a["published"], "updatedAt": a.get("modified"),
                                               "section": {"name": a["section"]}, "image": {"src": a.get("image"), "caption": C["caption"]},
                                               "body": blocks},
                                   "menu": [{"label": m, "href": "/" + slug(m)} for m in C["menu"]],
                                   "trending": [{"title": t, "href": u} for t, u in ctx.headlines[:6]]},
                      "__N_SSG": True},
          "page": "/[section]/[slug]", "query": {}, "buildId": "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(20)),
          "isFallback": False, "gsp": True, "locale": "en", "locales": ["en"], "defaultLocale": "en", "scriptLoader": []}
    ld = json_ld_article(ctx)
    h = f"""<!DOCTYPE html><html lang="{a['html_lang']}"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width"/><title>{esc(a['title'])} – {esc(ctx.site_name)}</title><meta name="description" content="{esc(a['description'])}"/><link rel="canonical" href="{a['url']}"/>{og_meta(ctx)}<script type="application/ld+json">{jdump(ld)}</script><link rel="preload" href="/_next/static/css/app.css" as="style"/><link rel="stylesheet" href="/_next/static/css/app.css"/><style>{css_blob(ctx, ["Header_root", "Article_body", "Skeleton_line", "Footer_root"], 40)}</style>{gtag(ctx)}</head>
<body><div id="__next"><header class="Header_root__Qm2"><a href="/" class="Header_logo__x1">{esc(ctx.site_name)}</a><nav class="Header_nav__b7"><ul>{''.join(f'<li><a href="/{slug(m)}">{esc(m)}</a></li>' for m in C['menu'])}</ul></nav></header>
<main class="Article_main__p0"><article class="Article_root__k2"><span class="Article_section__zz">{esc(a['section'])}</span><h1 class="Article_title__q9">{esc(a['title'])}</h1>
<div class="Article_meta__m3"><span class="Article_author__a1">{esc(C['by'])} {esc(author_text(a) or '')}</span> · <time dateTime="{a['published']}">{esc(human_date(a['published'], ctx.lang))}</time></div>
<div class="Article_body__c4" id="article-body"><div class="Skeleton_root__s1" aria-busy="true"><div class="Skeleton_line__l1"></div><div class="Skeleton_line__l1"></div><div class="Skeleton_line__l1"></div><span class="sr-only">{esc(C['loading'])}</span></div><noscript><p>{esc(C['noscript'])}</p></noscript></div>
</article><aside class="Article_rail__r8"><h2>{esc(C['most_read'])}</h2><ol>{most_read_list(ctx, 5)}</ol></aside></main>
<footer class="Footer_root__f1"><ul>{footer_links(ctx)}</ul><small>&copy; 2026 {esc(ctx.site_name)}</small></footer></div>
<script id="__NEXT_DATA__" type="application/json">{jdump(nd)}</script><script src="/_next/static/chunks/main-{''.join(r.choice('0123456789abcdef') for _ in range(16))}.js" async=""></script></body></html>
"""
    return h

# --------------------------------------------------------------------------- Drupal 10

def drupal(ctx):
    a, C = ctx.a, ctx.C
    nid = ctx.post_id
    lang = a["html_lang"]
    graph = {"@context": "https://schema.org", "@graph": [json_ld_article(ctx, "NewsArticle",
             extra={"name": a["title"], "about": [a["section"]]})]}
    if not a.get("published"):
        graph["@graph"][0].pop("datePublished", None)
    def between(i):
        if i == 2:
            return ('<div class="gallery gallery-columns-2">' + "".join(
                f'<div class="gallery-item"><div class="gallery-icon"><a href="/sites/default/files/2026-09/g{k}-{nid}.jpg"><img src="/sites/default/files/styles/thumbnail/public/2026-09/g{k}-{nid}.jpg" width="320" height="213" alt="" /></a></div>'
                f'<div class="gallery-text">{esc(C["caption"])} {k + 1}/2 &mdash; {esc(C["photo"])}: {esc(ctx.site_name)}</div></div>' for k in range(2)) + '</div>')
        if i == 1:
            return (f'<div class="media media--type-image media--view-mode-default"><div class="field field--name-field-media-image field--type-image field--label-visually_hidden"><div class="field__label visually-hidden">Image</div>'
                    f'<div class="field__item"><img loading="lazy" src="/sites/default/files/styles/max_650x650/public/2026-09/inline-{nid}.jpg?itok=Ab12Cd34" width="650" height="433" alt="" /></div></div></div>')
        return ""
    date_meta = ""
    if a.get("published"):
        date_meta = (f'<meta property="article:published_time" content="{a["published"]}" />\n'
                     + (f'<meta property="article:modified_time" content="{a["modified"]}" />\n' if a.get("modified") else "")
                     + f'<meta name="dcterms.date" content="{a["published"]}" />\n')
    submitted = ""
    if a.get("published"):
        submitted = (f' on <span class="field field--name-created field--type-created field--label-hidden"><time datetime="{a["published"]}" title="{esc(human_date(a["published"], ctx.lang))}" class="datetime">{esc(human_date(a["published"], ctx.lang))}</time></span>')
    related = "".join(f'<div class="views-row"><div class="views-field views-field-title"><span class="field-content"><a href="{esc(u)}" hreflang="{lang}">{esc(t)}</a></span></div>'
                      f'<div class="views-field views-field-body"><div class="field-content">{esc(s)}</div></div></div>' for t, u, s, _ in ctx.related[:3])
    settings = {"path": {"baseUrl": "/", "pathPrefix": "", "currentPath": f"node/{nid}", "currentPathIsAdmin": False, "isFront": False, "currentLanguage": lang.split("-")[0]},
                "pluralDelimiter": "\u0003", "suppressDeprecationErrors": True,
                "ajaxPageState": {"libraries": "eJx1j1EOwjAIhi9U7ZHMdMSbWSwWrq1q3_3bOlfI18WQhe_DPCCEVrIBqTc1p7gYtGRpQwLsZaIBeAsGDpqU", "theme": "courier", "theme_token": None},
                "ajaxTrustedUrl": {"/search/node": True}, "gtag": {"tagId": "G-" + str(nid), "otherIds": [], "events": [], "additionalConfigInfo": []},
                "user": {"uid": 0, "permissionsHash": "a" * 64}}
    h = f"""<!DOCTYPE html>
<html lang="{lang}" dir="ltr" prefix="content: http://purl.org/rss/1.0/modules/content/  dc: http://purl.org/dc/terms/  foaf: http://xmlns.com/foaf/0.1/  og: http://ogp.me/ns#  rdfs: http://www.w3.org/2000/01/rdf-schema#  schema: http://schema.org/  sioc: http://rdfs.org/sioc/ns#  sioct: http://rdfs.org/sioc/types#  skos: http://www.w3.org/2004/02/skos/core#  xsd: http://www.w3.org/2001/XMLSchema# ">
  <head>
    <meta charset="utf-8" />
{gtag(ctx)}<meta name="description" content="{esc(a['description'])}" />
<link rel="canonical" href="{a['url']}" />
<meta property="og:site_name" content="{esc(ctx.site_name)}" />
<meta property="og:type" content="article" />
<meta property="og:url" content="{a['url']}" />
<meta property="og:title" content="{esc(a['title'])}" />
<meta property="og:description" content="{esc(a['description'])}" />
<meta property="og:image" content="{esc(a.get('image') or '')}" />
{date_meta}<meta name="dcterms.title" content="{esc(a['title'])}" />
<meta name="dcterms.creator" content="{esc(author_text(a) or '')}" />
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)" />
<meta name="MobileOptimized" content="width" />
<meta name="HandheldFriendly" content="true" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<script type="application/ld+json">{jdump(graph)}</script>
<link rel="icon" href="/themes/custom/courier/favicon.ico" type="image/vnd.microsoft.icon" />
<link rel="alternate" hreflang="{lang}" href="{a['url']}" />
<link rel="shortlink" href="{ctx.base}/node/{nid}" />
    <title>{esc(a['title'])} | {esc(ctx.site_name)}</title>
    <link rel="stylesheet" media="all" href="/sites/default/files/css/css_Xq1n8BfVgkTX6yN2pwZ0c3.css?delta=0&amp;language={lang}&amp;theme=courier&amp;include=eJx1jlEOwjAMQi-U2" />
    <style>{css_blob(ctx, ["layout-container", "region-content", "node__content", "field--name-body", "block-views", "menu--main", "site-footer"], 45)}</style>
    <script src="/core/assets/vendor/modernizr/modernizr.min.js?v=3.11.1"></script>
  </head>
  <body class="path-node page-node-type-article">
        <a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
      <div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
    <div class="layout-container">
  <header role="banner">
    <div class="region region-header">
    <div id="block-courier-branding" class="block block-system block-system-branding-block"><a href="/" rel="home" class="site-logo"><img src="/themes/custom/courier/logo.svg" alt="{esc(C['menu'][0])}" /></a><div class="site-name"><a href="/" rel="home">{esc(ctx.site_name)}</a></div></div>
<div class="search-block-form block block-search container-inline" data-drupal-selector="search-block-form" id="block-courier-search" role="search"><form action="/search/node" method="get" id="search-block-form" accept-charset="UTF-8"><div class="js-form-item form-item js-form-type-search form-type-search js-form-item-keys form-item-keys form-no-label"><label for="edit-keys" class="visually-hidden">{esc(C['search'])}</label><input title="{esc(C['search'])}" data-drupal-selector="edit-keys" type="search" id="edit-keys" name="keys" value="" size="15" maxlength="128" class="form-search" /></div><div data-drupal-selector="edit-actions" class="form-actions js-form-wrapper form-wrapper" id="edit-actions"><input data-drupal-selector="edit-submit" type="submit" id="edit-submit" value="{esc(C['search'])}" class="button js-form-submit form-submit" /></div></form></div>
  </div>
  </header>
    <div class="region region-primary-menu">
    <nav role="navigation" aria-labelledby="block-courier-main-menu-menu" id="block-courier-main-menu" class="block block-menu navigation menu--main"><h2 class="visually-hidden" id="block-courier-main-menu-menu">Main navigation</h2><ul class="menu">{''.join(f'<li class="menu-item"><a href="/{slug(m)}" data-drupal-link-system-path="taxonomy/term/{i + 3}">{esc(m)}</a></li>' for i, m in enumerate(C['menu']))}</ul></nav>
  </div>
    <div class="region region-breadcrumb">
    <div id="block-courier-breadcrumbs" class="block block-system block-system-breadcrumb-block"><nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2><ol><li><a href="/">{esc(C['menu'][0])}</a></li><li><a href="/{slug(a['section'])}">{esc(a['section'])}</a></li></ol></nav></div>
  </div>
    <div class="region region-highlighted"><div data-drupal-messages-fallback class="hidden"></div></div>
    <main role="main">
      <a id="main-content" tabindex="-1"></a>
      <div class="layout-content">
          <div class="region region-content">
    <div id="block-courier-page-title" class="block block-core block-page-title-block"><h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">{esc(a['title'])}</span></h1></div>
<div id="block-courier-content" class="block block-system block-system-main-block">
<article role="article" about="/node/{nid}" class="node node--type-article node--promoted node--view-mode-full">
      <div class="node__meta"><article typeof="schema:Person" about="/user/42" class="profile"></article><span>Submitted by <span class="field field--name-uid field--type-entity-reference field--label-hidden"><span lang="" about="/user/42" typeof="schema:Person" property="schema:name" datatype="">{esc(author_text(a) or '')}</span></span>{submitted}</span></div>
    <div class="node__content">
      <div class="field field--name-field-image field--type-image field--label-hidden field__item">  <img loading="lazy" src="{esc(a.get('image') or '')}" width="960" height="540" alt="{esc(a['title'])}" typeof="foaf:Image" class="image-style-large" /></div>
      <div class="field field--name-field-image-caption field--type-string field--label-hidden field__item">{esc(C['caption'])} ({esc(C['photo'])}: {esc(ctx.site_name)})</div>
      <div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">{body_blocks(ctx, between=between)}</div>
      <div class="field field--name-field-tags field--type-entity-reference field--label-above"><div class="field__label">{esc(C['tags'])}</div><div class="field__items">{''.join(f'<div class="field__item"><a href="/taxonomy/term/{20 + i}" hreflang="{lang}">{esc(w)}</a></div>' for i, w in enumerate(a['title'].split()[:3]))}</div></div>
      <div class="views-element-container field field--name-field-related-articles"><div class="view view-related-content view-id-related_content view-display-id-block_1"><h2>{esc(C['related'])}</h2><div class="view-content">{related}</div></div></div>
    </div>
  <section class="field field--name-comment field--type-comment field--label-above comment-wrapper"><h2 class="title comment-form__title">{esc(C['leave_reply'])}</h2><form class="comment-comment-form comment-form" action="/comment/reply/node/{nid}/comment" method="post" accept-charset="UTF-8"><textarea name="comment_body[0][value]" rows="5" cols="60"></textarea><input type="submit" value="{esc(C['post'])}" class="button" /></form></section>
</article>
</div>
  </div>
      </div>
          <aside class="layout-sidebar-first" role="complementary">
    <div class="region region-sidebar-first"><div class="views-element-container block block-views block-views-blockpopular-content-block-1" id="block-popular"><h2>{esc(C['most_read'])}</h2><div><div class="view view-popular-content"><div class="view-content"><div class="item-list"><ul>{most_read_list(ctx, 5)}</ul></div></div></div></div></div></div>
  </aside>
    </main>
      <footer role="contentinfo">
      <div class="region region-footer"><nav role="navigation" aria-labelledby="block-courier-footer-menu" id="block-courier-footer" class="block block-menu navigation menu--footer"><ul class="menu">{footer_links(ctx)}</ul></nav><div id="block-copyright" class="block block-block-content"><div class="clearfix text-formatted field field--name-body"><p>&copy; 2026 {esc(ctx.site_name)}. {esc(C['rights'])}</p></div></div></div>
    </footer>
  </div>
  </div>
    <script type="application/json" data-drupal-selector="drupal-settings-json">{jdump(settings)}</script>
<script src="/sites/default/files/js/js_R6a1Ug4vWxMfW2xg.js?scope=footer&amp;delta=0&amp;language={lang}&amp;theme=courier&amp;include=eJxdjVEKwzAMQy9UkiMFp9XaQDIzO2Xr7RdGBt0-JHhICCcyM8"></script>
  </body>
</html>
"""
    return h
