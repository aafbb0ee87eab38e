package org.ronda.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.ronda.contracts.EventCodec;

/**
 * One page of the extraction fixture set: {@code NAME.html} (or {@code NAME.html.gz}), its body
 * text as a reader would copy it ({@code NAME.expected.txt}, paragraphs separated by a blank line)
 * and the metadata a reader would state ({@code NAME.expected.json}: url, title, author, published,
 * updated, lang, canonicalUrl, leadImage, partial).
 *
 * @param name     the file name without extensions
 * @param page     the page's bytes, gunzipped
 * @param expected the expected body text
 * @param meta     the expected metadata; its {@code url} is where the page was fetched from
 */
record ExtractionFixture(String name, byte[] page, String expected, JsonNode meta) {

    /** Where the fixtures are: the test resources on the class path, else the source folder seen from the module or the repository. */
    static Path defaultDirectory() {
        URL resource = ExtractionFixture.class.getResource("/extraction");
        if (resource != null && resource.getProtocol().equals("file")) {
            try {
                return Path.of(resource.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        for (String candidate : new String[] {"src/test/resources/extraction", "ingest/src/test/resources/extraction"}) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("extraction fixtures not found: not on the class path, nor in src/test/resources/extraction");
    }

    /** Every fixture of a directory, by name. */
    static List<ExtractionFixture> loadAll(Path directory) {
        List<ExtractionFixture> fixtures = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path page : files.filter(p -> p.getFileName().toString().matches(".*\\.html(\\.gz)?")).sorted().toList()) {
                fixtures.add(load(page));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixtures;
    }

    static ExtractionFixture load(Path page) throws IOException {
        String file = page.getFileName().toString();
        String name = file.replaceFirst("\\.html(\\.gz)?$", "");
        byte[] bytes = Files.readAllBytes(page);
        if (file.endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        }
        String expected = Files.readString(page.resolveSibling(name + ".expected.txt"), StandardCharsets.UTF_8).strip();
        JsonNode meta = EventCodec.mapper().readTree(page.resolveSibling(name + ".expected.json").toFile());
        return new ExtractionFixture(name, bytes, expected, meta);
    }

    URI url() {
        return URI.create(meta.path("url").asText());
    }

    String language() {
        return meta.path("lang").asText();
    }

    /**
     * The metadata fields where {@code extracted} differs from the expectation, as "field: expected ... got ...";
     * empty when all match. Times must match with their offset, not only as instants.
     */
    List<String> metadataMismatches(ExtractedArticle extracted) {
        List<String> mismatches = new ArrayList<>();
        compare(mismatches, "title", text("title"), extracted.title());
        compare(mismatches, "author", text("author"), extracted.author());
        compare(mismatches, "published", time("published"), extracted.publishedTime());
        compare(mismatches, "updated", time("updated"), extracted.updatedTime());
        compare(mismatches, "lang", text("lang"), extracted.language());
        compare(mismatches, "canonicalUrl", text("canonicalUrl"), extracted.canonicalUrl());
        compare(mismatches, "leadImage", text("leadImage"), extracted.leadImage());
        compare(mismatches, "partial", meta.path("partial").asBoolean(false), extracted.partial());
        return mismatches;
    }

    private String text(String field) {
        JsonNode value = meta.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private OffsetDateTime time(String field) {
        String value = text(field);
        return value == null ? null : OffsetDateTime.parse(value);
    }

    private static void compare(List<String> mismatches, String field, Object expected, Object got) {
        if (!Objects.equals(expected, got)) {
            mismatches.add(field + ": expected " + expected + ", got " + got);
        }
    }

    /** Extracts the page the way ingest does: from its bytes, charset from the page. */
    ExtractedArticle extractWith(ArticleExtractor extractor) throws IOException, ExtractionException {
        return extractor.extract(new ByteArrayInputStream(page), null, url());
    }
}
