package org.ronda.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ronda.contracts.Taxonomy;

/**
 * Reads a corpus folder from the classpath and checks it against CORPUS-FORMAT.md, collecting
 * every defect before giving up.
 */
final class CorpusReader {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** The publication window that CORPUS-FORMAT.md promises, as local dates of the article's own offset. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 15);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 20);
    private static final int MIN_PARAGRAPHS = 3;
    private static final int MAX_PARAGRAPHS = 7;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String root;
    private final List<CorpusProblem> problems = new ArrayList<>();

    CorpusReader(String resourceRoot) {
        this.root = resourceRoot.endsWith("/") ? resourceRoot.substring(0, resourceRoot.length() - 1) : resourceRoot;
    }

    /** The validated corpus; throws {@link CorpusException} if any file has any defect. */
    SampleCorpus read() {
        List<Outlet> outlets = readOutlets();
        Map<String, List<SampleArticle>> articles = new LinkedHashMap<>();
        for (Outlet outlet : outlets) {
            articles.put(outlet.id(), readArticles(outlet));
        }
        if (!problems.isEmpty()) {
            throw new CorpusException(problems);
        }
        return new SampleCorpus(outlets, articles);
    }

    private List<Outlet> readOutlets() {
        String file = fileName("outlets.json");
        Optional<JsonNode> tree = readArray(file);
        List<Outlet> outlets = new ArrayList<>();
        if (tree.isEmpty()) {
            return outlets;
        }
        Set<String> ids = new HashSet<>();
        int position = 0;
        for (JsonNode node : tree.get()) {
            position++;
            OutletEntry entry = convert(node, OutletEntry.class, file, "outlet #" + position);
            if (entry == null) {
                continue;
            }
            String item = entry.id() == null ? "outlet #" + position : "outlet '" + entry.id() + "'";
            int before = problems.size();
            if (entry.id() == null || !SLUG.matcher(entry.id()).matches()) {
                problem(file, item, "id must match [a-z0-9-]+, got " + quoted(entry.id()));
            } else if (!ids.add(entry.id())) {
                problem(file, item, "id is used by an earlier outlet");
            }
            requireText(file, item, "name", entry.name());
            if (entry.country() == null || !COUNTRY.matcher(entry.country()).matches()) {
                problem(file, item, "country must be an ISO 3166-1 alpha-2 code, got " + quoted(entry.country()));
            }
            if (entry.language() == null || !LANGUAGE.matcher(entry.language()).matches()) {
                problem(file, item, "language must be a BCP 47 tag such as en or ms, got " + quoted(entry.language()));
            }
            Optional<FeedFormat> format = FeedFormat.fromId(entry.feedFormat());
            if (format.isEmpty()) {
                problem(file, item, "feedFormat must be rss or atom, got " + quoted(entry.feedFormat()));
            }
            Optional<PageStyle> style = PageStyle.fromId(entry.style());
            if (style.isEmpty()) {
                problem(file, item, "style must be portal, broadsheet, tabloid, wire or blog, got "
                        + quoted(entry.style()));
            }
            ZoneId zone = zone(file, item, entry.timeZone());
            if (problems.size() == before) {
                outlets.add(new Outlet(entry.id(), entry.name(), entry.country(), entry.language(), format.get(),
                        style.get(), zone));
            }
        }
        return outlets;
    }

    private List<SampleArticle> readArticles(Outlet outlet) {
        String file = fileName("articles/" + outlet.id() + ".json");
        Optional<JsonNode> tree = readArray(file);
        List<SampleArticle> articles = new ArrayList<>();
        if (tree.isEmpty()) {
            return articles;
        }
        Set<String> slugs = new HashSet<>();
        int position = 0;
        for (JsonNode node : tree.get()) {
            position++;
            ArticleEntry entry = convert(node, ArticleEntry.class, file, "article #" + position);
            if (entry == null) {
                continue;
            }
            String item = entry.slug() == null ? "article #" + position : "article '" + entry.slug() + "'";
            int before = problems.size();
            if (entry.slug() == null || !SLUG.matcher(entry.slug()).matches()) {
                problem(file, item, "slug must match [a-z0-9-]+, got " + quoted(entry.slug()));
            } else if (!slugs.add(entry.slug())) {
                problem(file, item, "slug is used by an earlier article of this outlet");
            }
            requireText(file, item, "title", entry.title());
            if (entry.author() != null) {
                requireText(file, item, "author", entry.author());
            }
            OffsetDateTime published = published(file, item, entry.published());
            if (entry.lang() == null || !LANGUAGE.matcher(entry.lang()).matches()) {
                problem(file, item, "lang must be a BCP 47 tag such as en or ms, got " + quoted(entry.lang()));
            }
            if (entry.section() == null || !SLUG.matcher(entry.section()).matches()) {
                problem(file, item, "section must match [a-z0-9-]+ (it is part of the URL), got "
                        + quoted(entry.section()));
            }
            requireText(file, item, "summary", entry.summary());
            checkParagraphs(file, item, entry.paragraphs());
            checkTopics(file, item, entry.topics());
            if (problems.size() == before) {
                articles.add(new SampleArticle(outlet.id(), entry.slug(), entry.title(), entry.author(), published,
                        entry.lang(), entry.section(), entry.summary(), entry.paragraphs(), entry.topics()));
            }
        }
        articles.sort(Comparator.comparing((SampleArticle a) -> a.published().toInstant()).reversed()
                .thenComparing(SampleArticle::slug));
        return articles;
    }

    private Optional<JsonNode> readArray(String file) {
        try (InputStream in = CorpusReader.class.getResourceAsStream("/" + file)) {
            if (in == null) {
                problem(file, null, "not found on the classpath");
                return Optional.empty();
            }
            JsonNode tree = JSON.readTree(in);
            if (tree == null || !tree.isArray()) {
                problem(file, null, "must hold a JSON array");
                return Optional.empty();
            }
            return Optional.of(tree);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            problem(file, null, "is not valid JSON" + where + ": " + e.getOriginalMessage());
            return Optional.empty();
        } catch (IOException e) {
            problem(file, null, "cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private <T> T convert(JsonNode node, Class<T> type, String file, String item) {
        if (!node.isObject()) {
            problem(file, item, "must be a JSON object");
            return null;
        }
        try {
            return JSON.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            problem(file, named(node, item), "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonProcessingException e) {
            problem(file, named(node, item), "has a field of the wrong type: " + e.getOriginalMessage());
        }
        return null;
    }

    /** Names an entry by its id or slug when it has one, since a position is hard to find in a long file. */
    private static String named(JsonNode node, String item) {
        String kind = item.substring(0, item.indexOf(' '));
        JsonNode key = node.get(kind.equals("outlet") ? "id" : "slug");
        return key != null && key.isTextual() ? kind + " '" + key.asText() + "'" : item;
    }

    private ZoneId zone(String file, String item, String timeZone) {
        if (timeZone == null) {
            problem(file, item, "timeZone is missing");
            return null;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            problem(file, item, "timeZone must be an IANA zone such as Asia/Kuala_Lumpur, got " + quoted(timeZone));
            return null;
        }
    }

    private OffsetDateTime published(String file, String item, String text) {
        if (text == null) {
            problem(file, item, "published is missing");
            return null;
        }
        try {
            OffsetDateTime published = OffsetDateTime.parse(text);
            LocalDate day = published.toLocalDate();
            if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
                problem(file, item, "published must be between " + FIRST_DAY + " and " + LAST_DAY + ", got " + text);
            }
            return published;
        } catch (DateTimeParseException e) {
            problem(file, item, "published must be ISO 8601 with an offset, e.g. 2026-10-05T09:30:00+08:00, got "
                    + quoted(text));
            return null;
        }
    }

    private void checkParagraphs(String file, String item, List<String> paragraphs) {
        if (paragraphs == null) {
            problem(file, item, "paragraphs is missing");
            return;
        }
        if (paragraphs.size() < MIN_PARAGRAPHS || paragraphs.size() > MAX_PARAGRAPHS) {
            problem(file, item, "must have " + MIN_PARAGRAPHS + " to " + MAX_PARAGRAPHS + " paragraphs, has "
                    + paragraphs.size());
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            requireText(file, item, "paragraph " + (i + 1), paragraphs.get(i));
        }
    }

    private void checkTopics(String file, String item, List<String> topics) {
        if (topics == null) {
            problem(file, item, "topics is missing (use [] for news unrelated to crime)");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String topic : topics) {
            if (!Taxonomy.TOPIC_IDS.contains(topic)) {
                problem(file, item, "unknown topic " + quoted(topic) + "; topics must be among " + Taxonomy.TOPIC_IDS);
            } else if (!seen.add(topic)) {
                problem(file, item, "topic '" + topic + "' is listed twice");
            }
        }
    }

    /** Text fields end up in XML, HTML and a TSV file, where control characters break the format. */
    private void requireText(String file, String item, String field, String value) {
        if (value == null || value.isBlank()) {
            problem(file, item, field + " is missing or blank");
        } else if (CONTROL.matcher(value).find()) {
            problem(file, item, field + " contains a control character (tab, line break or similar)");
        }
    }

    private void problem(String file, String item, String reason) {
        problems.add(new CorpusProblem(file, item, reason));
    }

    private String fileName(String relative) {
        String base = root.startsWith("/") ? root.substring(1) : root;
        return base + "/" + relative;
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }

    /** An entry of {@code outlets.json} as written, before validation. */
    record OutletEntry(String id, String name, String country, String language, String feedFormat, String style,
            String timeZone) {
    }

    /** An entry of {@code articles/<outlet-id>.json} as written, before validation. */
    record ArticleEntry(String slug, String title, String author, String published, String lang, String section,
            String summary, List<String> paragraphs, List<String> topics) {
    }
}
