from common import *

def body_blocks(ctx, p_attrs="", between=None, read_also=None, inline_mode="text", heading_tag=None, skip_first=False):
    """HTML of the shown body: paragraphs with inline junk, headings, lists, and boxes between paragraphs.
    between(i) returns HTML to put after the i-th shown item (or '')."""
    a = ctx.a
    out = []
    items = shown_body(a)
    for i, item in enumerate(items):
        if skip_first and i == 0:
            continue
        if isinstance(item, str):
            junk = a.get("inline_junk", {}).get(i)
            if junk:
                j = esc(junk) if inline_mode == "text" else f'<span class="{inline_mode}">{esc(junk)}</span>'
                out.append(f"<p{p_attrs}>{with_inline_junk(item, j)}</p>")
            else:
                out.append(f"<p{p_attrs}>{decorate(ctx, item, i)}</p>")
        elif item[0] in ("h2", "h3"):
            out.append(f"<{heading_tag or item[0]}>{esc(item[1])}</{heading_tag or item[0]}>")
        elif item[0] == "ul":
            out.append("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in item[1]) + "</ul>")
        if between and i < len(items) - 1:
            extra = between(i)
            if extra:
                out.append(extra)
    return "\n".join(out) + "\n"

def decorate(ctx, text, i):
    """The paragraph's HTML with what writers put inside paragraphs: a link on a few words, emphasis."""
    if i not in (1, 3) or len(text) < 80:
        return esc(text)
    spaced = " " in text[:60]
    if spaced:
        words = text.split(" ")
        lo, hi = (2, 5) if i == 1 else (4, 6)
        if len(words) <= hi:
            return esc(text)
        head, mid, tail = " ".join(words[:lo]), " ".join(words[lo:hi]), " ".join(words[hi:])
        sep = " "
    else:
        head, mid, tail = text[:8], text[8:16], text[16:]
        sep = ""
    if i == 1:
        inner = f'<a href="{ctx.base}/tag/{slug(mid) or "topik"}/" title="{esc(mid)}">{esc(mid)}</a>'
    else:
        inner = f"<strong>{esc(mid)}</strong>"
    return esc(head) + sep + inner + sep + esc(tail)

def read_also_p(ctx, k=0, strong_all=True):
    if not ctx.related:
        return ""
    t, u, _, _ = ctx.related[k % len(ctx.related)]
    label = ctx.a.get("read_also_label", "READ ALSO:")
    if strong_all:
        return f'<p><strong>{esc(label)} <a href="{esc(u)}">{esc(t)}</a></strong></p>'
    return f'<p><strong>{esc(label)}</strong> <a href="{esc(u)}">{esc(t)}</a></p>'

# --------------------------------------------------------------------------- tagDiv Newspaper (WordPress)

def tagdiv(ctx):
    a, C = ctx.a, ctx.C
    pid = ctx.post_id
    classes = ["td-header-wrap", "td-main-menu-logo", "td-post-content", "td_module_related_posts", "td-post-sharing",
               "td-footer-wrapper", "td-pb-span8", "td-ss-main-sidebar", "td-crumb-container", "td-post-header", "td-module-meta-info"]
    graph = {"@context": "https://schema.org", "@graph": [
        dict(json_ld_article(ctx, "Article"), **{"@id": a["url"] + "#article", "isPartOf": {"@id": a["url"]},
                                                 "articleSection": [a["section"]]}),
        {"@type": "WebPage", "@id": a["url"], "url": a["url"], "name": f'{a["title"]} | {ctx.site_name}',
         "datePublished": a.get("published"), "dateModified": a.get("modified") or a.get("published"),
         "inLanguage": a["html_lang"], "breadcrumb": {"@id": a["url"] + "#breadcrumb"}},
        {"@type": "BreadcrumbList", "@id": a["url"] + "#breadcrumb", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": C["menu"][0], "item": ctx.base + "/"},
            {"@type": "ListItem", "position": 2, "name": a["title"]}]},
        {"@type": "WebSite", "@id": ctx.base + "/#website", "url": ctx.base + "/", "name": ctx.site_name,
         "potentialAction": [{"@type": "SearchAction", "target": {"@type": "EntryPoint", "urlTemplate": ctx.base + "/?s={search_term_string}"},
                              "query-input": "required name=search_term_string"}]}]}
    def between(i):
        n = len(shown_body(a))
        if i == 1:
            return ('<div class="td-a-rec td-a-rec-id-content_inline  tdi_3 td_block_template_1"><span class="td-adspot-title">- Advertisement -</span>'
                    f'<ins class="adsbygoogle" style="display:inline-block;width:300px;height:250px" data-ad-client="ca-pub-{pid}1234" data-ad-slot="{pid}01"></ins>'
                    '<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>')
        if i == 2 and "read_also_label" in a:
            return read_also_p(ctx, 0)
        if i == n - 3 and n > 5:
            return f'<div class="td-a-rec td-a-rec-id-content_inline_2 tdi_5 td_block_template_1"><div id="div-gpt-ad-{pid}-2" style="min-height:250px"></div></div>'
        return ""
    if a.get("name", "").startswith("tl-short"):
        between = None
    human = human_date(a.get("published"), ctx.lang, with_time=False)
    related = "".join(
        f'<div class="td-related-span4"><div class="td_module_related_posts td-animation-stack td_mod_related_posts"><div class="td-module-image">'
        f'<div class="td-module-thumb"><a href="{esc(u)}" rel="bookmark" class="td-image-wrap" title="{esc(t)}"><img class="entry-thumb" src="{esc(img or ctx.base + "/wp-content/uploads/2026/10/thumb.jpg")}" alt="" width="218" height="150"/></a></div>'
        f'<a href="{ctx.base}/category/{slug(a["section"])}/" class="td-post-category">{esc(a["section"])}</a></div>'
        f'<div class="item-details"><h3 class="entry-title td-module-title"><a href="{esc(u)}" rel="bookmark" title="{esc(t)}">{esc(t)}</a></h3></div></div></div>'
        for t, u, s, img in ctx.related[:3])
    popular = "".join(
        f'<div class="td_module_6 td_module_wrap td-animation-stack"><div class="td-module-thumb"><a href="{esc(u)}"><img width="100" height="70" src="{ctx.base}/wp-content/uploads/thumb-{i}.jpg" alt=""/></a></div>'
        f'<div class="item-details"><h3 class="entry-title td-module-title"><a href="{esc(u)}" rel="bookmark" title="{esc(t)}">{esc(t)}</a></h3>'
        f'<div class="td-module-meta-info"><span class="td-post-date"><time class="entry-date updated td-module-date" datetime="2026-09-2{i}T10:00:00+08:00">2{i}/09/2026</time></span></div></div></div>'
        for i, (t, u) in enumerate(ctx.headlines[:5]))
    mega = "".join(
        f'<div class="td_module_mega_menu td-meta-info-hide td_mod_mega_menu"><div class="td-module-image"><div class="td-module-thumb"><a href="{esc(u)}" rel="bookmark" title="{esc(t)}"><img class="entry-thumb" src="{ctx.base}/wp-content/uploads/mega-{i}.jpg" alt="" width="218" height="150"/></a></div></div>'
        f'<div class="item-details"><h3 class="entry-title td-module-title"><a href="{esc(u)}" rel="bookmark" title="{esc(t)}">{esc(t)}</a></h3></div></div>'
        for i, (t, u) in enumerate(ctx.headlines[:4]))
    tags = "".join(f'<li><a href="{ctx.base}/tag/{slug(w)}/">{esc(w)}</a></li>' for w in a["title"].split()[:4])
    h = f"""<!doctype html >
<!--[if IE 8]>    <html class="ie8" lang="en"> <![endif]-->
<!--[if IE 9]>    <html class="ie9" lang="en"> <![endif]-->
<!--[if gt IE 8]><!--> <html lang="{a['html_lang']}"> <!--<![endif]-->
<head>
    <title>{esc(a['title'])} | {esc(ctx.site_name)}</title>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link rel="pingback" href="{ctx.base}/xmlrpc.php" />
    <meta name='robots' content='index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1' />
<link rel="icon" type="image/png" href="{ctx.base}/wp-content/uploads/2024/01/favicon.png">
<!-- This site is optimized with the Yoast SEO plugin v23.4 - https://yoast.com/wordpress/plugins/seo/ -->
<meta name="description" content="{esc(a['description'])}" />
<link rel="canonical" href="{a['url']}" />
{og_meta(ctx, locale=a['html_lang'].replace('-', '_'))}<meta property="article:publisher" content="https://www.facebook.com/{slug(ctx.site_name)}" />
<meta name="author" content="{esc(author_text(a) or '')}" />
<meta name="twitter:label1" content="Written by" /><meta name="twitter:data1" content="{esc(author_text(a) or '')}" />
<meta name="twitter:label2" content="Est. reading time" /><meta name="twitter:data2" content="3 minutes" />
<script type="application/ld+json" class="yoast-schema-graph">{jdump(graph)}</script>
<!-- / Yoast SEO plugin. -->
<link rel='dns-prefetch' href='//fonts.googleapis.com' />
<link rel="alternate" type="application/rss+xml" title="{esc(ctx.site_name)} &raquo; Feed" href="{ctx.base}/feed/" />
<link rel='stylesheet' id='wp-block-library-css' href='{ctx.base}/wp-includes/css/dist/block-library/style.min.css?ver=6.6.2' type='text/css' media='all' />
<link rel='stylesheet' id='td-theme-css' href='{ctx.base}/wp-content/themes/Newspaper/style.css?ver=12.6.6' type='text/css' media='all' />
<style id='td-theme-inline-css' type='text/css'>{css_blob(ctx, classes, 70)}</style>
<script type="text/javascript" src="{ctx.base}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<script type="text/javascript">var tdBlocksArray = []; var tdLocalCache = {{}}; var td_viewport_interval_list=[{{"limitBottom":767,"sidebarWidth":228}},{{"limitBottom":1018,"sidebarWidth":300}},{{"limitBottom":1140,"sidebarWidth":324}}]; var tdc_is_installed="yes"; var td_ajax_url="{ctx.base}\\/wp-admin\\/admin-ajax.php?td_theme_name=Newspaper&v=12.6.6"; var td_get_template_directory_uri="{ctx.base}\\/wp-content\\/plugins\\/td-composer\\/legacy\\/common"; var tds_snap_menu=""; var tds_logo_on_sticky=""; var tds_header_style="1"; var td_please_wait="Please wait..."; var td_email_user_pass_incorrect="User or password incorrect!"; var td_magnific_popup_translation_tPrev="Previous (Left arrow key)"; var td_magnific_popup_translation_tNext="Next (Right arrow key)"; var tdDateNamesI18n={{"month_names":["January","February","March","April","May","June","July","August","September","October","November","December"]}};</script>
{gtag(ctx)}{ad_setup(ctx, 4)}</head>
<body class="post-template-default single single-post postid-{pid} single-format-standard td-standard-pack global-block-template-1 td-full-layout" itemscope="itemscope" itemtype="https://schema.org/WebPage">
<div class="td-scroll-up" data-style="style1"><i class="td-icon-menu-up"></i></div>
<div class="td-menu-background" style="visibility:hidden"></div>
<div id="td-mobile-nav">
    <div class="td-mobile-container">
        <div class="td-menu-socials-wrap"><div class="td-menu-socials"><span class="td-social-icon-wrap"><a target="_blank" href="https://www.facebook.com/{slug(ctx.site_name)}" title="Facebook"><i class="td-icon-font td-icon-facebook"></i></a></span></div><div class="td-mobile-close"><span><i class="td-icon-close-mobile"></i></span></div></div>
        <div class="td-mobile-content"><div class="menu-main-menu-container"><ul id="menu-main-menu" class="td-mobile-main-menu">{menu_items(ctx, 'menu-item menu-item-type-taxonomy', False)}</ul></div></div>
    </div>
</div>
<div class="td-search-background" style="visibility:hidden"></div>
<div class="td-search-wrap-mob" style="visibility:hidden"><div class="td-drop-down-search"><form method="get" class="td-search-form" action="{ctx.base}/"><div class="td-search-input"><span>{esc(C['search'])}</span><input id="td-header-search-mob" type="text" value="" name="s" autocomplete="off" /></div></form></div></div>
{cookie_banner(ctx, 'cookie-notice-container gdpr-consent')}
<div id="td-outer-wrap" class="td-theme-wrap">
<div class="tdc-header-wrap ">
<div class="td-header-wrap td-header-style-1 ">
    <div class="td-header-top-menu-full td-container-wrap ">
        <div class="td-container td-header-row td-header-top-menu"><div class="top-bar-style-1"><div class="td-header-sp-top-menu">
            <div class="td_data_time"><div>{esc(human_date(a.get('published') or a.get('url_date'), ctx.lang, False))}</div></div>
            <div class="menu-top-container"><ul id="menu-top-menu" class="top-header-menu">{''.join(f'<li class="menu-item"><a href="{ctx.base}/{slug(t)}/">{esc(t)}</a></li>' for t in C['top'])}</ul></div>
        </div></div></div>
    </div>
    <div class="td-banner-wrap-full td-logo-wrap-full td-container-wrap ">
        <div class="td-container td-header-row td-header-header">
            <div class="td-header-sp-logo"><h1 class="td-logo"><a class="td-main-logo" href="{ctx.base}/"><img class="td-retina-data" src="{ctx.base}/wp-content/uploads/logo.png" alt="{esc(ctx.site_name)}" width="272" height="90"/><span class="td-visual-hidden">{esc(ctx.site_name)}</span></a></h1></div>
            <div class="td-header-sp-recs"><div class="td-header-rec-wrap"><div class="td-a-rec td-a-rec-id-header  td_uid_1_rand td_block_template_1"><ins class="adsbygoogle" style="display:inline-block;width:728px;height:90px" data-ad-client="ca-pub-{pid}1234" data-ad-slot="{pid}00"></ins><script>(adsbygoogle = window.adsbygoogle || []).push({{}});</script></div></div></div>
        </div>
    </div>
    <div class="td-header-menu-wrap-full td-container-wrap ">
        <div class="td-header-menu-wrap td-header-gradient "><div class="td-container td-header-row td-header-main-menu">
            <div id="td-header-menu" role="navigation">
                <div id="td-top-mobile-toggle"><a href="#"><i class="td-icon-font td-icon-mobile"></i></a></div>
                <div class="menu-main-menu-container"><ul id="menu-main-menu-1" class="sf-menu">{menu_items(ctx, 'menu-item menu-item-type-taxonomy menu-item-object-category')}<li class="menu-item td-mega-menu"><a href="{ctx.base}/latest/">{esc(C['latest'])}</a><ul class="sub-menu"><li><div class="td-container-border"><div class="td-mega-grid"><div class="td_block_wrap td_block_mega_menu">{mega}</div></div></div></li></ul></li></ul></div>
            </div>
            <div class="header-search-wrap"><div class="td-search-btns-wrap"><a id="td-header-search-button" href="#" role="button" class="dropdown-toggle "><i class="td-icon-search"></i></a></div></div>
        </div></div>
    </div>
</div>
</div>
<div class="td-main-content-wrap td-container-wrap">
    <div class="td-container td-post-template-default ">
        <div class="td-crumb-container"><div class="entry-crumbs"><span><a title="" class="entry-crumb" href="{ctx.base}/">{esc(C['menu'][0])}</a></span> <i class="td-icon-right td-bread-sep"></i> <span><a title="{esc(a['section'])}" class="entry-crumb" href="{ctx.base}/category/{slug(a['section'])}/">{esc(a['section'])}</a></span> <i class="td-icon-right td-bread-sep td-bred-no-url-last"></i> <span class="td-bred-no-url-last">{esc(a['title'])}</span></div></div>
        <div class="td-pb-row">
            <div class="td-pb-span8 td-main-content" role="main">
                <div class="td-ss-main-content">
<article id="post-{pid}" class="post-{pid} post type-post status-publish format-standard has-post-thumbnail category-{slug(a['section'])} tag-{slug(a['title'].split()[0])}" itemscope itemtype="https://schema.org/Article">
    <div class="td-post-header">
        <ul class="td-category"><li class="entry-category"><a href="{ctx.base}/category/{slug(a['section'])}/">{esc(a['section'])}</a></li></ul>
        <header class="td-post-title">
            <h1 class="entry-title">{esc(a['title'])}</h1>
            <div class="td-module-meta-info">
                <div class="td-post-author-name"><div class="td-author-by">{esc(C['by'])}</div> <a href="{ctx.base}/author/{slug(author_text(a) or 'admin')}/">{esc(author_text(a) or '')}</a><div class="td-author-line"> - </div> </div>
                <span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{a.get('published')}" >{esc(human)}</time></span>
                <div class="td-post-views"><i class="td-icon-views"></i><span class="td-nr-views-{pid}">{ctx.rng.randint(300, 9000)}</span></div>
                <div class="td-post-comments"><a href="#respond"><i class="td-icon-comments"></i>{len(C['comments_list'])}</a></div>
            </div>
        </header>
    </div>
    <div class="td-post-sharing-top"><div id="td_social_sharing_article_top" class="td-post-sharing td-ps-bg td-ps-notext td-post-sharing-style1 "><div class="td-post-sharing-visible">{share_links(ctx, 'td-social-sharing-button td-social-network td-social')}</div></div></div>
    <div class="td-post-content tagdiv-type">
        <div class="td-post-featured-image"><figure><a href="{esc(a.get('image') or '')}" data-caption="{esc(C['caption'])}"><img width="696" height="392" class="entry-thumb td-modal-image" src="{esc(a.get('image') or '')}" alt="" title="{esc(a['title'])}"/></a><figcaption class="wp-caption-text">{esc(C['caption'])} {esc(C['photo'])}: {esc(ctx.site_name)}</figcaption></figure></div>
{body_blocks(ctx, between=between)}        <div class="td-a-rec td-a-rec-id-content_bottom  tdi_6 td_block_template_1"><div id="div-gpt-ad-{pid}-9"></div></div>
    </div>
    <footer>
        <div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>{esc(C['tags'].upper())}</span></li>{tags}</ul></div>
        <div class="td-post-sharing-bottom"><div class="td-post-sharing-classic"></div><div id="td_social_sharing_article_bottom" class="td-post-sharing td-ps-bg">{share_links(ctx, 'td-social-sharing-button td-social')}</div></div>
        <div class="td-block-row td-post-next-prev"><div class="td-block-span6 td-post-prev-post"><div class="td-post-next-prev-content"><span>{esc(C['prev'])}</span><a href="{esc(ctx.headlines[0][1])}">{esc(ctx.headlines[0][0])}</a></div></div><div class="td-next-prev-separator"></div><div class="td-block-span6 td-post-next-post"><div class="td-post-next-prev-content"><span>{esc(C['next'])}</span><a href="{esc(ctx.headlines[1][1])}">{esc(ctx.headlines[1][0])}</a></div></div></div>
        <div class="td-author-name vcard author" style="display: none"><span class="fn"><a href="{ctx.base}/author/">{esc(author_text(a) or '')}</a></span></div>
        <span class="td-page-meta" itemprop="author" itemscope itemtype="https://schema.org/Person"><meta itemprop="name" content="{esc(author_text(a) or '')}"></span><meta itemprop="datePublished" content="{a.get('published')}"><meta itemprop="dateModified" content="{a.get('modified') or a.get('published')}"><meta itemscope itemprop="mainEntityOfPage" itemType="https://schema.org/WebPage" itemid="{a['url']}"/>
    </footer>
</article>
<div class="td_block_wrap td_block_related_posts tdi_8_c64 td_with_ajax_pagination td-pb-border-top td_block_template_1" data-td-block-uid="tdi_8_c64"><script>var block_tdi_8_c64 = new tdBlock(); block_tdi_8_c64.id = "tdi_8_c64"; block_tdi_8_c64.atts = '{{"limit":3,"ajax_pagination":"next_prev","live_filter":"cur_post_same_categories","td_ajax_filter_type":"td_custom_related","class":"tdi_8_c64","td_column_number":3,"block_type":"td_block_related_posts"}}'; block_tdi_8_c64.td_column_number = "3"; block_tdi_8_c64.block_type = "td_block_related_posts"; tdBlocksArray.push(block_tdi_8_c64);</script>
<h4 class="td-related-title td-block-title"><a id="tdi_9_1f1" class="td-related-left td-cur-simple-item" data-td_filter_value="" data-td_block_id="tdi_8_c64" href="#">{esc(C['related'].upper())}</a><a id="tdi_10_2ea" class="td-related-right" data-td_filter_value="td_related_more_from_author" data-td_block_id="tdi_8_c64" href="#">{esc(C['more_from'].upper())}</a></h4>
<div id=tdi_8_c64 class="td_block_inner"><div class="td-related-row">{related}</div></div></div>
{'' if a.get('name','').startswith('tl-short') else comments_html(ctx, 'comments')}
                </div>
            </div>
            <div class="td-pb-span4 td-main-sidebar" role="complementary">
                <div class="td-ss-main-sidebar">
                    <aside class="td_block_template_1 widget widget_text"><div class="textwidget"><p><a href="{ctx.base}/advertise/"><img src="{ctx.base}/wp-content/uploads/ads/300x250.jpg" width="300" height="250" alt=""/></a></p></div></aside>
                    <div class="td_block_wrap td_block_popular_posts td_block_template_1"><div class="td-block-title-wrap"><h4 class="block-title"><span>{esc(C['most_read'])}</span></h4></div><div class="td_block_inner">{popular}</div></div>
                </div>
            </div>
        </div>
    </div>
</div>
<div class="tdc-footer-wrap ">
<div class="td-footer-wrapper td-footer-container td-container-wrap "><div class="td-container"><div class="td-pb-row"><div class="td-pb-span12"><div class="td-footer-info">
    <div class="footer-logo-wrap"><a href="{ctx.base}/"><img class="td-retina-data" src="{ctx.base}/wp-content/uploads/logo-footer.png" alt="{esc(ctx.site_name)}" width="272"/></a></div>
    <div class="footer-text-wrap">{esc(ctx.site_name)} — {esc(C['latest'])}.<div class="footer-email-wrap">{esc(C['footer'][1])}: <a href="mailto:news@{ctx.domain}">news@{ctx.domain}</a></div></div>
    <div class="footer-social-wrap td-social-style-2"><span class="td-social-icon-wrap"><a target="_blank" href="https://www.facebook.com/{slug(ctx.site_name)}" title="Facebook"><i class="td-icon-font td-icon-facebook"></i></a></span><span class="td-social-icon-wrap"><a target="_blank" href="https://www.youtube.com/@{slug(ctx.site_name)}" title="Youtube"><i class="td-icon-font td-icon-youtube"></i></a></span></div>
</div></div></div></div></div>
<div class="td-sub-footer-container td-container-wrap "><div class="td-container"><div class="td-pb-row">
    <div class="td-pb-span td-sub-footer-menu"><div class="menu-footer-container"><ul id="menu-footer" class="td-subfooter-menu">{footer_links(ctx)}</ul></div></div>
    <div class="td-pb-span td-sub-footer-copy">&copy; Copyright 2026 - {esc(ctx.site_name)}. {esc(C['rights'])}</div>
</div></div></div>
</div>
</div><!--close td-outer-wrap-->
<script type="text/javascript" src="{ctx.base}/wp-content/plugins/td-composer/legacy/Newspaper/js/tagdiv_theme.min.js?ver=12.6.6" id="td-site-min-js"></script>
{misc_scripts(ctx)}<script>var td_res_context_registered_atts=[];</script>
</body>
</html>
"""
    return h

# --------------------------------------------------------------------------- generic WordPress (GeneratePress-like)

def wp_generic(ctx):
    a, C = ctx.a, ctx.C
    pid = ctx.post_id
    classes = ["site-header", "main-navigation", "inside-article", "entry-content", "entry-meta", "widget-area",
               "sharedaddy", "jp-relatedposts", "comment-respond", "site-footer", "code-block"]
    pub_meta = a.get("published") if not a.get("jsonld_published") else None
    graph = {"@context": "https://schema.org", "@graph": [
        json_ld_article(ctx, "Article"),
        {"@type": "WebPage", "@id": a["url"], "url": a["url"], "name": a["title"], "inLanguage": a["html_lang"]}]}
    if a.get("jsonld_published"):
        graph["@graph"][0]["datePublished"] = a["jsonld_published"]
    def between(i):
        if i == 0:
            return (f'<div class="code-block code-block-3" style="margin: 8px auto; text-align: center; display: block; clear: both;">\n'
                    f'<ins class="adsbygoogle" style="display:block; text-align:center;" data-ad-layout="in-article" data-ad-format="fluid" data-ad-client="ca-pub-{pid}55" data-ad-slot="{pid}7"></ins>\n'
                    '<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>')
        if i == 2 and "read_also_label" in a:
            return read_also_p(ctx, 1, strong_all=False)
        if i == 1 and ctx.lang in ("en", "zh", "km"):
            return ('<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">'
                    '<blockquote class="twitter-tweet" data-width="550" data-dnt="true"><p lang="en" dir="ltr">Police have warned the public again about '
                    'job offers that look too good to be true. Check before you go. <a href="https://t.co/x1Y2z3">https://t.co/x1Y2z3</a></p>'
                    '&mdash; Police Newsroom (@police_newsroom) <a href="https://twitter.com/police_newsroom/status/1843">October 1, 2026</a></blockquote>'
                    '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script></div></figure>')
        return ""
    more = ""
    if ctx.related:
        more = (f'<h3>{esc(ctx.C["related"])}</h3>\n<ul>' + "".join(f'<li><a href="{esc(u)}">{esc(t)}</a></li>' for t, u, _, _ in ctx.related[:3]) + '</ul>\n')
    tail = "".join(f"<p>{esc(x) if not x.startswith('The views') else '<em>' + esc(x) + '</em>'}</p>\n" for x in a.get("tail_junk", []))
    related = "".join(
        f'<div class="jp-relatedposts-post jp-relatedposts-post{i} jp-relatedposts-post-thumbs" data-post-id="{pid - i - 1}" data-post-format="false">'
        f'<a class="jp-relatedposts-post-a" href="{esc(u)}" title="{esc(t)}" rel="nofollow"><img class="jp-relatedposts-post-img" src="{esc(img or "")}" width="350" height="200" alt="{esc(t)}"/></a>'
        f'<h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="{esc(u)}" title="{esc(t)}" rel="nofollow">{esc(t)}</a></h4>'
        f'<p class="jp-relatedposts-post-excerpt">{esc(s)}</p><p class="jp-relatedposts-post-date">{esc(human_date("2026-09-2" + str(i) + "T10:00:00+08:00", ctx.lang, False))}</p></div>'
        for i, (t, u, s, img) in enumerate(ctx.related[:3]))
    time_el = ""
    if a.get("published"):
        time_el = (f'<span class="posted-on"><time class="entry-date published" datetime="{a["published"]}" itemprop="datePublished">'
                   f'{esc(human_date(a["published"], ctx.lang, False))}</time></span> ')
    byline = ""
    if authors(a):
        byline = (f'<span class="byline">{esc(C["by"])} <span class="author vcard" itemprop="author" itemtype="https://schema.org/Person" itemscope>'
                  f'<a class="url fn n" href="{ctx.base}/author/{slug(author_text(a))}/" title="{esc(author_text(a))}" rel="author" itemprop="url">'
                  f'<span class="author-name" itemprop="name">{esc(author_text(a))}</span></a></span></span>')
    h = f"""<!DOCTYPE html>
<html lang="{a['html_lang']}">
<head>
	<meta charset="UTF-8">
	<meta name='robots' content='index, follow, max-image-preview:large' />
<meta name="viewport" content="width=device-width, initial-scale=1">
	<title>{esc(a['title'])} &#8211; {esc(ctx.site_name)}</title>
<meta name="description" content="{esc(a['description'])}" />
<link rel="canonical" href="{a['url']}" />
{og_meta(ctx, with_dates=bool(pub_meta))}<script type="application/ld+json" class="rank-math-schema">{jdump(graph)}</script>
<link rel='stylesheet' id='generate-style-css' href='{ctx.base}/wp-content/themes/generatepress/assets/css/main.min.css?ver=3.4.0' media='all' />
<style id='generate-style-inline-css'>{css_blob(ctx, classes, 60)}</style>
<link rel='stylesheet' id='jetpack_css-css' href='{ctx.base}/wp-content/plugins/jetpack/css/jetpack.css?ver=13.8' media='all' />
{gtag(ctx)}<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-{pid}55" crossorigin="anonymous"></script>
</head>
<body class="post-template-default single single-post postid-{pid} single-format-standard wp-custom-logo wp-embed-responsive right-sidebar nav-float-right separate-containers header-aligned-left dropdown-hover featured-image-active" itemtype="https://schema.org/Blog" itemscope>
	<a class="screen-reader-text skip-link" href="#content" title="Skip to content">Skip to content</a>
	<header class="site-header has-inline-mobile-toggle" id="masthead" aria-label="Site" itemtype="https://schema.org/WPHeader" itemscope>
		<div class="inside-header grid-container">
			<div class="site-branding-container"><div class="site-logo"><a href="{ctx.base}/" rel="home"><img class="header-image is-logo-image" alt="{esc(ctx.site_name)}" src="{ctx.base}/wp-content/uploads/logo.png" width="300" height="60" /></a></div>
			<div class="site-branding"><p class="main-title" itemprop="headline"><a href="{ctx.base}/" rel="home">{esc(ctx.site_name)}</a></p><p class="site-description" itemprop="description">{esc(C['latest'])}</p></div></div>
			<nav class="main-navigation mobile-menu-control-wrapper" id="mobile-menu-control-wrapper" aria-label="Mobile Toggle"><button data-nav="site-navigation" class="menu-toggle" aria-controls="primary-menu" aria-expanded="false"><span class="screen-reader-text">Menu</span></button></nav>
			<nav class="main-navigation sub-menu-right" id="site-navigation" aria-label="Primary" itemtype="https://schema.org/SiteNavigationElement" itemscope>
				<div class="inside-navigation grid-container"><div class="main-nav"><ul id="primary-menu" class="menu sf-menu">{menu_items(ctx)}</ul></div></div>
			</nav>
		</div>
	</header>
	<div class="site grid-container container hfeed" id="page">
		<div class="site-content" id="content">
	<div class="content-area" id="primary">
		<main class="site-main" id="main">
<article id="post-{pid}" class="post-{pid} post type-post status-publish format-standard has-post-thumbnail hentry category-{slug(a['section'])}" itemtype="https://schema.org/CreativeWork" itemscope>
	<div class="inside-article">
		<div class="featured-image page-header-image-single grid-container grid-parent"><img width="1200" height="675" src="{esc(a.get('image') or '')}" class="attachment-full size-full wp-post-image" alt="" decoding="async" itemprop="image" /></div>
		<header class="entry-header">
			<h1 class="entry-title" itemprop="headline">{esc(a['title'])}</h1>
			<div class="entry-meta">{time_el}{byline}</div>
		</header>
		<div class="entry-content" itemprop="text">
{body_blocks(ctx, between=between)}{tail}{more}<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">{esc(C['share'])}:</h3><div class="sd-content"><ul><li>{share_links(ctx, 'share')}</li></ul></div></div></div>
<div id='jp-relatedposts' class='jp-relatedposts' ><h3 class="jp-relatedposts-headline"><em>{esc(C['related'])}</em></h3><div class="jp-relatedposts-items jp-relatedposts-items-visual">{related}</div></div>
		</div>
		<footer class="entry-meta" aria-label="Entry meta">
			<span class="cat-links"><a href="{ctx.base}/category/{slug(a['section'])}/" rel="category tag">{esc(a['section'])}</a></span>
			<nav id="nav-below" class="post-navigation" aria-label="Posts"><div class="nav-previous"><span class="prev"><a href="{esc(ctx.headlines[0][1])}" rel="prev">{esc(ctx.headlines[0][0])}</a></span></div><div class="nav-next"><span class="next"><a href="{esc(ctx.headlines[1][1])}" rel="next">{esc(ctx.headlines[1][0])}</a></span></div></nav>
		</footer>
	</div>
</article>
			<div class="comments-area">{comments_html(ctx, 'comments-inner')}</div>
		</main>
	</div>
	<div class="widget-area sidebar is-right-sidebar" id="right-sidebar">
		<div class="inside-right-sidebar">
			<aside id="search-2" class="widget inner-padding widget_search"><form method="get" class="search-form" action="{ctx.base}/"><label><span class="screen-reader-text">{esc(C['search'])}</span><input type="search" class="search-field" placeholder="{esc(C['search'])} &hellip;" value="" name="s"></label><button class="search-submit" aria-label="{esc(C['search'])}"></button></form></aside>
			<div class="ai-features"><h4>{esc(C['ai_h'])}</h4><p>{esc(C['ai_p'])}</p><ul>{''.join('<li>' + esc(x) + '</li>' for x in C['ai_items'])}</ul></div>
			<aside id="recent-posts-2" class="widget inner-padding widget_recent_entries"><h2 class="widget-title">{esc(C['latest'])}</h2><ul>{most_read_list(ctx, 6)}</ul></aside>
		</div>
	</div>
	</div>
</div>
<div class="site-footer">
	<footer class="site-info" aria-label="Site" itemtype="https://schema.org/WPFooter" itemscope>
		<div class="inside-site-info grid-container"><div class="footer-bar"><ul class="footer-menu">{footer_links(ctx)}</ul></div>
			<div class="copyright-bar">&copy; 2026 {esc(ctx.site_name)}. {esc(C['rights'])}</div></div>
	</footer>
</div>
{cookie_banner(ctx, 'cookie-law-info-bar')}<script id="generate-a11y">!function(){{"use strict";if("querySelector"in document&&"addEventListener"in window){{var e=document.body;e.addEventListener("mousedown",function(){{e.classList.add("using-mouse")}}),e.addEventListener("keydown",function(){{e.classList.remove("using-mouse")}})}}}}();</script>
<script src="{ctx.base}/wp-content/themes/generatepress/assets/js/menu.min.js?ver=3.4.0" id="generate-menu-js"></script>
{misc_scripts(ctx)}</body>
</html>
"""
    return h
