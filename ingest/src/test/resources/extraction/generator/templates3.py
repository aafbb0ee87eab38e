from common import *
from templates1 import body_blocks, read_also_p

# --------------------------------------------------------------------------- Vietnamese portal, VnExpress-like

def vnexpress(ctx):
    a, C = ctx.a, ctx.C
    iid = a["url"].rsplit("-", 1)[-1].split(".")[0]
    ld = json_ld_article(ctx)
    ld.pop("author", None)
    def between(i):
        if i == 0:
            return (f'<figure data-size="true" itemprop="associatedMedia image" itemscope itemtype="http://schema.org/ImageObject" class="tplCaption action_thumb_added">'
                    f'<meta itemprop="url" content="{esc(a.get("image") or "")}"><meta itemprop="width" content="680"><div class="fig-picture"><picture><img itemprop="contentUrl" loading="lazy" intrinsicsize="680x0" alt="{esc(a["title"])}" class="lazy" src="{esc(a.get("image") or "")}"></picture></div>'
                    f'<figcaption itemprop="description"><p class="Image">Các thiết bị thu giữ tại trụ sở nhóm. Ảnh: Công an cung cấp</p></figcaption></figure>')
        if i == 1:
            return '<div id="ads_inread" class="banner-ads"></div>'
        if i == 3:
            return (f'<table align="center" border="0" cellpadding="3" cellspacing="0" class="tplCaption" style="width:100%;"><tbody><tr><td><img alt="" src="https://i1-{ctx.domain}/2026/10/05/tang-vat-{iid}.jpg"/></td></tr>'
                    f'<tr><td><p class="Image">Tang vật thu giữ tại cơ quan công an. Ảnh: Công an TP HCM</p></td></tr></tbody></table>')
        return ""
    rel = "".join(f'<article class="item-news"><h4 class="title-news"><a href="{esc(u)}" title="{esc(t)}">{esc(t)}</a></h4><p class="description"><a href="{esc(u)}">{esc(s)}</a></p></article>'
                  for t, u, s, _ in ctx.related[:3])
    comments = "".join(f'<div class="comment_item"><div class="content-comment"><p class="full_content"><span class="txt-name"><a href="#" class="nickname"><b>{esc(n)}</b></a></span>{esc(t)}</p></div><div class="reactions-total"><a class="number">{ctx.rng.randint(1, 90)}</a></div></div>'
                       for n, t in C["comments_list"])
    featured = "".join(f'<article class="item-news"><h3 class="title-news"><a href="{esc(u)}">{esc(t)}</a></h3><p class="description"><a href="{esc(u)}">{esc(s)}</a></p></article>' for t, u, s, _ in ctx.related[:3])
    h = f"""<!DOCTYPE html>
<html lang="vi" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
<title>{esc(a['title'])} - {esc(ctx.site_name)}</title>
<meta name="description" content="{esc(a['description'])}"/>
<meta name="keywords" content="lừa đảo, tiền ảo, sàn giao dịch, công an"/>
<meta name="news_keywords" content="lừa đảo, tiền ảo"/>
<meta name="author" content="{esc(ctx.site_name)}"/>
<meta name="copyright" content="{esc(ctx.site_name)}"/>
<meta property="og:site_name" content="{esc(ctx.site_name)}"/>
<meta name="pubdate" itemprop="datePublished" content="{a['published']}"/>
<meta itemprop="dateCreated" content="{a['published']}"/>
<meta name="its_id" content="{iid}"/><meta name="its_section" content="phapluat"/><meta name="its_type" content="text"/><meta name="its_title" content="{esc(a['title'])}"/>
<meta property="og:type" content="article"/><meta property="og:title" content="{esc(a['title'])}"/><meta property="og:url" content="{a['url']}"/><meta property="og:image" content="{esc(a.get('image') or '')}"/><meta property="og:description" content="{esc(a['description'])}"/>
<link rel="canonical" href="{a['url']}"/>
<link rel="amphtml" href="{a['url'].replace('.vn/', '.vn/amp/')}"/>
<script type="application/ld+json">{jdump({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "item": {"@id": ctx.base + "/phap-luat", "name": "Pháp luật"}}]})}</script>
<script type="application/ld+json">{jdump(ld)}</script>
<link rel="stylesheet" href="https://s1.{ctx.domain}/restruct/c/v2410/pc/graphics/detail.css"/>
<style>{css_blob(ctx, ["header", "main-nav", "title-detail", "fck_detail", "box-tinlienquanv2", "box_comment_vne", "sidebar-2", "footer"], 55)}</style>
<script>var _ITEM_ID = '{iid}'; var _ITEM_TYPE = 1; var _SITE_ID = 1000000; var _CATE_ID = 1001007; var LOAD_ADS = true; var PageType = 'detail';</script>
{gtag(ctx)}</head>
<body class="page-detail">
<header class="section header clearfix"><div class="container flexbox"><div class="logo"><a href="/" title="{esc(ctx.site_name)}"><img src="https://s1.{ctx.domain}/logo.svg" alt="{esc(ctx.site_name)}"/></a></div>
<div class="time-now">{esc(human_date(a['published'], 'vi', False))}</div><div class="myvne_login"><a href="/dang-nhap" class="log_txt">Đăng nhập</a></div></div></header>
<nav class="section wrap-main-nav" id="wrap-main-nav"><div class="container"><ul class="parent">{''.join(f'<li><a href="/{slug(m)}" title="{esc(m)}">{esc(m)}</a></li>' for m in C['menu'])}</ul></div></nav>
<section class="section top-detail"><div class="container">
<div class="sidebar-1">
<div class="header-content width_common"><ul class="breadcrumb" data-campaign="Header-Breadcrumb"><li><a data-medium="Menu-PhapLuat" href="/phap-luat" title="Pháp luật">Pháp luật</a></li></ul><span class="date">{esc(a['date_text'])}</span></div>
<h1 class="title-detail">{esc(a['title'])}</h1>
<p class="description">{esc(a['description'])}</p>
<article class="fck_detail ">
{body_blocks(ctx, p_attrs=' class="Normal"', between=between)}<p class="Normal" style="text-align:right;"><strong>{esc(a['trailing_author'])}</strong></p>
<div class="box-tinlienquanv2" data-campaign="Box-TinLienQuan">{rel}</div>
</article>
<div class="footer-content"><div class="box-tag"><h4 class="item-tag">Chủ đề:</h4><a href="/chu-de/lua-dao" class="item-tag">Lừa đảo</a><a href="/chu-de/tien-ao" class="item-tag">Tiền ảo</a></div>
<div class="social_pin social_share"><a href="#" class="btn_facebook">{esc(C['share'])}</a></div></div>
<div id="box_comment_vne" class="box_comment_vne width_common"><h3 class="title_box_category">{esc(C['comments'])} ({len(C['comments_list'])})</h3><div class="box_comment"><div class="input_comment"><textarea placeholder="{esc(C['comment_ph'])}"></textarea></div>{comments}</div></div>
</div>
<div class="sidebar-2"><div class="box-category box-cate-featured"><h3 class="title-box-category">{esc(C['most_read'])}</h3>{featured}</div>
<div id="box-xemnhieu" class="box-xemnhieu"><ul>{most_read_list(ctx, 5)}</ul></div></div>
</div></section>
<footer id="footer" class="footer"><div class="container"><ul>{footer_links(ctx)}</ul><p class="copyright">&copy; Copyright 1997-2026 {esc(ctx.site_name)}. {esc(C['rights'])}</p></div></footer>
<script src="https://s1.{ctx.domain}/restruct/j/v2410/pc/prod/detail.js" async></script>
{misc_scripts(ctx)}</body>
</html>
"""
    return h

# --------------------------------------------------------------------------- Vietnamese portal, Tuoi Tre-like (dates without offset)

def tuoitre(ctx):
    a, C = ctx.a, ctx.C
    naive = a["published_zone_less"]
    ld = json_ld_article(ctx, published=naive)
    def between(i):
        if i == 0 and ctx.related:
            t, u, _, _ = ctx.related[0]
            return (f'<div class="VCSortableInPreviewMode" type="RelatedNewsBox"><article class="relate-container"><div class="relate-title">TIN LIÊN QUAN</div>'
                    f'<div class="relate-content"><a data-type="0" title="{esc(t)}" href="{esc(u)}">{esc(t)}</a></div></article></div>')
        if i == 1:
            return (f'<figure class="VCSortableInPreviewMode" type="Photo" style=""><div><a href="{esc(a.get("image") or "")}" data-fancybox-group="img-lightbox" title="" target="_blank" class="detail-img-lightbox">'
                    f'<img src="{esc(a.get("image") or "")}" id="img_{ctx.post_id}" w="1024" h="768" alt="" title="" rel="lightbox" photoid="{ctx.post_id}" type="photo" style="max-width:100%;" width="" height="" class="lightbox-content"></a></div>'
                    f'<figcaption class="PhotoCMS_Caption"><p data-placeholder="[nhập chú thích]" class="">Tang vật vụ án - Ảnh: BĐBP cung cấp</p></figcaption></figure>')
        if i == 3 and len(ctx.related) > 1:
            t, u, _, _ = ctx.related[1]
            return f'<div class="VCSortableInPreviewMode link-content-footer IMSCurrentEditorEditObject" type="link"><a href="{esc(u)}" title="{esc(t)}">{esc(t)}</a></div>'
        if i == 2 and len(ctx.related) > 2:
            t, u, sn, img = ctx.related[2]
            return (f'<div class="VCSortableInPreviewMode" type="RelatedOneNews"><div class="kbwscwl-relatedbox"><a href="{esc(u)}"><img src="{esc(img or "")}" alt=""></a>'
                    f'<div class="kbwscwl-relatedbox-content"><a class="title" href="{esc(u)}">{esc(t)}</a><p class="sapo">{esc(sn)}</p></div></div></div>')
        return ""
    h = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8" />
<title>{esc(a['title'])} - {esc(ctx.site_name)}</title>
<meta name="description" content="{esc(a['description'])}" />
<meta property="og:title" content="{esc(a['title'])}" />
<meta property="og:url" content="{a['url']}" />
<meta property="og:image" content="{esc(a.get('image') or '')}" />
<meta property="og:site_name" content="{esc(ctx.site_name)}" />
<meta property="article:published_time" content="{naive}" />
<meta name="pubdate" content="{naive}" />
<link rel="canonical" href="{a['url']}" />
<script type="application/ld+json">{jdump(ld)}</script>
<link href="https://static.{ctx.domain}/web_images/css/detail.min.css" rel="stylesheet" />
<style>{css_blob(ctx, ["detail-cmain", "detail-content", "detail-sapo", "header__nav", "box-category", "footer__bottom"], 60)}</style>
{gtag(ctx)}{ad_setup(ctx, 3)}</head>
<body>
<div class="header"><div class="header__logo"><a href="/" title="{esc(ctx.site_name)}"><img src="https://static.{ctx.domain}/logo.png" alt="{esc(ctx.site_name)}"/></a></div>
<div class="header__nav"><ul class="menu-nav">{''.join(f'<li class="menu-nav__item"><a href="/{slug(m)}.htm">{esc(m)}</a></li>' for m in C['menu'])}</ul></div></div>
<div class="detail__section"><div class="container"><div class="detail__cmain">
<div class="detail-top"><div class="detail-cate"><a href="/phap-luat.htm">{esc(a['section'])}</a></div><div class="detail-time"><div data-role="publishdate">{esc(human_date(a['published'], 'vi'))} GMT+7</div></div></div>
<h1 class="detail-title article-title" data-role="title">{esc(a['title'])}</h1>
<div class="detail-author-bot"><div class="author-info"><a class="name" href="/tac-gia/{slug(a['author'])}.htm" title="{esc(a['author'])}">{esc(a['author'])}</a></div></div>
<h2 class="detail-sapo" data-role="sapo">{esc(a['description'])}</h2>
<div class="detail-cmain clearfix"><div class="detail-content afcbc-body" data-role="content" itemprop="articleBody">
{body_blocks(ctx, between=between)}</div></div>
<div class="detail-tab"><span class="label">Từ khóa:</span><ul class="detail-tag-list"><li><a href="/ma-tuy.html">ma túy</a></li><li><a href="/bien-gioi.html">biên giới</a></li></ul></div>
<div class="author-box"><span class="name">{esc(a['author'])}</span> <span>{esc(C['author_bio'])}</span></div>
<div id="detail-comment" class="box-comment"><div class="box-comment-title">{esc(C['comments'])}</div><div class="comment-list">{''.join(f'<div class="item-comment"><span class="name">{esc(n)}</span><div class="contentcomment">{esc(t)}</div></div>' for n, t in C['comments_list'])}</div></div>
</div>
<div class="detail__sidebar"><div class="box-category box-most-read"><div class="box-category-top"><h2 class="box-category-title">{esc(C['most_read'])}</h2></div><div class="box-category-middle">{''.join(f'<div class="box-category-item"><h3 class="box-title-text"><a class="box-category-link-title" href="{esc(u)}">{esc(t)}</a></h3><p class="box-category-sapo">{esc(s)}</p></div>' for t, u, s, _ in ctx.related[:3])}</div></div></div>
</div></div>
<div class="footer"><div class="footer__top"><ul>{footer_links(ctx)}</ul></div><div class="footer__bottom"><p>&copy; {esc(ctx.site_name)} 2026. {esc(C['rights'])}</p></div></div>
{misc_scripts(ctx)}</body>
</html>
"""
    return h

# --------------------------------------------------------------------------- AMP

def amp(ctx):
    a, C = ctx.a, ctx.C
    canonical = a.get("canonical", a["url"])
    ld = json_ld_article(ctx)
    def between(i):
        if i == 0:
            return f'<amp-ad width="300" height="250" type="doubleclick" data-slot="/21{ctx.post_id}/amp_inarticle_1" data-multi-size="336x280,300x250" data-multi-size-validation="false"><div placeholder></div><div fallback></div></amp-ad>'
        if i == 1 and "read_also_label" in a:
            return read_also_p(ctx, 0, strong_all=False)
        if i == 2:
            return ('<amp-carousel width="800" height="450" layout="responsive" type="slides">'
                    + "".join(f'<amp-img src="{ctx.base}/uploads/gallery-{k}.jpg" width="800" height="450" layout="responsive" alt=""></amp-img>' for k in range(3))
                    + '</amp-carousel>')
        return ""
    h = f"""<!doctype html>
<html ⚡ lang="{a['html_lang']}">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<script async custom-element="amp-analytics" src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js"></script>
<script async custom-element="amp-social-share" src="https://cdn.ampproject.org/v0/amp-social-share-0.1.js"></script>
<script async custom-element="amp-sidebar" src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js"></script>
<script async custom-element="amp-carousel" src="https://cdn.ampproject.org/v0/amp-carousel-0.2.js"></script>
<script async custom-element="amp-embed" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<title>{esc(a['title'])} - {esc(ctx.site_name)}</title>
<link rel="canonical" href="{canonical}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<meta name="description" content="{esc(a['description'])}">
{og_meta(ctx)}<meta name="author" content="{esc(author_text(a) or '')}">
<script type="application/ld+json">{jdump(ld)}</script>
<style amp-custom>{css_blob(ctx, ["amp-header", "amp-title", "amp-meta", "amp-content", "amp-related", "amp-footer", "amp-tags"], 60)}</style>
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-moz-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}}@-webkit-keyframes -amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}@keyframes -amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}</style><noscript><style amp-boilerplate>body{{-webkit-animation:none;-moz-animation:none;-ms-animation:none;animation:none}}</style></noscript>
</head>
<body>
<amp-analytics type="gtag" data-credentials="include"><script type="application/json">{{"vars":{{"gtag_id":"G-{ctx.post_id}","config":{{"G-{ctx.post_id}":{{"groups":"default"}}}}}}}}</script></amp-analytics>
<amp-sidebar id="sidebar" layout="nodisplay" side="left"><nav class="amp-menu"><ul>{''.join(f'<li><a href="{ctx.base}/{slug(m)}">{esc(m)}</a></li>' for m in C['menu'])}</ul></nav></amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle" class="hamburger" aria-label="Menu">&#9776;</button><a href="{ctx.base}/"><amp-img src="{ctx.base}/assets/logo.png" width="160" height="40" alt="{esc(ctx.site_name)}"></amp-img></a></header>
<main>
<article class="amp-article">
<div class="amp-breadcrumb"><a href="{ctx.base}/">{esc(C['menu'][0])}</a> &rsaquo; <a href="{ctx.base}/{slug(a['section'])}">{esc(a['section'])}</a></div>
<h1 class="amp-title">{esc(a['title'])}</h1>
<div class="amp-meta"><span class="amp-author">{esc(C['by'])} {esc(author_text(a) or '')}</span> - <time datetime="{a['published']}">{esc(human_date(a['published'], ctx.lang))}</time></div>
<amp-img class="amp-featured" src="{esc(a.get('image') or '')}" width="1200" height="675" layout="responsive" alt="{esc(a['title'])}"></amp-img>
<p class="amp-caption">{esc(C['caption'])} ({esc(C['photo'])}: {esc(ctx.site_name)})</p>
<div class="amp-share"><amp-social-share type="facebook" data-param-app_id="{ctx.post_id}" width="40" height="40"></amp-social-share><amp-social-share type="whatsapp" width="40" height="40"></amp-social-share><amp-social-share type="twitter" width="40" height="40"></amp-social-share></div>
<div class="amp-content">
{body_blocks(ctx, between=between)}<amp-embed width="100" height="100" type="mgid" layout="responsive" data-publisher="{ctx.domain}" data-widget="{ctx.post_id}"></amp-embed>
</div>
<div class="amp-tags"><span>{esc(C['tags'])}:</span> {''.join(f'<a href="{ctx.base}/tag/{slug(w)}">#{esc(w)}</a> ' for w in a['title'].split()[:3])}</div>
<div class="amp-related"><h2>{esc(C['related'])}</h2><ul>{''.join(f'<li><a href="{esc(u)}">{esc(t)}</a></li>' for t, u, s, _ in ctx.related[:4])}</ul></div>
</article>
</main>
<footer class="amp-footer"><ul>{footer_links(ctx)}</ul><p>&copy; 2026 {esc(ctx.site_name)}. {esc(C['rights'])}</p></footer>
</body>
</html>
"""
    return h

# --------------------------------------------------------------------------- Indonesian portal, detik-like

def detik(ctx):
    a, C = ctx.a, ctx.C
    ld = json_ld_article(ctx)
    naive = a["published"][:19].replace("-", "/").replace("T", " ")
    def between(i):
        if i == 1:
            return ('<div class="parallaxindetail scrollpage" id="parallax_detail"><div class="ads-scrollpage-container"><div class="ads-scrollpage-top"><span class="mr-1">ADVERTISEMENT</span></div>'
                    f'<div class="ads-scrollpage-height"><div class="ads-scrollpage-box"><div class="ads-scrollpage-wrapper" id="div-gpt-ad-{ctx.post_id}-parallax"></div></div></div>'
                    '<div class="ads-scrollpage-bottom"><span>SCROLL TO CONTINUE WITH CONTENT</span></div></div></div>')
        if i == 2 and ctx.related:
            t, u, _, _ = ctx.related[0]
            return f'<table class="linksisip"><tbody><tr><td><div class="lihatjg"><strong>{esc(a["read_also_label"])} </strong><a href="{esc(u)}">{esc(t)}</a></div></td></tr></tbody></table>'
        if i == 3:
            return '<!--s:parallaxindetail--><div class="clearfix"></div><!--e:parallaxindetail-->'
        return ""
    h = f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="utf-8" />
<title>{esc(a['title'])}</title>
<meta name="description" content="{esc(a['description'])}" />
<meta name="author" content="{esc(a['author'])}" />
<meta name="dtk:author" content="{esc(a['author'])}" />
<meta name="publishdate" content="{naive}" />
<meta name="dtk:publishdate" content="{naive}" />
<meta name="dtk:keywords" content="sabu,narkoba,aceh" />
<meta property="og:type" content="article" /><meta property="og:site_name" content="{esc(ctx.site_name)}" /><meta property="og:title" content="{esc(a['title'])}" /><meta property="og:image" content="{esc(a.get('image') or '')}" /><meta property="og:url" content="{a['url']}" /><meta property="og:description" content="{esc(a['description'])}" />
<link rel="canonical" href="{a['url']}" />
<script type="application/ld+json">{jdump(ld)}</script>
<link rel="stylesheet" href="https://cdn.{ctx.domain}/detik2/css/detail.css?v=2026100" />
<style>{css_blob(ctx, ["detail__title", "detail__body-text", "ads-scrollpage-top", "linksisip", "nav__item", "footer"], 55)}</style>
{gtag(ctx)}{ad_setup(ctx, 5)}<script>var dtmDataLayer = {{"createddate":"{naive}","articleid":"{ctx.post_id}","kanalid":"3","namakanal":"Berita","namauser":"{esc(a['author'])}","tipe":"singlepagenews"}};</script>
</head>
<body>
<div class="container"><header class="header"><div class="header__logo"><a href="/"><img src="https://cdn.{ctx.domain}/logo.svg" alt="{esc(ctx.site_name)}"/></a></div>
<nav class="navbar"><ul class="nav">{''.join(f'<li class="nav__item"><a href="/{slug(m)}">{esc(m)}</a></li>' for m in C['menu'])}</ul></nav></header>
<div class="grid-row content__bg"><div class="column-8">
<article class="detail">
<div class="detail__header"><div class="page__breadcrumb"><a href="/">{esc(ctx.site_name)}</a> <a href="/berita">Berita</a></div>
<h1 class="detail__title">{esc(a['title'])}</h1>
<div class="detail__author">{esc(a['author'])} - {esc(ctx.site_name)}</div><div class="detail__date">Senin, 06 Okt 2026 14:32 WIB</div></div>
<div class="detail__media"><figure class="detail__media-image"><img src="{esc(a.get('image') or '')}" alt="{esc(a['title'])}" title="{esc(a['title'])}" class="p_img_zoomin img-zoomin"/><figcaption class="detail__media-caption">{esc(C['caption'])} (Foto: dok. Polda Aceh)</figcaption></figure></div>
<div class="detail__body itp_bodycontent_wrapper"><div class="detail__body-text itp_bodycontent">
{body_blocks(ctx, between=between)}<div class="detail__body-tag mgt-16"><div class="nav">{''.join(f'<a href="/tag/{slug(w)}" class="nav__item">{esc(w)}</a>' for w in ['sabu', 'narkoba', 'aceh'])}</div></div>
<strong>{esc(a['initials'])}</strong>
</div></div>
<div class="detail__share"><div class="share-box">{share_links(ctx, 'share-box__item')}</div></div>
</article>
<div class="list-content"><h2 class="title">{esc(C['related'])}</h2>{''.join(f'<article class="list-content__item"><h3 class="media__title"><a href="{esc(u)}" class="media__link">{esc(t)}</a></h3><div class="media__desc">{esc(s)}</div></article>' for t, u, s, _ in ctx.related[:4])}</div>
<div class="komentar" id="komentar"><h2>{esc(C['comments'])}</h2><div class="komentar__list">{''.join(f'<div class="komentar__item"><b>{esc(n)}</b><p>{esc(t)}</p></div>' for n, t in C['comments_list'])}</div></div>
</div>
<div class="column-4"><div class="box cb-mostpop"><h2 class="title">{esc(C['most_read'])}</h2><ol class="list-content">{most_read_list(ctx, 5)}</ol></div></div>
</div>
<footer class="footer"><ul>{footer_links(ctx)}</ul><p>&copy; 2026 {esc(ctx.site_name)}. {esc(C['rights'])}</p></footer>
</div>
{misc_scripts(ctx)}</body>
</html>
"""
    return h

# --------------------------------------------------------------------------- Indonesian portal, Kompas-like

def kompas(ctx):
    a, C = ctx.a, ctx.C
    ld = json_ld_article(ctx)
    def between(i):
        if i == 1 and ctx.related:
            t, u, _, _ = ctx.related[0]
            return f'<p><strong>{esc(a["read_also_label"])} <a class="inner-link-baca-juga" href="{esc(u)}">{esc(t)}</a></strong></p>'
        if i == 2:
            return f'<div class="ads-on-body"><div id="div-gpt-ad-{ctx.post_id}-body" class="adv-mobile"></div></div>'
        if i == 3 and len(ctx.related) > 1:
            t, u, _, _ = ctx.related[1]
            return f'<p><strong>{esc(a["read_also_label"])} <a class="inner-link-baca-juga" href="{esc(u)}">{esc(t)}</a></strong></p>'
        return ""
    first = True
    body = body_blocks(ctx, between=between)
    # The dateline is bold on this site.
    dateline = a["body"][0].split(" - ", 1)[0]
    body = body.replace("<p>" + esc(dateline), "<p><strong>" + esc(dateline) + "</strong>", 1)
    h = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="UTF-8">
<title>{esc(a['title'])} Halaman all - {esc(ctx.site_name)}</title>
<meta name="description" content="{esc(a['description'])}">
<meta name="author" content="{esc(ctx.site_name)}">
<meta name="content_author" content="{esc(a['author'])}">
<meta name="content_editor" content="{esc(a['editor'])}">
<meta name="content_PublishedDate" content="{a['published'][:19].replace('T', ' ')}">
<meta property="og:site_name" content="{esc(ctx.site_name)}"><meta property="og:title" content="{esc(a['title'])}"><meta property="og:url" content="{a['url']}"><meta property="og:image" content="{esc(a.get('image') or '')}"><meta property="og:type" content="article">
<meta property="article:published_time" content="{a['published']}">
<link rel="canonical" href="{a['url']}">
<script type="application/ld+json">{jdump(ld)}</script>
<link rel="stylesheet" href="https://asset.{ctx.domain}/css/read.css?v=3.2.1">
<style>{css_blob(ctx, ["read__title", "read__content", "read__credit", "ads-on-body", "most__list", "footer__menu"], 60)}</style>
{gtag(ctx)}{ad_setup(ctx, 4)}</head>
<body>
<div class="header"><div class="logo"><a href="/"><img src="https://asset.{ctx.domain}/logo.png" alt="{esc(ctx.site_name)}"></a></div>
<div class="nav"><ul class="nav__wrap">{''.join(f'<li class="nav__item"><a href="/{slug(m)}">{esc(m)}</a></li>' for m in C['menu'])}</ul></div></div>
<div class="container clearfix"><div class="row col-offset-fluid clearfix">
<div class="col-bs10-7">
<div class="read__header"><div class="breadcrumb"><ul class="breadcrumb__wrap"><li class="breadcrumb__item"><a href="/">{esc(ctx.site_name)}</a></li><li class="breadcrumb__item"><a href="/regional">Regional</a></li></ul></div>
<h1 class="read__title">{esc(a['title'])}</h1>
<div class="read__time">{esc(ctx.site_name)} - {esc(human_date(a['published'], 'vi'))} WIB</div></div>
<div class="photo"><div class="photo__wrap"><img src="{esc(a.get('image') or '')}" alt=""></div><div class="photo__caption">{esc(C['caption'])} ({esc(C['photo'])}: Dok. Polda Sumut)</div></div>
<div class="read__content"><div class="clearfix">
{body}<p>Dapatkan update berita pilihan dan breaking news setiap hari dari {esc(ctx.site_name)}. Mari bergabung di Grup Telegram "{esc(ctx.site_name)} News Update", caranya klik link https://t.me/{slug(ctx.site_name)}, kemudian join. Anda harus install aplikasi Telegram terlebih dulu di ponsel.</p>
</div></div>
<div class="read__credit"><div class="read__credit__item" id="penulis">Penulis: <a href="/penulis/{slug(a['author'])}">{esc(a['author'])}</a></div><div class="read__credit__item" id="editor">Editor: <a href="/editor/{slug(a['editor'])}">{esc(a['editor'])}</a></div></div>
<div class="tag__article"><h3 class="tag__article__title">Tag</h3><ul class="tag__article__wrap">{''.join(f'<li class="tag__article__item"><a href="/tag/{slug(w)}" class="tag__article__link">{esc(w)}</a></li>' for w in ['TPPO', 'Kamboja', 'Pekerja Migran'])}</ul></div>
<div class="social--inline">{share_links(ctx, 'social__link')}</div>
<div class="most__wrap"><div class="title"><h3>{esc(C['related'])}</h3></div><div class="most__list clearfix">{''.join(f'<div class="most__item"><a href="{esc(u)}" class="most__link"><h4 class="most__title">{esc(t)}</h4></a></div>' for t, u, s, _ in ctx.related[:4])}</div></div>
</div>
<div class="col-bs10-3"><div class="most__wrap"><div class="title"><h3>{esc(C['most_read'])}</h3></div><div class="most__list">{most_read_list(ctx, 5)}</div></div></div>
</div></div>
<div class="footer"><ul class="footer__menu">{footer_links(ctx)}</ul><div class="footer__copy">Copyright 2008 - 2026 {esc(ctx.site_name)}. {esc(C['rights'])}</div></div>
{misc_scripts(ctx)}</body>
</html>
"""
    return h

# --------------------------------------------------------------------------- Indonesian agency, Antara-like (text between <br>)

def antara_br(ctx):
    a, C = ctx.a, ctx.C
    items = shown_body(a)
    parts = []
    for i, p in enumerate(items):
        if i == 0:
            head, rest = p.split(" - ", 1)
            parts.append(f"<b>{esc(head)}</b> - {esc(rest)}")
        else:
            parts.append(esc(p))
        if i == 1 and ctx.related:
            t, u, _, _ = ctx.related[0]
            parts.append(f'<span class="baca-juga"><b>Baca juga: </b><a href="{esc(u)}">{esc(t)}</a></span>')
        if i == 2:
            parts.append(f'<div class="ads_antara_content"><div id="div-gpt-ad-{ctx.post_id}-1"></div></div>')
    text = "<br><br>".join(parts)
    text = text.replace("<br><br><div", "<div").replace("</div><br><br>", "</div>")
    ld = json_ld_article(ctx)
    h = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{esc(a['title'])} - {esc(ctx.site_name)}</title>
<meta name="description" content="{esc(a['description'])}">
<meta name="author" content="{esc(a['author'])}">
<meta property="og:title" content="{esc(a['title'])}"><meta property="og:url" content="{a['url']}"><meta property="og:image" content="{esc(a.get('image') or '')}"><meta property="og:site_name" content="{esc(ctx.site_name)}">
<meta property="article:published_time" content="{a['published']}">
<link rel="canonical" href="{a['url']}">
<script type="application/ld+json">{jdump(ld)}</script>
<link rel="stylesheet" href="https://static.{ctx.domain}/css/main.css?v=1.4">
<style>{css_blob(ctx, ["wrap__article-detail", "post-content", "text-muted", "main-menu", "footer-area"], 50)}</style>
{gtag(ctx)}</head>
<body>
<header class="header-area"><div class="logo"><a href="/"><img src="https://static.{ctx.domain}/img/logo.png" alt="{esc(ctx.site_name)}"></a></div>
<div class="main-menu"><ul>{''.join(f'<li><a href="/{slug(m)}">{esc(m)}</a></li>' for m in C['menu'])}</ul></div></header>
<section class="pb-50"><div class="container"><div class="row"><div class="col-md-8">
<div class="wrap__article-detail">
<div class="wrap__article-detail-title"><h1>{esc(a['title'])}</h1></div>
<div class="wrap__article-detail-info"><ul class="list-inline"><li class="list-inline-item"><span class="text-secondary font-weight-normal"><i class="fa fa-clock-o"></i> Kamis, 25 September 2026 19:48 WIB</span></li></ul></div>
<div class="wrap__article-detail-image"><figure><img src="{esc(a.get('image') or '')}" alt="" class="img-fluid"><figcaption class="d-block">{esc(C['caption'])} ANTARA/HO-Bea Cukai Batam</figcaption></figure></div>
<div class="wrap__article-detail-content post-content">
{text}<br><br><p class="text-muted mt-2 small">Pewarta: {esc(a['author'])}<br />Editor: {esc(a['editor'])}<br />COPYRIGHT © {esc(ctx.site_name.upper())} 2026</p>
</div>
<div class="blog-tags"><ul class="list-inline"><li class="list-inline-item"><i class="fa fa-tags"></i></li><li class="list-inline-item"><a href="/tag/benih-lobster">#benih lobster</a></li><li class="list-inline-item"><a href="/tag/bea-cukai">#bea cukai</a></li></ul></div>
</div>
<div class="wrapper__list__article"><h4 class="border_section">{esc(C['related'])}</h4>{''.join(f'<div class="card__post card__post-list"><div class="card__post__title"><h5><a href="{esc(u)}">{esc(t)}</a></h5></div><p class="d-none d-lg-block d-xl-block">{esc(s)}</p></div>' for t, u, s, _ in ctx.related[:4])}</div>
</div>
<div class="col-md-4"><aside class="wrapper__list__article"><h4 class="border_section">{esc(C['most_read'])}</h4><ol>{most_read_list(ctx, 5)}</ol></aside></div>
</div></div></section>
<section class="wrapper__section p-0"><div class="wrapper__section__components"><footer><div class="wrapper__footer bg__footer"><ul>{footer_links(ctx)}</ul></div><div class="wrapper__footer-bottom"><p>Copyright &copy; 2026 {esc(ctx.site_name)}</p></div></footer></div></section>
{misc_scripts(ctx)}</body>
</html>
"""
    return h
