package org.ronda.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Reads title, byline, dates, language, canonical URL, lead image and access from a page's
 * metadata, most trusted source first: JSON-LD of the article, OpenGraph and article meta tags,
 * other meta tags, marked-up elements ({@code <time>}, {@code rel=author}), and last the URL.
 * Must be built before the body is extracted, which removes parts of the document.
 */
final class PageMetadata {

    // CSS queries parsed once: parsing one costs about as much as running it on a page.
    private static final Evaluator ARTICLE_CONTAINER = Selector.evaluatorOf("article, main, [itemprop=articleBody], [itemtype*=Article]");
    private static final Evaluator ASIDE_FOOTER_NAV = Selector.evaluatorOf("aside, footer, nav");
    private static final Evaluator ASIDE_FOOTER_NAV_SCRIPT = Selector.evaluatorOf("aside, footer, nav, script");
    private static final Evaluator BODY_PICTURE = Selector.evaluatorOf("article figure img, [itemprop=articleBody] img, figure img, article img, figure amp-img, article amp-img, main img");
    private static final Evaluator BYLINE = Selector.evaluatorOf("[rel=author], [itemprop=author], .byline, .author, .author-name, [class*=author-name], [class*=byline], [class*=author]");
    private static final Evaluator CANONICAL_LINK = Selector.evaluatorOf("link[rel=canonical][href]");
    private static final Evaluator DATE_LABEL = Selector.evaluatorOf("[class*=date], [id*=date], [class*=publish], [class*=posted], [class*=time]");
    private static final Evaluator H1 = Selector.evaluatorOf("h1");
    private static final Evaluator HTML_LANG = Selector.evaluatorOf("html[lang]");
    private static final Evaluator HTML_XML_LANG = Selector.evaluatorOf("html[xml:lang]");
    private static final Evaluator IMAGE_LINK = Selector.evaluatorOf("link[rel=image_src][href]");
    private static final Evaluator MODIFIED_TIME = Selector.evaluatorOf("time[itemprop=dateModified], [itemprop=dateModified][datetime]");
    private static final Evaluator NAME_META = Selector.evaluatorOf("meta[itemprop=name][content]");
    private static final Evaluator NAV_FOOTER_ASIDE = Selector.evaluatorOf("nav, footer, aside");
    private static final Evaluator PICTURE = Selector.evaluatorOf("img");
    private static final Evaluator PUBLISHED_TIME = Selector.evaluatorOf("time[itemprop=datePublished], [itemprop=datePublished][datetime], time[pubdate], time");

    /**
     * How far ahead of the clock a date may be and still count: servers' clocks drift. Anything later is a
     * template error or a scheduled-post placeholder, never a publication time.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    /** Dates before this are template defaults (1970-01-01, 0001-01-01), not publication times. */
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    /** Meta tags of the publication time, as {@code attribute=value} keys of {@link #metaIndex}. */
    private static final List<String> PUBLISHED_META = List.of("property=article:published_time", "name=article:published_time",
            "property=og:article:published_time", "property=og:published_time", "itemprop=datepublished", "name=pubdate",
            "name=publishdate", "name=publish-date", "name=publish_date", "name=parsely-pub-date", "name=sailthru.date",
            "name=dc.date.issued", "name=dcterms.issued", "name=dcterms.created", "name=dc.date", "name=date",
            "property=article:published");
    private static final List<String> UPDATED_META = List.of("property=article:modified_time", "name=article:modified_time",
            "property=og:updated_time", "itemprop=datemodified", "name=lastmod", "name=last-modified", "name=dcterms.modified",
            "property=article:modified");
    private static final String[] META_KEYS = {"property", "name", "itemprop", "http-equiv"};
    private static final Pattern BYLINE_PREFIX = Pattern.compile(
            "^(written by|reported by|by|oleh|penulis|reporter|wartawan|bởi|tác giả|phóng viên|โดย|ผู้เขียน|ni|isinulat ni|"
                    + "ដោយ|អ្នកយកព័ត៌មាន|ရေးသားသူ|文|记者|記者|作者)\\s*[:：]?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LISTING_NAME = Pattern.compile(
            "related|sidebar|comment|popular|widget|recommend|trending|most-?read|latest|more-?news|footer",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_AUTHOR_CHARS = 100;
    private static final int MAX_DATE_LABEL_CHARS = 80;

    private final Document page;
    private final URI url;
    private final List<JsonNode> jsonLd;
    private final Element headline;
    /** The content of every meta tag by "attribute=value" (lower-cased), in page order: one pass instead of a query per tag. */
    private final Map<String, List<String>> metaIndex = new HashMap<>();

    PageMetadata(Document page, URI url) {
        this.page = page;
        this.url = url;
        this.jsonLd = JsonLd.articlesFirst(JsonLd.read(page));
        for (Element meta : page.getElementsByTag("meta")) {
            String content = meta.attr("content").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String key : META_KEYS) {
                String value = meta.attr(key);
                if (!value.isEmpty()) {
                    metaIndex.computeIfAbsent(key + "=" + value.strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(content);
                }
            }
        }
        this.headline = findHeadline();
    }

    /** The JSON-LD nodes, article nodes first. */
    List<JsonNode> jsonLd() {
        return jsonLd;
    }

    /** The element that shows the headline (the article's {@code h1}), or null. */
    Element headlineElement() {
        return headline;
    }

    Optional<String> title() {
        Optional<String> og = meta("property=og:title", "name=og:title").map(this::withoutSiteName);
        Optional<String> h1 = text(headline);
        if (og.isPresent() && h1.isPresent() && og.get().startsWith(h1.get()) && og.get().length() > h1.get().length()) {
            // og:title is "Headline - Site" where the page did not say the site's name in og:site_name.
            return h1;
        }
        return firstPresent(
                og,
                jsonLdText("headline").map(this::withoutSiteName),
                h1,
                Optional.of(page.title()).map(this::withoutSiteName).map(PageMetadata::withoutTrailingSiteName)
                        .filter(t -> !t.isBlank()));
    }

    Optional<String> author() {
        List<String> people = new ArrayList<>();
        String organisation = null;
        for (JsonNode node : jsonLd) {
            if (!JsonLd.isArticle(node) || !node.has("author")) {
                continue;
            }
            JsonNode authors = node.get("author");
            for (JsonNode author : authors.isArray() ? authors : List.of(authors)) {
                String name = author.isTextual() ? author.asText() : author.path("name").asText("");
                name = cleanAuthor(name);
                if (name.isEmpty()) {
                    continue;
                }
                if (author.path("@type").asText("").equalsIgnoreCase("Organization")) {
                    organisation = organisation == null ? name : organisation;
                } else if (!people.contains(name)) {
                    people.add(name);
                }
            }
            if (!people.isEmpty()) {
                return Optional.of(String.join(", ", people));
            }
        }
        Optional<String> found = firstPresent(
                meta("name=author", "name=byl", "name=parsely-author", "name=dc.creator", "property=article:author")
                        .map(PageMetadata::cleanAuthor).filter(PageMetadata::isName).filter(name -> !isSiteName(name)),
                bylineElement());
        if (found.isPresent()) {
            return found;
        }
        return Optional.ofNullable(organisation);
    }

    private Optional<String> bylineElement() {
        for (Element element : page.select(BYLINE)) {
            if (element.closest(ASIDE_FOOTER_NAV) != null || isInListing(element)) {
                continue;
            }
            String name = element.hasAttr("content") ? element.attr("content") : element.text();
            if (name.isBlank()) {
                Element meta = element.selectFirst(NAME_META);
                name = meta == null ? "" : meta.attr("content");
            }
            name = cleanAuthor(name);
            if (isName(name) && !isSiteName(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /**
     * The publication time; never in the future, from the most trusted source that states one.
     *
     * @param now the clock's reading
     */
    Optional<OffsetDateTime> published(Instant now) {
        ZoneOffset fallback = defaultOffset();
        List<Supplier<List<String>>> sources = List.of(
                () -> concat(jsonLdTexts("datePublished", true), metaValues(PUBLISHED_META), jsonLdTexts("datePublished", false),
                        jsonLdTexts("dateCreated", true)),
                this::timeElementValues,
                this::dateLabelTexts);
        for (Supplier<List<String>> source : sources) {
            for (String candidate : source.get()) {
                Optional<OffsetDateTime> date = DateParser.parse(candidate, fallback).filter(d -> plausible(d, now));
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        for (String address : addresses()) {
            Optional<OffsetDateTime> date = DateParser.fromUrl(address, fallback).filter(d -> plausible(d, now));
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    /** {@code <time>} elements of the article, not of lists of other stories: the datetime attribute, else the text. */
    private List<String> timeElementValues() {
        List<String> values = new ArrayList<>();
        for (Element time : page.select(PUBLISHED_TIME)) {
            if (time.closest(ASIDE_FOOTER_NAV) != null || isInListing(time) || isModified(time)) {
                continue;
            }
            values.add(time.hasAttr("datetime") ? time.attr("datetime") : time.text());
        }
        return values;
    }

    /** Short texts of elements named for a date ({@code <span class="news_date">}), as older CMSs print it. */
    private List<String> dateLabelTexts() {
        List<String> values = new ArrayList<>();
        for (Element label : page.select(DATE_LABEL)) {
            if (label.closest(ASIDE_FOOTER_NAV_SCRIPT) != null || isInListing(label)
                    || BodyExtractor.textLength(label, MAX_DATE_LABEL_CHARS) > MAX_DATE_LABEL_CHARS) {
                continue;
            }
            String text = label.text().strip();
            if (!text.isEmpty()) {
                values.add(text);
            }
        }
        return values;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /**
     * The last update time: never in the future and never before {@code published}.
     *
     * @param now       the clock's reading
     * @param published the publication time found, or null
     */
    Optional<OffsetDateTime> updated(Instant now, OffsetDateTime published) {
        ZoneOffset fallback = defaultOffset();
        List<String> candidates = new ArrayList<>();
        jsonLdTexts("dateModified", true).forEach(candidates::add);
        metaValues(UPDATED_META).forEach(candidates::add);
        jsonLdTexts("dateModified", false).forEach(candidates::add);
        for (Element time : page.select(MODIFIED_TIME)) {
            candidates.add(time.attr("datetime"));
        }
        for (String candidate : candidates) {
            Optional<OffsetDateTime> date = DateParser.parse(candidate, fallback)
                    .filter(d -> plausible(d, now))
                    .filter(d -> published == null || !d.toInstant().isBefore(published.toInstant()));
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    private static boolean isModified(Element time) {
        String itemprop = time.attr("itemprop");
        return itemprop.equalsIgnoreCase("dateModified");
    }

    private static boolean plausible(OffsetDateTime date, Instant now) {
        Instant instant = date.toInstant();
        return !instant.isAfter(now.plus(CLOCK_SKEW)) && !instant.isBefore(EARLIEST);
    }

    /**
     * The offset for dates that state none: the one the page's other dates state, else the one of the
     * page's language, else UTC.
     */
    private ZoneOffset defaultOffset() {
        List<String> stated = new ArrayList<>();
        jsonLdTexts("datePublished", true).forEach(stated::add);
        metaValues(PUBLISHED_META).forEach(stated::add);
        jsonLdTexts("dateModified", true).forEach(stated::add);
        metaValues(UPDATED_META).forEach(stated::add);
        for (String value : stated) {
            if (DateParser.statesOffset(value)) {
                return DateParser.parse(value, null).orElseThrow().getOffset();
            }
        }
        return declaredRegion().flatMap(DateParser::offsetOfRegion)
                .or(() -> declaredLanguage().flatMap(DateParser::regionalOffset))
                .orElse(ZoneOffset.UTC);
    }

    private List<String> addresses() {
        Set<String> addresses = new LinkedHashSet<>();
        if (url != null && url.getScheme() != null && url.getScheme().startsWith("http")) {
            addresses.add(url.toString());
        }
        canonicalUrl().ifPresent(addresses::add);
        return new ArrayList<>(addresses);
    }

    /** The language the page declares: html lang, og:locale, content-language, JSON-LD inLanguage. */
    Optional<String> declaredLanguage() {
        return firstPresent(
                attr(page.selectFirst(HTML_LANG), "lang"),
                attr(page.selectFirst(HTML_XML_LANG), "xml:lang"),
                meta("property=og:locale"),
                meta("http-equiv=content-language"),
                jsonLdText("inLanguage"))
                .map(tag -> tag.strip().replace('_', '-').split("-")[0].toLowerCase(Locale.ROOT))
                .filter(tag -> tag.matches("[a-z]{2,3}"));
    }

    /** The region subtag of the page's language tag ({@code MY} of {@code en-MY}), if it has one. */
    Optional<String> declaredRegion() {
        return firstPresent(
                attr(page.selectFirst(HTML_LANG), "lang"),
                meta("property=og:locale"),
                meta("http-equiv=content-language"))
                .map(tag -> tag.strip().replace('_', '-').split("-"))
                .filter(parts -> parts.length >= 2 && parts[1].matches("[A-Za-z]{2}"))
                .map(parts -> parts[1].toUpperCase(Locale.ROOT));
    }

    Optional<String> canonicalUrl() {
        return firstPresent(
                attr(page.selectFirst(CANONICAL_LINK), "abs:href"),
                meta("property=og:url"),
                jsonLdUrl())
                .filter(u -> u.startsWith("http://") || u.startsWith("https://"));
    }

    private Optional<String> jsonLdUrl() {
        for (JsonNode node : jsonLd) {
            if (!JsonLd.isArticle(node)) {
                continue;
            }
            JsonNode main = node.get("mainEntityOfPage");
            if (main != null && main.isTextual()) {
                return Optional.of(main.asText());
            }
            if (main != null && main.path("@id").isTextual()) {
                return Optional.of(main.path("@id").asText());
            }
            if (node.path("url").isTextual()) {
                return Optional.of(node.path("url").asText());
            }
        }
        return Optional.empty();
    }

    /** The lead image: og:image, twitter:image, JSON-LD image, or the first picture of the article. */
    Optional<String> leadImage() {
        Optional<String> declared = meta("property=og:image", "property=og:image:url", "name=og:image", "name=twitter:image",
                "name=twitter:image:src", "property=twitter:image")
                .map(this::resolve)
                .or(this::jsonLdImage)
                .or(() -> attr(page.selectFirst(IMAGE_LINK), "abs:href"));
        if (declared.isPresent()) {
            return declared;
        }
        for (Element img : page.select(BODY_PICTURE)) {
            for (String key : new String[] {"data-src", "data-lazy-src", "data-original", "src"}) {
                String src = img.absUrl(key);
                if (src.startsWith("http") && !src.endsWith(".svg") && !src.endsWith(".gif")) {
                    return Optional.of(src);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> jsonLdImage() {
        for (JsonNode node : jsonLd) {
            if (!JsonLd.isArticle(node) || !node.has("image")) {
                continue;
            }
            JsonNode image = node.get("image");
            if (image.isArray() && !image.isEmpty()) {
                image = image.get(0);
            }
            String src = image.isTextual() ? image.asText() : image.path("url").asText(image.path("contentUrl").asText(""));
            if (!src.isBlank()) {
                return Optional.of(resolve(src.strip()));
            }
        }
        return Optional.empty();
    }

    /** True when the article's JSON-LD says it is not free to read ({@code isAccessibleForFree: false}). */
    boolean declaredNotFree() {
        for (JsonNode node : jsonLd) {
            if (JsonLd.isArticle(node) && (isFalse(node.get("isAccessibleForFree")) || hasLockedPart(node))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLockedPart(JsonNode node) {
        JsonNode parts = node.get("hasPart");
        if (parts == null) {
            return false;
        }
        for (JsonNode part : parts.isArray() ? parts : List.of(parts)) {
            if (isFalse(part.get("isAccessibleForFree"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFalse(JsonNode value) {
        if (value == null) {
            return false;
        }
        if (value.isBoolean()) {
            return !value.asBoolean();
        }
        return value.isTextual() && (value.asText().equalsIgnoreCase("false") || value.asText().equalsIgnoreCase("no"));
    }

    /** True when {@code name} is the site's own name, which many sites put where a byline belongs. */
    private boolean isSiteName(String name) {
        Optional<String> site = siteName();
        return site.isPresent() && site.get().strip().equalsIgnoreCase(name);
    }

    /** The site's name as it declares it, for telling it apart from a headline or a byline. */
    Optional<String> siteName() {
        return meta("property=og:site_name");
    }

    private Element findHeadline() {
        Element first = null;
        for (Element h1 : page.select(H1)) {
            String text = h1.text().strip();
            if (text.isEmpty() || h1.closest(NAV_FOOTER_ASIDE) != null) {
                continue;
            }
            // A logo in an h1 carries the site's name on every page, not the headline.
            if (text.length() < 8 && h1.selectFirst(PICTURE) != null) {
                continue;
            }
            if (first == null) {
                first = h1;
            }
            if (h1.closest(ARTICLE_CONTAINER) != null) {
                return h1;
            }
        }
        return first;
    }

    private String withoutSiteName(String title) {
        String t = title.strip();
        Optional<String> site = siteName();
        if (site.isPresent() && !site.get().isBlank()) {
            String name = site.get().strip();
            for (String separator : new String[] {" | ", " - ", " – ", " — ", " :: ", " · "}) {
                if (t.endsWith(separator + name)) {
                    return t.substring(0, t.length() - separator.length() - name.length()).strip();
                }
                if (t.startsWith(name + separator)) {
                    return t.substring(name.length() + separator.length()).strip();
                }
            }
        }
        return t;
    }

    /** For the {@code <title>} fallback only: "Headline | Site" with a short last part is cut there. */
    private static String withoutTrailingSiteName(String title) {
        int bar = Math.max(title.lastIndexOf(" | "), title.lastIndexOf(" - "));
        return bar > 0 && title.length() - bar < 40 ? title.substring(0, bar).strip() : title.strip();
    }

    private static String cleanAuthor(String raw) {
        String name = raw.replace('\u00a0', ' ').strip();
        name = BYLINE_PREFIX.matcher(name).replaceFirst("").strip();
        for (String cut : new String[] {" | ", " - ", " – ", "\n", " on ", " pada ", " lúc "}) {
            int at = name.indexOf(cut);
            if (at > 0) {
                name = name.substring(0, at).strip();
            }
        }
        return name.replaceAll("[,;:]+$", "").strip();
    }

    private static boolean isName(String name) {
        return !name.isEmpty() && name.length() <= MAX_AUTHOR_CHARS && !name.startsWith("http") && !name.contains("@")
                && !name.contains("/");
    }

    private static boolean isInListing(Element element) {
        for (Element e = element; e != null && !e.normalName().equals("body"); e = e.parent()) {
            if ((!e.className().isEmpty() && LISTING_NAME.matcher(e.className()).find())
                    || (!e.id().isEmpty() && LISTING_NAME.matcher(e.id()).find())) {
                return true;
            }
        }
        return false;
    }

    private String resolve(String src) {
        try {
            return url == null ? src : url.resolve(src.replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return src;
        }
    }

    /** The first meta tag content of the first key that has one; keys are "attribute=value", value lower-cased. */
    private Optional<String> meta(String... keys) {
        for (String key : keys) {
            List<String> values = metaIndex.get(key);
            if (values != null) {
                return Optional.of(values.get(0));
            }
        }
        return Optional.empty();
    }

    private List<String> metaValues(List<String> keys) {
        List<String> values = new ArrayList<>();
        for (String key : keys) {
            values.addAll(metaIndex.getOrDefault(key, List.of()));
        }
        return values;
    }

    private Optional<String> jsonLdText(String field) {
        for (JsonNode node : jsonLd) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(value.asText().strip());
            }
        }
        return Optional.empty();
    }

    private List<String> jsonLdTexts(String field, boolean articles) {
        List<String> values = new ArrayList<>();
        for (JsonNode node : jsonLd) {
            if (JsonLd.isArticle(node) != articles) {
                continue;
            }
            JsonNode value = node.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                values.add(value.asText().strip());
            }
        }
        return values;
    }

    private static Optional<String> attr(Element element, String name) {
        return element == null ? Optional.empty() : Optional.of(element.attr(name).strip()).filter(s -> !s.isEmpty());
    }

    private static Optional<String> text(Element element) {
        return element == null ? Optional.empty() : Optional.of(element.text().strip()).filter(s -> !s.isEmpty());
    }

    @SafeVarargs
    private static <T> Optional<T> firstPresent(Optional<T>... options) {
        for (Optional<T> option : options) {
            if (option.isPresent()) {
                return option;
            }
        }
        return Optional.empty();
    }
}
