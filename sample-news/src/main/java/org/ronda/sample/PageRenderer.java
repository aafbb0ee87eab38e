package org.ronda.sample;

import static org.ronda.sample.MarkupEscaper.escape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ronda.sample.PageParts.Page;
import org.ronda.sample.PageParts.Skin;

/**
 * Renders the HTML page of an article the way its outlet's {@link PageStyle} would: a full page
 * with metadata, menu, breadcrumbs, cookie banner, share bar, lead figure, the body with junk
 * inside and between its paragraphs, hashtags, related articles with snippets, comments and
 * footer. Output depends on the corpus and the base URL only, never on the clock or chance.
 *
 * <p>Every page has: {@code <html lang>} of the article, {@code <title>} "Headline | Outlet", meta
 * description (the summary), og:title, og:type, og:url, article:published_time, a canonical link
 * to the clean URL, one {@code h1} with the headline and a {@code <time datetime>}. Portal,
 * broadsheet and wire pages also carry JSON-LD {@code NewsArticle}.
 */
public final class PageRenderer {

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long after the outlet's newest story the sample pretends to be read; gives "17 minutes ago". */
    private static final long CLOCK_LEAD_MINUTES = 17;

    private static final Skin PORTAL = new Skin("cc-banner", "main-nav", "breadcrumb", "share-bar", "lead-image",
            "read-also", "ad-inarticle", "newsletter-box", "app-promo", "article-tags", "related-articles",
            "comments", "site-footer");
    private static final Skin BROADSHEET = new Skin("consent-notice", "nav-primary", "crumbs", "social-share",
            "story__figure", "story__related-link", "ad-slot--mpu", "story__newsletter", "story__app", "story__tags",
            "more-from", "discussion", "colophon");
    private static final Skin TABLOID = new Skin("gdpr-popup", "td-header-menu", "entry-crumbs", "td-post-sharing",
            "td-post-featured-image", "td-read-also", "td-a-rec", "td-newsletter", "td-app-box", "td-post-source-tags",
            "td-related-posts", "td-comments", "td-footer-wrapper");
    private static final Skin WIRE = new Skin("privacy-bar", "wire-nav", "wire-crumbs", "share-tools",
            "story-photo", "see-also", "ad-leaderboard", "wire-alerts", "wire-app", "story-keywords",
            "related-stories", "reader-comments", "wire-footer");
    private static final Skin BLOG = new Skin("cookie-law-info-bar", "main-navigation", "breadcrumbs", "sharedaddy",
            "post-thumbnail", "wp-block-read-also", "widget_ad", "mc4wp-form", "app-banner", "tags-links",
            "jp-relatedposts", "comments-area", "site-footer");

    private final SampleCorpus corpus;
    private final String baseUrl;
    private final PageParts parts;

    /**
     * @param corpus  the articles to render
     * @param baseUrl scheme, host and port of absolute URLs (canonical, og:url), e.g. {@code http://127.0.0.1:8090}
     */
    public PageRenderer(SampleCorpus corpus, String baseUrl) {
        this.corpus = corpus;
        this.baseUrl = baseUrl;
        this.parts = new PageParts(corpus);
    }

    /**
     * The article's page.
     *
     * @throws IllegalArgumentException if the article is not in this renderer's corpus
     */
    public String render(SampleArticle article) {
        Page page = page(article);
        StringBuilder h = new StringBuilder(24_000);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(escape(article.lang())).append("\">\n");
        head(h, page);
        switch (page.outlet().style()) {
            case PORTAL -> portal(h, page);
            case BROADSHEET -> broadsheet(h, page);
            case TABLOID -> tabloid(h, page);
            case WIRE -> wire(h, page);
            case BLOG -> blog(h, page);
        }
        h.append("<script src=\"").append(page.outlet().homePath()).append("assets/ads.js\" async></script>\n")
                .append("</body>\n</html>\n");
        return h.toString();
    }

    private Page page(SampleArticle article) {
        Outlet outlet = corpus.outletOf(article);
        int index = corpus.indexOf(article);
        List<SampleArticle> all = corpus.articlesOf(outlet);
        List<SampleArticle> related = new ArrayList<>();
        for (int step = 1; step < all.size() && related.size() < 3; step++) {
            related.add(all.get((index + step) % all.size()));
        }
        // Another pick than the first related item, so the two traps point at different stories when they can.
        SampleArticle readAlso = all.size() < 2 ? null : all.get((index + all.size() - 1) % all.size());
        OffsetDateTime clock = all.get(0).published().atZoneSameInstant(outlet.timeZone()).toOffsetDateTime()
                .plusMinutes(CLOCK_LEAD_MINUTES);
        return new Page(outlet, article, index, baseUrl + corpus.pathOf(article), SiteWords.of(outlet.language()),
                related, readAlso, clock);
    }

    private void head(StringBuilder h, Page page) {
        SampleArticle article = page.article();
        Outlet outlet = page.outlet();
        String published = published(page).format(RFC_3339);
        h.append("<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(article.title())).append(" | ").append(escape(outlet.name()))
                .append("</title>\n");
        meta(h, "name", "description", article.summary());
        if (article.author() != null) {
            meta(h, "name", "author", article.author());
        }
        h.append("<link rel=\"canonical\" href=\"").append(escape(page.url())).append("\">\n");
        meta(h, "property", "og:site_name", outlet.name());
        meta(h, "property", "og:title", article.title());
        meta(h, "property", "og:type", "article");
        meta(h, "property", "og:url", page.url());
        meta(h, "property", "og:description", article.summary());
        meta(h, "property", "og:image", baseUrl + parts.imagePath(page));
        meta(h, "property", "article:published_time", published);
        meta(h, "property", "article:section", article.section());
        meta(h, "name", "twitter:card", "summary_large_image");
        h.append("<link rel=\"alternate\" type=\"").append(outlet.feedFormat().mediaType()).append("\" title=\"")
                .append(escape(outlet.name())).append("\" href=\"").append(escape(baseUrl + outlet.feedPath()))
                .append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(outlet.homePath()).append("assets/")
                .append(outlet.style().id()).append(".css\">\n");
        if (outlet.style() == PageStyle.PORTAL || outlet.style() == PageStyle.BROADSHEET
                || outlet.style() == PageStyle.WIRE) {
            h.append("<script type=\"application/ld+json\">").append(jsonLd(page, published)).append("</script>\n");
        }
        h.append("<script>window.dataLayer = window.dataLayer || [];")
                .append(" dataLayer.push({\"pageType\": \"article\", \"section\": \"").append(article.section())
                .append("\"});</script>\n</head>\n");
    }

    private static void meta(StringBuilder h, String attribute, String key, String content) {
        h.append("<meta ").append(attribute).append("=\"").append(key).append("\" content=\"").append(escape(content))
                .append("\">\n");
    }

    private String jsonLd(Page page, String published) {
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://schema.org");
        root.put("@type", "NewsArticle");
        root.put("headline", page.article().title());
        root.put("description", page.article().summary());
        root.put("inLanguage", page.article().lang());
        root.put("articleSection", page.article().section());
        root.put("datePublished", published);
        root.put("mainEntityOfPage", page.url());
        root.put("image", baseUrl + parts.imagePath(page));
        ObjectNode author = root.putObject("author");
        if (page.article().author() != null) {
            author.put("@type", "Person");
            author.put("name", page.article().author());
        } else {
            author.put("@type", "Organization");
            author.put("name", page.outlet().name());
        }
        ObjectNode publisher = root.putObject("publisher");
        publisher.put("@type", "Organization");
        publisher.put("name", page.outlet().name());
        ObjectNode logo = publisher.putObject("logo");
        logo.put("@type", "ImageObject");
        logo.put("url", baseUrl + page.outlet().homePath() + "assets/logo.png");
        try {
            // '<' only occurs inside JSON strings, where \u003c means the same and cannot close the script.
            return JSON.writeValueAsString(root).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private static OffsetDateTime published(Page page) {
        return page.article().published().atZoneSameInstant(page.outlet().timeZone()).toOffsetDateTime();
    }

    private static String time(Page page, String pattern, String cssClass) {
        OffsetDateTime published = published(page);
        String shown = published.format(DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(page.outlet().language())));
        return "<time class=\"" + cssClass + "\" datetime=\"" + published.format(RFC_3339) + "\">" + escape(shown)
                + "</time>";
    }

    private static String byline(Page page) {
        return page.article().author() != null ? page.article().author() : page.outlet().name();
    }

    private static String logo(Page page, String cssClass) {
        return "<a class=\"" + cssClass + "\" href=\"" + page.outlet().homePath() + "\"><img src=\""
                + page.outlet().homePath() + "assets/logo.png\" alt=\"" + escape(page.outlet().name()) + "\"></a>\n";
    }

    private void portal(StringBuilder h, Page page) {
        h.append("<body class=\"article-page\">\n");
        parts.cookieBanner(h, PORTAL);
        h.append("<div class=\"page-wrap\">\n<header class=\"site-header\">\n").append(logo(page, "site-logo"));
        parts.menu(h, page, PORTAL);
        h.append("</header>\n<main id=\"content\" class=\"site-main\">\n");
        parts.breadcrumbs(h, page, PORTAL);
        h.append("<div class=\"row\">\n<div class=\"col-main\">\n<article class=\"article-detail\">\n")
                .append("<header class=\"article-header\">\n<span class=\"article-section\">")
                .append(escape(PageParts.titleCase(page.article().section()))).append("</span>\n")
                .append("<h1 class=\"article-title\">").append(escape(page.article().title())).append("</h1>\n")
                .append("<div class=\"article-meta\"><span class=\"author\">By ").append(escape(byline(page)))
                .append("</span> ").append(time(page, "d MMM yyyy, HH:mm", "published")).append("</div>\n")
                .append("</header>\n");
        parts.shareBar(h, page, PORTAL);
        parts.figure(h, page, PORTAL);
        h.append("<div class=\"article-body\">\n");
        parts.body(h, page, PORTAL);
        h.append("</div>\n");
        parts.tags(h, page, PORTAL);
        h.append("</article>\n");
        parts.related(h, page, PORTAL);
        parts.comments(h, page, PORTAL);
        h.append("</div>\n<aside class=\"col-side\">\n");
        parts.aiFeatures(h, page);
        parts.mostRead(h, page, "most-popular");
        h.append("</aside>\n</div>\n</main>\n");
        parts.footer(h, page, PORTAL);
        h.append("</div>\n");
    }

    private void broadsheet(StringBuilder h, Page page) {
        h.append("<body class=\"template-story\">\n");
        parts.cookieBanner(h, BROADSHEET);
        h.append("<header class=\"masthead\">\n").append(logo(page, "masthead__logo"));
        parts.menu(h, page, BROADSHEET);
        h.append("</header>\n<main class=\"l-main\">\n")
                .append("<article class=\"story\" itemscope itemtype=\"https://schema.org/NewsArticle\">\n")
                .append("<header class=\"story__header\">\n");
        parts.breadcrumbs(h, page, BROADSHEET);
        h.append("<p class=\"story__kicker\">").append(escape(PageParts.titleCase(page.article().section())))
                .append("</p>\n<h1 class=\"story__headline\" itemprop=\"headline\">")
                .append(escape(page.article().title())).append("</h1>\n")
                .append("<p class=\"story__standfirst\">").append(escape(page.article().summary())).append("</p>\n")
                .append("<div class=\"story__byline\">By <a rel=\"author\" href=\"").append(page.outlet().homePath())
                .append("authors/\">").append(escape(byline(page))).append("</a> ")
                .append(time(page, "EEEE, d MMMM yyyy", "story__date")).append("</div>\n</header>\n");
        parts.figure(h, page, BROADSHEET);
        h.append("<div class=\"story__body\" itemprop=\"articleBody\">\n");
        parts.body(h, page, BROADSHEET);
        h.append("</div>\n");
        parts.shareBar(h, page, BROADSHEET);
        parts.tags(h, page, BROADSHEET);
        h.append("</article>\n");
        parts.related(h, page, BROADSHEET);
        parts.comments(h, page, BROADSHEET);
        h.append("</main>\n");
        parts.footer(h, page, BROADSHEET);
    }

    private void tabloid(StringBuilder h, Page page) {
        h.append("<body class=\"single td-standard-pack\">\n");
        parts.cookieBanner(h, TABLOID);
        h.append("<div class=\"td-header-wrap\">\n").append(logo(page, "td-logo"));
        parts.menu(h, page, TABLOID);
        h.append("</div>\n<div class=\"td-ticker\"><span class=\"td-ticker-title\">BREAKING</span> ");
        if (page.readAlso() != null) {
            h.append("<a href=\"").append(parts.pathOf(page.readAlso())).append("\">")
                    .append(escape(page.readAlso().title())).append("</a>");
        }
        h.append("</div>\n<div id=\"td-outer-wrap\">\n<div class=\"td-container\">\n<div class=\"td-pb-span8\">\n");
        parts.breadcrumbs(h, page, TABLOID);
        h.append("<div class=\"td-post-header\">\n<ul class=\"td-category\"><li>")
                .append(escape(PageParts.titleCase(page.article().section()))).append("</li></ul>\n")
                .append("<h1 class=\"entry-title\">").append(escape(page.article().title())).append("</h1>\n")
                .append("<div class=\"td-module-meta-info\"><div class=\"td-post-author-name\">By ")
                .append(escape(byline(page))).append("</div> <span class=\"td-post-date\">")
                .append(time(page, "dd/MM/yyyy HH:mm", "entry-date")).append("</span> <div class=\"td-post-views\">")
                .append(1_000 + page.index() * 137 % 9_000).append(" views</div></div>\n</div>\n");
        parts.shareBar(h, page, TABLOID);
        parts.figure(h, page, TABLOID);
        h.append("<div class=\"td-post-content tagdiv-type\">\n");
        parts.body(h, page, TABLOID);
        h.append("</div>\n");
        parts.tags(h, page, TABLOID);
        parts.related(h, page, TABLOID);
        parts.comments(h, page, TABLOID);
        h.append("</div>\n<div class=\"td-pb-span4 td-sidebar\">\n");
        parts.mostRead(h, page, "td-most-read");
        parts.aiFeatures(h, page);
        h.append("</div>\n</div>\n</div>\n");
        parts.footer(h, page, TABLOID);
    }

    private void wire(StringBuilder h, Page page) {
        h.append("<body class=\"wire story-page\">\n");
        parts.cookieBanner(h, WIRE);
        h.append("<div class=\"wire-header\">\n").append(logo(page, "wire-logo"));
        parts.menu(h, page, WIRE);
        h.append("</div>\n<div class=\"wire-container\">\n");
        parts.breadcrumbs(h, page, WIRE);
        h.append("<div class=\"story-header\">\n<h1 class=\"story-headline\">").append(escape(page.article().title()))
                .append("</h1>\n<p class=\"story-byline\">By ").append(escape(byline(page)));
        if (page.article().author() != null) {
            h.append(", ").append(escape(page.outlet().name()));
        }
        h.append("</p>\n<p class=\"story-dateline\">").append(time(page, "MMM d, yyyy HH:mm 'GMT'xxx", "story-time"))
                .append("</p>\n</div>\n");
        parts.shareBar(h, page, WIRE);
        parts.figure(h, page, WIRE);
        h.append("<div class=\"story-body\">\n");
        parts.body(h, page, WIRE);
        h.append("</div>\n");
        parts.tags(h, page, WIRE);
        parts.related(h, page, WIRE);
        parts.comments(h, page, WIRE);
        h.append("</div>\n");
        parts.footer(h, page, WIRE);
    }

    private void blog(StringBuilder h, Page page) {
        int postId = 1_000 + Math.floorMod(page.article().slug().hashCode(), 90_000);
        h.append("<body class=\"post-template-default single single-post postid-").append(postId).append("\">\n")
                .append("<div id=\"page\" class=\"site\">\n<header id=\"masthead\" class=\"site-header\">\n")
                .append(logo(page, "custom-logo-link"))
                .append("<p class=\"site-title\">").append(escape(page.outlet().name())).append("</p>\n");
        parts.menu(h, page, BLOG);
        h.append("</header>\n<div id=\"content\" class=\"site-content\">\n<div id=\"primary\" class=\"content-area\">\n")
                .append("<main id=\"main\" class=\"site-main\">\n");
        parts.breadcrumbs(h, page, BLOG);
        h.append("<article id=\"post-").append(postId).append("\" class=\"post-").append(postId)
                .append(" post type-post status-publish format-standard has-post-thumbnail hentry category-")
                .append(page.article().section()).append("\">\n<header class=\"entry-header\">\n")
                .append("<h1 class=\"entry-title\">").append(escape(page.article().title())).append("</h1>\n")
                .append("<div class=\"entry-meta\"><span class=\"posted-on\">Posted on ")
                .append(time(page, "MMMM d, yyyy", "entry-date published")).append("</span> <span class=\"byline\">by ")
                .append("<span class=\"author vcard\"><a class=\"url fn n\" href=\"").append(page.outlet().homePath())
                .append("author/\">").append(escape(byline(page))).append("</a></span></span></div>\n</header>\n");
        parts.figure(h, page, BLOG);
        h.append("<div class=\"entry-content\">\n");
        parts.body(h, page, BLOG);
        parts.shareBar(h, page, BLOG);
        parts.related(h, page, BLOG);
        h.append("</div>\n<footer class=\"entry-footer\">\n");
        parts.tags(h, page, BLOG);
        h.append("</footer>\n</article>\n");
        parts.comments(h, page, BLOG);
        h.append("</main>\n</div>\n<aside id=\"secondary\" class=\"widget-area\">\n");
        parts.aiFeatures(h, page);
        parts.mostRead(h, page, "widget widget_recent_entries");
        h.append("</aside>\n</div>\n");
        parts.footer(h, page, BLOG);
        h.append("</div>\n");
        // This theme's consent plugin puts its banner last in the body.
        parts.cookieBanner(h, BLOG);
    }
}
