package org.ronda.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.ronda.contracts.EventCodec;

/** Reads title, byline, dates, language and canonical URL from a page's metadata, most trusted source first. */
final class PageMetadata {

    private final Document page;
    private final List<JsonNode> jsonLd;

    PageMetadata(Document page) {
        this.page = page;
        this.jsonLd = readJsonLd(page);
    }

    Optional<String> title() {
        return firstPresent(
                meta("meta[property=og:title]"),
                jsonLdText("headline"),
                text(page.selectFirst("h1")),
                Optional.of(page.title()).map(PageMetadata::withoutSiteName).filter(t -> !t.isBlank()));
    }

    Optional<String> author() {
        return firstPresent(
                meta("meta[name=author]"),
                jsonLdAuthor(),
                text(page.selectFirst("[rel=author], [itemprop=author], .byline, .author")).map(PageMetadata::withoutBy));
    }

    Optional<Instant> published(Instant now) {
        List<Optional<String>> candidates = List.of(
                meta("meta[property=article:published_time]"),
                jsonLdText("datePublished"),
                attr(page.selectFirst("time[datetime]"), "datetime"),
                meta("meta[name=pubdate], meta[name=date], meta[itemprop=datePublished]"));
        for (Optional<String> candidate : candidates) {
            Optional<Instant> parsed = candidate.flatMap(PageMetadata::parseInstant);
            // A date in the future is a template error, never a publication time.
            if (parsed.isPresent() && !parsed.get().isAfter(now.plusSeconds(3600))) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    Optional<String> language() {
        return firstPresent(
                attr(page.selectFirst("html[lang]"), "lang"),
                meta("meta[property=og:locale]"),
                meta("meta[http-equiv=content-language]"))
                .map(tag -> tag.replace('_', '-').split("-")[0].toLowerCase(Locale.ROOT))
                .filter(tag -> tag.matches("[a-z]{2,3}"));
    }

    Optional<String> canonicalUrl() {
        return firstPresent(
                attr(page.selectFirst("link[rel=canonical][href]"), "abs:href"),
                meta("meta[property=og:url]"));
    }

    static Optional<Instant> parseInstant(String text) {
        String t = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            // fall through to the laxer forms
        }
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return Optional.of(LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Optional<String> meta(String selector) {
        return attr(page.selectFirst(selector), "content");
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

    private Optional<String> jsonLdAuthor() {
        for (JsonNode node : jsonLd) {
            JsonNode author = node.get("author");
            if (author != null && author.isArray() && !author.isEmpty()) {
                author = author.get(0);
            }
            if (author != null && author.hasNonNull("name")) {
                return Optional.of(author.get("name").asText().strip()).filter(s -> !s.isEmpty());
            }
            if (author != null && author.isTextual()) {
                return Optional.of(author.asText().strip()).filter(s -> !s.isEmpty());
            }
        }
        return Optional.empty();
    }

    private static List<JsonNode> readJsonLd(Document page) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                JsonNode root = EventCodec.mapper().readTree(script.data());
                if (root.isArray()) {
                    root.forEach(nodes::add);
                } else if (root.has("@graph")) {
                    root.get("@graph").forEach(nodes::add);
                } else {
                    nodes.add(root);
                }
            } catch (java.io.IOException e) {
                // Broken JSON-LD is common; the other metadata sources still apply.
            }
        }
        return nodes;
    }

    private static Optional<String> attr(Element element, String name) {
        return element == null ? Optional.empty() : Optional.of(element.attr(name).strip()).filter(s -> !s.isEmpty());
    }

    private static Optional<String> text(Element element) {
        return element == null ? Optional.empty() : Optional.of(element.text().strip()).filter(s -> !s.isEmpty());
    }

    private static String withoutSiteName(String title) {
        int bar = Math.max(title.lastIndexOf(" | "), title.lastIndexOf(" - "));
        return bar > 0 ? title.substring(0, bar).strip() : title.strip();
    }

    private static String withoutBy(String byline) {
        return byline.replaceFirst("(?i)^(by|oleh|bởi|โดย)\\s+", "").strip();
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
