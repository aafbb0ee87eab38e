package org.ronda.sample;

import static org.ronda.sample.MarkupEscaper.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the pieces of an article page that every style has, each with the class names of one
 * {@link Skin}. The boilerplate pieces are what an extractor must leave out; the body is what it
 * must keep, and it carries junk inside and between its paragraphs.
 */
final class PageParts {

    /** The inline junk span that interrupts one paragraph of every page. */
    static final String AD_LABEL = "<span class=\"ad-label\">ADVERTISEMENT</span>";
    /** The inline junk of the seed page ("...circumstances. bootstrap slideshow 'The decision..."). */
    static final String SLIDESHOW_LABEL = "<span class=\"slideshow-label\">bootstrap slideshow</span>";

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。])\\s+");
    private static final Map<String, String> COUNTRY_NAMES = Map.ofEntries(
            Map.entry("BN", "Brunei"), Map.entry("KH", "Cambodia"), Map.entry("ID", "Indonesia"),
            Map.entry("LA", "Laos"), Map.entry("MY", "Malaysia"), Map.entry("MM", "Myanmar"),
            Map.entry("PH", "Philippines"), Map.entry("SG", "Singapore"), Map.entry("TH", "Thailand"),
            Map.entry("VN", "Vietnam"), Map.entry("TL", "TimorLeste"));

    /**
     * The class names of one page style.
     *
     * @param cookie     cookie-consent banner
     * @param nav        site menu
     * @param crumbs     breadcrumb trail
     * @param share      share bar
     * @param figure     lead figure
     * @param readAlso   "READ ALSO" box between paragraphs
     * @param ad         ad slot between paragraphs (always has the class {@code ad} as well)
     * @param newsletter newsletter signup box
     * @param app        app promotion box
     * @param tags       tag list
     * @param related    related-articles list
     * @param comments   comments section
     * @param footer     site footer
     */
    record Skin(String cookie, String nav, String crumbs, String share, String figure, String readAlso, String ad,
            String newsletter, String app, String tags, String related, String comments, String footer) {
    }

    /**
     * What one page needs to know.
     *
     * @param index    the article's index in its outlet (newest first); the source of all variation
     * @param url      the clean absolute URL of the article
     * @param related  up to three other articles of the outlet
     * @param readAlso another article of the outlet for the "READ ALSO" box, or {@code null}
     * @param clock    the "now" of relative times: the outlet's newest article plus a little
     */
    record Page(Outlet outlet, SampleArticle article, int index, String url, SiteWords words,
            List<SampleArticle> related, SampleArticle readAlso, OffsetDateTime clock) {
    }

    private final SampleCorpus corpus;

    PageParts(SampleCorpus corpus) {
        this.corpus = corpus;
    }

    /** The root-relative path of another article, as sites link their own pages. */
    String pathOf(SampleArticle article) {
        return corpus.pathOf(article);
    }

    void cookieBanner(StringBuilder h, Skin skin) {
        h.append("<div id=\"cookie-consent\" class=\"").append(skin.cookie()).append("\" role=\"dialog\"")
                .append(" aria-label=\"Cookie consent\">\n")
                .append("<p>We use cookies to personalise content and ads and to analyse our traffic.")
                .append(" By continuing to browse this site you agree to our use of cookies.")
                .append(" <a href=\"/privacy-policy\">Learn more</a></p>\n")
                .append("<button type=\"button\" class=\"accept\">Accept all</button>")
                .append(" <button type=\"button\" class=\"settings\">Manage preferences</button>\n</div>\n");
    }

    void menu(StringBuilder h, Page page, Skin skin) {
        h.append("<nav class=\"").append(skin.nav()).append("\" aria-label=\"Main menu\">\n<ul>\n");
        List<String> labels = page.words().menu();
        for (int i = 0; i < labels.size(); i++) {
            h.append("<li><a href=\"").append(page.outlet().homePath()).append(SiteWords.MENU_PATHS.get(i))
                    .append("\">").append(escape(labels.get(i))).append("</a></li>\n");
        }
        h.append("</ul>\n</nav>\n");
    }

    void breadcrumbs(StringBuilder h, Page page, Skin skin) {
        h.append("<nav aria-label=\"Breadcrumb\"><ol class=\"").append(skin.crumbs()).append("\">")
                .append("<li><a href=\"").append(page.outlet().homePath()).append("\">")
                .append(escape(page.words().menu().get(0))).append("</a></li>")
                .append("<li><a href=\"").append(page.outlet().homePath()).append(page.article().section())
                .append("/\">").append(escape(titleCase(page.article().section()))).append("</a></li>")
                .append("<li aria-current=\"page\">").append(escape(page.article().title())).append("</li>")
                .append("</ol></nav>\n");
    }

    void shareBar(StringBuilder h, Page page, Skin skin) {
        String url = URLEncoder.encode(page.url(), StandardCharsets.UTF_8);
        String text = URLEncoder.encode(page.article().title(), StandardCharsets.UTF_8);
        h.append("<div class=\"").append(skin.share()).append("\">\n<span class=\"share-label\">Share</span>\n")
                .append(shareLink("facebook", "https://www.facebook.com/sharer/sharer.php?u=" + url, "Facebook"))
                .append(shareLink("x", "https://twitter.com/intent/tweet?url=" + url + "&text=" + text, "X"))
                .append(shareLink("whatsapp", "https://wa.me/?text=" + text + "%20" + url, "WhatsApp"))
                .append(shareLink("telegram", "https://t.me/share/url?url=" + url + "&text=" + text, "Telegram"))
                .append("</div>\n");
    }

    private static String shareLink(String network, String href, String label) {
        return "<a class=\"share-" + network + "\" href=\"" + escape(href) + "\" rel=\"noopener\" target=\"_blank\">"
                + "Share on " + label + "</a>\n";
    }

    void figure(StringBuilder h, Page page, Skin skin) {
        Outlet outlet = page.outlet();
        h.append("<figure class=\"").append(skin.figure()).append("\">\n")
                .append("<img src=\"").append(imagePath(page)).append("\" alt=\"")
                .append(escape(page.article().title())).append("\" width=\"1200\" height=\"675\">\n")
                .append("<figcaption>").append(escape(page.words().caption()))
                .append(" <span class=\"photo-credit\">").append(escape(page.words().photo())).append(": ")
                .append(escape(outlet.name())).append(" / File</span></figcaption>\n</figure>\n");
    }

    /** The root-relative path of the lead photo; the server does not serve it, as a page's CDN would be elsewhere. */
    String imagePath(Page page) {
        return page.outlet().homePath() + "media/" + page.article().slug() + ".jpg";
    }

    /**
     * The body: one {@code <p>} per paragraph, with an inline junk span inside at least one of the
     * first three, and four boxes (READ ALSO, ad, newsletter, app) between paragraphs.
     */
    void body(StringBuilder h, Page page, Skin skin) {
        List<String> paragraphs = page.article().paragraphs();
        int index = page.index();
        int gaps = paragraphs.size() - 1;
        for (int p = 0; p < paragraphs.size(); p++) {
            // Of any three consecutive paragraphs exactly one has (index + p) % 3 == 1: every page gets one.
            if ((index + p) % 3 == 1) {
                h.append("<p>").append(interrupted(paragraphs.get(p), AD_LABEL)).append("</p>\n");
            } else if ((index + p) % 3 == 2 && index % 2 == 0) {
                h.append("<p>").append(interrupted(paragraphs.get(p), SLIDESHOW_LABEL)).append("</p>\n");
            } else {
                h.append("<p>").append(escape(paragraphs.get(p))).append("</p>\n");
            }
            for (int box = 0; box < 4 && p < gaps; box++) {
                if ((index + box) % gaps == p) {
                    betweenBox(h, page, skin, box);
                }
            }
        }
    }

    private void betweenBox(StringBuilder h, Page page, Skin skin, int box) {
        switch (box) {
            case 0 -> readAlso(h, page, skin);
            case 1 -> h.append("<div class=\"ad ").append(skin.ad()).append("\" id=\"ad-slot-in-article-")
                    .append(page.index() % 4 + 1).append("\" data-ad-unit=\"/").append(page.outlet().id())
                    .append("/article/inread\">").append(AD_LABEL).append("</div>\n");
            case 2 -> h.append("<div class=\"").append(skin.newsletter()).append("\">\n")
                    .append("<h3>Get our newsletter</h3>\n<p>The day's top stories from ")
                    .append(escape(page.outlet().name())).append(", in your inbox every morning.</p>\n")
                    .append("<form action=\"").append(page.outlet().homePath()).append("newsletter\" method=\"post\">")
                    .append("<input type=\"email\" name=\"email\" placeholder=\"Your email address\">")
                    .append("<button type=\"submit\">Sign up</button></form>\n</div>\n");
            default -> h.append("<div class=\"").append(skin.app()).append("\">\n<p><strong>Try our app</strong>: ")
                    .append("breaking news alerts from ").append(escape(page.outlet().name()))
                    .append(" on your phone.</p>\n<a href=\"https://apps.apple.com/app/id").append(appNumber(page))
                    .append("\">Download on the App Store</a> <a href=\"https://play.google.com/store/apps/details?id=")
                    .append("com.").append(page.outlet().id().replace("-", "")).append(".news\">Get it on Google Play</a>\n")
                    .append("</div>\n");
        }
    }

    private void readAlso(StringBuilder h, Page page, Skin skin) {
        if (page.readAlso() == null) {
            return;
        }
        String link = "<strong>READ ALSO:</strong> <a href=\"" + pathOf(page.readAlso()) + "\">"
                + escape(page.readAlso().title()) + "</a>";
        // Portal and tabloid themes put the box in a <p>, the hardest case for an extractor.
        if (page.outlet().style() == PageStyle.PORTAL || page.outlet().style() == PageStyle.TABLOID) {
            h.append("<p class=\"").append(skin.readAlso()).append("\">").append(link).append("</p>\n");
        } else {
            h.append("<div class=\"").append(skin.readAlso()).append("\">").append(link).append("</div>\n");
        }
    }

    private static String appNumber(Page page) {
        return Integer.toString(1_400_000_000 + Math.floorMod(page.outlet().id().hashCode(), 99_999_999));
    }

    /**
     * The paragraph escaped, with {@code junk} put in at the sentence boundary nearest its middle,
     * or at the space nearest its middle when it has one sentence, or at its end.
     */
    static String interrupted(String paragraph, String junk) {
        int cut = nearestToMiddle(paragraph, SENTENCE_END.matcher(paragraph));
        if (cut < 0) {
            cut = nearestToMiddle(paragraph, Pattern.compile("\\s+").matcher(paragraph));
        }
        if (cut < 0) {
            return escape(paragraph) + " " + junk;
        }
        return escape(paragraph.substring(0, cut).strip()) + " " + junk + " " + escape(paragraph.substring(cut).strip());
    }

    private static int nearestToMiddle(String text, Matcher boundaries) {
        int middle = text.length() / 2;
        int best = -1;
        while (boundaries.find()) {
            int at = boundaries.start();
            if (at > 0 && boundaries.end() < text.length() && (best < 0 || Math.abs(at - middle) < Math.abs(best - middle))) {
                best = at;
            }
        }
        return best;
    }

    /** Hashtags from the section, the country and proper nouns of the headline; never from the expected topics. */
    void tags(StringBuilder h, Page page, Skin skin) {
        List<String> tags = new ArrayList<>();
        tags.add(titleCase(page.article().section()).replace(" ", ""));
        tags.add(COUNTRY_NAMES.getOrDefault(page.outlet().country(), page.outlet().country()));
        String[] words = page.article().title().split("\\s+");
        for (int i = 1; i < words.length && tags.size() < 4; i++) {
            String word = words[i].replaceAll("['’]s$", "").replaceAll("[^\\p{L}\\p{N}]", "");
            if (word.length() >= 5 && Character.isUpperCase(word.codePointAt(0)) && !tags.contains(word)) {
                tags.add(word);
            }
        }
        h.append("<div class=\"").append(skin.tags()).append("\">\n<span class=\"tags-title\">Hashtags</span>\n<ul>\n");
        for (String tag : tags) {
            h.append("<li><a href=\"").append(page.outlet().homePath()).append("tag/")
                    .append(escape(URLEncoder.encode(tag.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8)))
                    .append("\">#").append(escape(tag)).append("</a></li>\n");
        }
        h.append("</ul>\n</div>\n");
    }

    /**
     * "Related Articles": headline, outlet, relative time and a snippet that is the start of the
     * other article's first paragraph, a real paragraph of real news that does not belong here.
     */
    void related(StringBuilder h, Page page, Skin skin) {
        if (page.related().isEmpty()) {
            return;
        }
        h.append("<section class=\"").append(skin.related()).append("\">\n<h2>Related Articles</h2>\n");
        for (SampleArticle other : page.related()) {
            h.append("<div class=\"related-item\">\n")
                    .append("<span class=\"related-source\">").append(escape(page.outlet().name())).append("</span>\n")
                    .append("<span class=\"related-time\">").append(relativeTime(other.published(), page.clock()))
                    .append("</span>\n")
                    .append("<h3><a href=\"").append(pathOf(other)).append("\">").append(escape(other.title()))
                    .append("</a></h3>\n")
                    .append("<p>").append(escape(snippet(other))).append("</p>\n")
                    .append("</div>\n");
        }
        h.append("</section>\n");
    }

    /** The first one or two sentences of the article's first paragraph. */
    static String snippet(SampleArticle article) {
        String[] sentences = SENTENCE_END.split(article.paragraphs().get(0), 3);
        return sentences.length <= 2 ? article.paragraphs().get(0) : sentences[0] + " " + sentences[1];
    }

    /** "17 minutes ago", "3 hours ago", "1 day ago": whole units, rounded down. */
    static String relativeTime(OffsetDateTime then, OffsetDateTime now) {
        Duration age = Duration.between(then, now);
        if (age.toMinutes() < 60) {
            return plural(Math.max(1, age.toMinutes()), "minute") + " ago";
        }
        if (age.toHours() < 24) {
            return plural(age.toHours(), "hour") + " ago";
        }
        return plural(age.toDays(), "day") + " ago";
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    void comments(StringBuilder h, Page page, Skin skin) {
        h.append("<section id=\"comments\" class=\"").append(skin.comments()).append("\">\n<h2>Comments</h2>\n")
                .append("<p class=\"no-comments\">No comments yet...</p>\n")
                .append("<form action=\"").append(page.outlet().homePath()).append("comments\" method=\"post\">")
                .append("<textarea name=\"comment\" placeholder=\"Write a comment\"></textarea>")
                .append("<button type=\"submit\">Post comment</button></form>\n</section>\n");
    }

    /** The sidebar box of the seed page, which ended up inside its extracted text. */
    void aiFeatures(StringBuilder h, Page page) {
        h.append("<div class=\"ai-features\">\n<h4>Try Our AI Features</h4>\n<p>Explore what ")
                .append(escape(page.outlet().name())).append(" AI can do for you:</p>\n")
                .append("<ul><li>Summarise this story</li><li>Ask about this story</li><li>Listen to this story</li>")
                .append("</ul>\n</div>\n");
    }

    /** A "Most read" list: headlines of the outlet that are not this page's. */
    void mostRead(StringBuilder h, Page page, String cssClass) {
        List<SampleArticle> all = corpus.articlesOf(page.outlet());
        h.append("<div class=\"").append(cssClass).append("\">\n<h4>Most Read</h4>\n<ol>\n");
        int shown = 0;
        for (int i = 1; i < all.size() && shown < 5; i++) {
            SampleArticle other = all.get((page.index() + 2 * i) % all.size());
            if (!other.equals(page.article())) {
                h.append("<li><a href=\"").append(pathOf(other)).append("\">").append(escape(other.title()))
                        .append("</a></li>\n");
                shown++;
            }
        }
        h.append("</ol>\n</div>\n");
    }

    void footer(StringBuilder h, Page page, Skin skin) {
        String home = page.outlet().homePath();
        h.append("<footer class=\"").append(skin.footer()).append("\">\n<ul class=\"footer-links\">\n");
        for (String[] link : new String[][] {
                {"about", "About us"}, {"contact", "Contact us"}, {"advertise", "Advertise with us"},
                {"careers", "Careers"}, {"privacy-policy", "Privacy policy"}, {"terms", "Terms of use"}}) {
            h.append("<li><a href=\"").append(home).append(link[0]).append("\">").append(link[1]).append("</a></li>\n");
        }
        h.append("</ul>\n<p class=\"copyright\">&copy; ").append(page.clock().getYear()).append(' ')
                .append(escape(page.outlet().name())).append(". All rights reserved.</p>\n</footer>\n");
    }

    /** "Nation" for {@code nation}, "Local News" for {@code local-news}. */
    static String titleCase(String slug) {
        StringBuilder out = new StringBuilder();
        for (String word : slug.split("-")) {
            if (!word.isEmpty()) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
