from common import *
from templates1 import body_blocks, read_also_p

# --------------------------------------------------------------------------- old portal: tables, ASP.NET/PHP, text between <br>

def br_portal(ctx):
    a, C = ctx.a, ctx.C
    items = shown_body(a)
    thai = ctx.lang == "th"
    text = "<br />\n<br />\n".join(esc(p) for p in items)
    if thai:
        text = f'<font face="Tahoma" size="2">{text}</font>'
    viewstate = "".join(ctx.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(900))
    latest = "".join(f'<li><a href="detail.aspx?id={4000 + i}">{esc(t)}</a></li>' for i, (t, u) in enumerate(ctx.headlines[:6]))
    h = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="{a['html_lang']}" xml:lang="{a['html_lang']}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(a['title'])} - {esc(ctx.site_name)}</title>
<meta name="keywords" content="news, {esc(a['section'])}" />
<link href="css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="js/jquery-1.4.2.min.js"></script>
<script type="text/javascript">
function MM_swapImgRestore() {{ var i,x,a=document.MM_sr; for(i=0;a&&i<a.length&&(x=a[i])&&x.oSrc;i++) x.src=x.oSrc; }}
function MM_preloadImages() {{ var d=document; if(d.images){{ if(!d.MM_p) d.MM_p=new Array(); var i,j=d.MM_p.length,a=MM_preloadImages.arguments; for(i=0; i<a.length; i++) if (a[i].indexOf("#")!=0){{ d.MM_p[j]=new Image; d.MM_p[j++].src=a[i];}}}} }}
</script>
<style type="text/css">{css_blob(ctx, ["menu_bg", "left_col", "content_col", "news_title", "news_date", "news_content", "box_title", "footer"], 35)}</style>
</head>
<body onload="MM_preloadImages('images/menu_on.gif')">
<form name="form1" method="post" action="detail.aspx?id={ctx.post_id}" id="form1">
<div><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUK{viewstate}" /></div>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td><img src="images/banner_top.jpg" width="980" height="120" alt="{esc(ctx.site_name)}" /></td></tr>
  <tr><td class="menu_bg">{' | '.join(f'<a href="{slug(m)}.aspx" class="menu">{esc(m)}</a>' for m in C['menu'][:8])}</td></tr>
  <tr><td><table width="100%" border="0" cellspacing="0" cellpadding="6">
    <tr>
      <td width="210" valign="top" class="left_col">
        <div class="box_title">{esc(C['latest'])}</div>
        <ul class="list_news">{latest}</ul>
        <div class="box_title">Links</div>
        <a href="#"><img src="images/link_gov.gif" width="190" height="60" border="0" alt="" /></a>
      </td>
      <td valign="top" class="content_col">
        <span id="lblTitle" class="news_title">{esc(a['title'])}</span><br />
        <span id="lblDate" class="news_date">{esc(a['published_text'])}</span><br /><br />
        <div id="lblContent" class="news_content">
{text}
        </div>
        <br />
        <div class="share_box"><a href="#" onclick="window.print();return false;">Print</a> | <a href="mailto:?subject={esc(a['title'])}">Email</a></div>
        <table class="other_news" width="100%"><tr><td class="box_title">{esc(C['more_from'])}</td></tr>{''.join(f'<tr><td>&raquo; <a href="detail.aspx?id={3000 + i}">{esc(t)}</a></td></tr>' for i, (t, u) in enumerate(ctx.headlines[:4]))}</table>
      </td>
    </tr>
  </table></td></tr>
  <tr><td class="footer" align="center">Copyright &copy; 2026 {esc(ctx.site_name)}. {esc(C['rights'])}<br />{' | '.join(esc(f) for f in C['footer'][:3])}</td></tr>
</table>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['form1']; if (!theForm) {{ theForm = document.form1; }}
function __doPostBack(eventTarget, eventArgument) {{ if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{ theForm.__EVENTTARGET.value = eventTarget; theForm.__EVENTARGUMENT.value = eventArgument; theForm.submit(); }} }}
//]]>
</script>
</form>
</body>
</html>
"""
    return h

# --------------------------------------------------------------------------- paywalled article: teaser, notice, JSON-LD access

PAYWALL_LABELS = {
    "en": ("Subscribe", "Log in"), "ms": ("Langgan", "Log masuk"), "id": ("Berlangganan", "Masuk"),
    "vi": ("Đăng ký", "Đăng nhập"), "th": ("สมัครสมาชิก", "เข้าสู่ระบบ"),
}

def paywall_custom(ctx):
    a, C = ctx.a, ctx.C
    extra = {}
    if a.get("not_free") is True:
        extra = {"isAccessibleForFree": False, "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".paywalled-content"}}
    elif a.get("not_free") == "False":
        extra = {"isAccessibleForFree": "False"}
    ld = json_ld_article(ctx, extra=extra)
    sub, login = PAYWALL_LABELS[ctx.lang]
    pw_lang = ctx.lang
    h = f"""<!DOCTYPE html>
<html lang="{a['html_lang']}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a['title'])} | {esc(ctx.site_name)}</title>
<meta name="description" content="{esc(a['description'])}">
<link rel="canonical" href="{a['url']}">
{og_meta(ctx)}<meta name="author" content="{esc(author_text(a) or '')}">
<script type="application/ld+json">{jdump(ld)}</script>
<link rel="stylesheet" href="{ctx.base}/static/css/app.4f1c2a.css">
<style>{css_blob(ctx, ["navbar", "article-title", "article-content", "subscription-wall", "paywall-fade", "site-footer", "latest-list"], 55)}</style>
{gtag(ctx)}<script>window.tp = window.tp || []; tp.push(["setAid", "{ctx.post_id}Xq"]); tp.push(["setContentCreated", "{a['published']}"]); tp.push(["setTags", ["premium", "{slug(a['section'])}"]]); tp.push(["init", function() {{ tp.experience.init(); }}]);</script>
</head>
<body class="article-page">
<nav class="navbar navbar-expand-lg"><a class="navbar-brand" href="/"><img src="{ctx.base}/static/img/logo.svg" alt="{esc(ctx.site_name)}" height="32"></a>
<ul class="navbar-nav">{''.join(f'<li class="nav-item"><a class="nav-link" href="/{slug(m)}">{esc(m)}</a></li>' for m in C['menu'])}</ul>
<a class="btn btn-primary btn-subscribe" href="/subscribe">{esc(sub)}</a> <a class="btn btn-link" href="/login">{esc(login)}</a></nav>
<div class="container main-container"><div class="row">
<div class="col-lg-8">
<article class="article-container">
<div class="article-section"><a href="/{slug(a['section'])}">{esc(a['section'])}</a></div>
<h1 class="article-title">{esc(a['title'])}</h1>
<div class="article-info"><span class="author">{esc(author_text(a) or '')}</span> <span class="sep">|</span> <time datetime="{a['published']}">{esc(human_date(a['published'], ctx.lang))}</time></div>
<figure class="article-image"><img src="{esc(a.get('image') or '')}" alt="" class="img-fluid"><figcaption>{esc(C['caption'])}</figcaption></figure>
<div class="article-content paywalled-content" id="article-content">
{body_blocks(ctx)}<div class="paywall-fade"></div>
</div>
<div class="subscription-wall" id="paywall">
<h3>{esc(C['paywall_h'])}</h3>
<p>{esc(C['paywall_p'])}</p>
<a class="btn btn-lg btn-primary" href="/subscribe?ref=paywall">{esc(sub)}</a>
<p class="login-prompt">{esc(C['paywall_login'])}</p>
</div>
<div class="article-share">{share_links(ctx, 'share-btn')}</div>
</article>
</div>
<div class="col-lg-4"><div class="latest-list"><h4>{esc(C['latest'])}</h4><ul>{most_read_list(ctx, 6)}</ul></div>
<div class="ad-rail"><div id="div-gpt-ad-{ctx.post_id}-rail"></div></div></div>
</div></div>
<footer class="site-footer"><ul>{footer_links(ctx)}</ul><p>&copy; 2026 {esc(ctx.site_name)}. {esc(C['rights'])}</p></footer>
{misc_scripts(ctx)}</body>
</html>
"""
    return h

# --------------------------------------------------------------------------- WordPress block theme without any date on the page

def blog_minimal(ctx):
    a, C = ctx.a, ctx.C
    h = f"""<!DOCTYPE html>
<html lang="{a['html_lang']}">
<head>
	<meta charset="UTF-8" />
	<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name='robots' content='max-image-preview:large' />
<title>{esc(a['title'])} &#8211; {esc(ctx.site_name)}</title>
<meta name="author" content="{esc(a['author'])}" />
<meta property="og:title" content="{esc(a['title'])}" />
<meta property="og:site_name" content="{esc(ctx.site_name)}" />
<meta property="og:image" content="{esc(a.get('image') or '')}" />
<link rel="canonical" href="{a['url']}" />
<style id='wp-block-library-inline-css'>{css_blob(ctx, ["wp-block-post-title", "wp-block-post-content", "wp-block-navigation", "wp-block-group", "wp-block-template-part"], 70)}</style>
<link rel='stylesheet' id='twentytwentyfour-style-css' href='{ctx.base}/wp-content/themes/twentytwentyfour/style.css?ver=1.2' media='all' />
</head>
<body class="post-template-default single single-post postid-{ctx.post_id} single-format-standard wp-embed-responsive">
<div class="wp-site-blocks">
<header class="wp-block-template-part"><div class="wp-block-group alignwide has-base-background-color has-background is-layout-flow wp-block-group-is-layout-flow">
<div class="wp-block-group alignwide is-content-justification-space-between is-layout-flex wp-container-core-group-is-layout-2 wp-block-group-is-layout-flex">
<p class="wp-block-site-title"><a href="{ctx.base}" target="_self" rel="home">{esc(ctx.site_name)}</a></p>
<nav class="is-responsive items-justified-right wp-block-navigation is-content-justification-right is-layout-flex wp-container-core-navigation-is-layout-1 wp-block-navigation-is-layout-flex" aria-label="Header navigation"><ul class="wp-block-navigation__container">{''.join(f'<li class="wp-block-navigation-item wp-block-navigation-link"><a class="wp-block-navigation-item__content" href="{ctx.base}/{slug(m)}/"><span class="wp-block-navigation-item__label">{esc(m)}</span></a></li>' for m in C['menu'][:7])}</ul></nav>
</div></div></header>
<main class="wp-block-group is-layout-flow wp-block-group-is-layout-flow" style="margin-top:var(--wp--preset--spacing--50)">
<div class="wp-block-group is-layout-constrained wp-block-group-is-layout-constrained">
<h1 style="margin-bottom:var(--wp--preset--spacing--40);" class="has-text-align-center wp-block-post-title">{esc(a['title'])}</h1>
<figure style="margin-bottom:var(--wp--preset--spacing--40);" class="alignwide wp-block-post-featured-image"><img width="1200" height="675" src="{esc(a.get('image') or '')}" class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="" style="object-fit:cover;" /></figure>
</div>
<div class="entry-content alignfull wp-block-post-content has-global-padding is-layout-constrained wp-block-post-content-is-layout-constrained">
{body_blocks(ctx)}</div>
<div style="margin-top:var(--wp--preset--spacing--40)" class="wp-block-group has-global-padding is-layout-constrained wp-block-group-is-layout-constrained">
<div class="wp-block-group is-layout-flex wp-block-group-is-layout-flex"><div class="wp-block-post-author"><div class="wp-block-post-author__content"><p class="wp-block-post-author__name">{esc(a['author'])}</p></div></div>
<div class="taxonomy-category wp-block-post-terms"><a href="{ctx.base}/category/{slug(a['section'])}/" rel="tag">{esc(a['section'])}</a></div></div>
<nav class="wp-block-group alignwide is-content-justification-space-between is-layout-flex wp-block-group-is-layout-flex" aria-label="Posts"><div class="post-navigation-link-previous wp-block-post-navigation-link"><a href="{esc(ctx.headlines[0][1])}" rel="prev">{esc(ctx.headlines[0][0])}</a></div><div class="post-navigation-link-next wp-block-post-navigation-link"><a href="{esc(ctx.headlines[1][1])}" rel="next">{esc(ctx.headlines[1][0])}</a></div></nav>
</div>
<div class="wp-block-comments wp-block-comments-query-loop"><h2 class="wp-block-heading">{esc(C['comments'])}</h2><p class="no-comments">{esc(C['no_comments'])}</p></div>
</main>
<footer class="wp-block-template-part"><div class="wp-block-group has-global-padding is-layout-constrained"><p class="has-text-align-center">{esc(ctx.site_name)} &copy; 2026. {esc(C['rights'])}</p></div></footer>
</div>
<script id="wp-block-template-skip-link-js-after">( function() {{ var skipLinkTarget = document.querySelector( 'main' ), sibling, skipLinkTargetID, skipLink; if ( ! skipLinkTarget ) {{ return; }} }}() );</script>
{misc_scripts(ctx)}</body>
</html>
"""
    return h

# --------------------------------------------------------------------------- broadsheet with a metered paywall: the whole text is served

def broadsheet_metered(ctx):
    a, C = ctx.a, ctx.C
    ld = json_ld_article(ctx, extra={"isAccessibleForFree": True})
    def between(i):
        if i == 1:
            return f'<div class="o-ads o-ads--mpu" data-o-ads-name="mpu" aria-hidden="true"><div id="div-gpt-ad-{ctx.post_id}-mpu"></div></div>'
        if i == 3:
            return (f'<aside class="n-content-pullquote"><blockquote class="n-content-pullquote__content"><p>Wildlife crime is organised crime.</p></blockquote></aside>')
        return ""
    h = f"""<!DOCTYPE html>
<html lang="{a['html_lang']}" class="no-js core">
<head>
<meta charset="utf-8">
<title>{esc(a['title'])} | {esc(ctx.site_name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{esc(a['description'])}">
<link rel="canonical" href="{a['url']}">
{og_meta(ctx)}<meta name="author" content="{esc(a['author'])}">
<script type="application/ld+json">{jdump(ld)}</script>
<style>{css_blob(ctx, ["o-header", "article__content-body", "n-content-body", "o-ads", "piano-modal", "o-footer", "onward-journey"], 70)}</style>
{gtag(ctx)}{ad_setup(ctx, 3)}</head>
<body class="article">
<header class="o-header" data-o-component="o-header"><div class="o-header__row o-header__top"><a class="o-header__top-logo" href="/" title="Go to {esc(ctx.site_name)} homepage"><span class="o-header__visually-hidden">{esc(ctx.site_name)}</span></a>
<a class="o-header__top-button o-header__top-button--hide-m" href="/subscribe">Subscribe</a><a class="o-header__top-link" href="/login">Sign In</a></div>
<nav class="o-header__row o-header__nav" role="navigation" aria-label="Primary navigation"><ul class="o-header__nav-list">{''.join(f'<li class="o-header__nav-item"><a class="o-header__nav-link" href="/{slug(m)}">{esc(m)}</a></li>' for m in C['menu'])}</ul></nav></header>
<div class="n-layout"><main class="n-layout__row n-layout__row--content" role="main">
<article class="article" id="site-content" data-trackable="article">
<div class="article__header"><div class="o-topper"><div class="o-topper__tags"><a href="/{slug(a['section'])}" class="o-topper__topic">{esc(a['section'])}</a></div><h1 class="o-topper__headline o-topper__headline--large"><span class="article-classifier__gap">{esc(a['title'])}</span></h1><div class="o-topper__standfirst">{esc(a['description'])}</div></div>
<div class="article-info"><p class="article-info__byline"><a href="/stream/{slug(a['author'])}" class="n-content-tag--author">{esc(a['author'])}</a> in Singapore</p><time data-o-component="o-date" class="article-info__timestamp o-date" datetime="{a['published']}">{esc(human_date(a['published'], 'en'))}</time></div></div>
<div class="article__content"><div class="article__lead"><p>{esc(a['body'][0])}</p></div><div class="article__content-body n-content-body js-article__content-body">
{body_blocks(ctx, between=between, skip_first=True)}</div></div>
<div class="article__right"><div class="onward-journey"><h2>{esc(C['related'])}</h2><ul>{''.join(f'<li><a href="{esc(u)}">{esc(t)}</a><p>{esc(s)}</p></li>' for t, u, s, _ in ctx.related[:3])}</ul></div></div>
</article>
<template id="barrier-template"><div class="barrier"><h2>{esc(C['paywall_h'])}</h2><p>{esc(C['paywall_p'])}</p><a href="/subscribe">Subscribe</a></div></template>
<div class="piano-modal tp-modal" style="display:none" aria-hidden="true"><div class="tp-iframe-wrapper"><h2>You have read 3 of 4 free articles this month</h2><p>Subscribe to continue reading without limits.</p><p>Already a subscriber? Sign in</p></div></div>
</main></div>
<footer class="o-footer o-footer--theme-dark"><div class="o-footer__container"><ul class="o-footer__matrix-list">{footer_links(ctx)}</ul><p class="o-footer__copyright">&copy; {esc(ctx.site_name)} 2026. {esc(C['rights'])}</p></div></footer>
{misc_scripts(ctx)}</body>
</html>
"""
    return h

# --------------------------------------------------------------------------- custom CMS: a short report above a long list of teasers

def listing_portal(ctx):
    a, C = ctx.a, ctx.C
    teasers = list(a["teasers"])
    cards = "".join(
        f'<div class="kad"><a class="kad-gambar" href="{ctx.base}/berita/{slug(t)}"><img src="{ctx.base}/img/kad-{k}.jpg" alt=""></a>'
        f'<h3 class="kad-tajuk"><a href="{ctx.base}/berita/{slug(t)}">{esc(t)}</a></h3><p>{esc(s)}</p><span class="kad-masa">{k + 1} jam lalu</span></div>'
        for k, (t, s) in enumerate(teasers))
    ld = json_ld_article(ctx)
    h = f"""<!DOCTYPE html>
<html lang="{a['html_lang']}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a['title'])} | {esc(ctx.site_name)}</title>
<meta name="description" content="{esc(a['description'])}">
<link rel="canonical" href="{a['url']}">
{og_meta(ctx)}<meta name="author" content="{esc(a['author'])}">
<script type="application/ld+json">{jdump(ld)}</script>
<style>{css_blob(ctx, ["kepala", "menu-utama", "berita-isi", "senarai-berita", "kad", "kaki"], 60)}</style>
{gtag(ctx)}</head>
<body>
<div class="kepala"><a href="/" class="logo"><img src="{ctx.base}/img/logo.png" alt="{esc(ctx.site_name)}"></a>
<ul class="menu-utama">{''.join(f'<li><a href="/{slug(m)}">{esc(m)}</a></li>' for m in C['menu'])}</ul></div>
<div class="bekas">
<article class="berita">
<h1 class="berita-tajuk">{esc(a['title'])}</h1>
<div class="berita-info">{esc(C['by'])} {esc(a['author'])} &middot; <time datetime="{a['published']}">{esc(human_date(a['published'], ctx.lang))}</time></div>
<div class="berita-isi">
{body_blocks(ctx)}</div>
<div class="berita-kongsi">{share_links(ctx, 'kongsi')}</div>
</article>
<div class="senarai-berita"><h2>Berita Lain</h2>
{cards}
</div>
</div>
<div class="kaki"><p>&copy; 2026 {esc(ctx.site_name)}. {esc(C['rights'])}</p><ul>{footer_links(ctx)}</ul></div>
{misc_scripts(ctx)}</body>
</html>
"""
    return h
