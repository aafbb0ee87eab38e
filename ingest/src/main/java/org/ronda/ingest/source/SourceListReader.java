package org.ronda.ingest.source;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the source list: UTF-8, one source per line, tab-separated
 * {@code id outlet country language kind feeds}, feeds separated by spaces; blank lines and lines
 * starting with {@code #} are ignored. A bad line is reported with its number and skipped: one
 * typo must not take every other outlet offline.
 */
public final class SourceListReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** What was read: the valid sources and one message per rejected line. */
    public record Result(List<Source> sources, List<String> problems) {
    }

    /** Reads {@code file}; an unreadable file is an {@link IOException}, a bad line is a problem in the result. */
    public Result read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses the lines of a source list named {@code name} in messages. */
    public Result parse(List<String> lines, String name) {
        List<Source> sources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            try {
                Source source = parseLine(lines.get(i), number);
                if (!ids.add(source.id())) {
                    throw new IllegalArgumentException("duplicate source id " + source.id());
                }
                sources.add(source);
            } catch (IllegalArgumentException e) {
                problems.add(name + ":" + number + ": " + e.getMessage() + " (line skipped)");
            }
        }
        return new Result(List.copyOf(sources), List.copyOf(problems));
    }

    private static Source parseLine(String line, int number) {
        String[] cells = line.split("\t");
        if (cells.length != 6) {
            throw new IllegalArgumentException("expected 6 tab-separated fields (id outlet country language kind feeds), got " + cells.length);
        }
        String id = cells[0].strip();
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lowercase letters, digits and dashes, got '" + id + "'");
        }
        String outlet = cells[1].strip();
        if (outlet.isEmpty()) {
            throw new IllegalArgumentException("outlet name is empty");
        }
        String country = cells[2].strip();
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as MY, got '" + country + "'");
        }
        String language = cells[3].strip();
        if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]+)*")) {
            throw new IllegalArgumentException("language must be a BCP 47 tag such as ms, got '" + language + "'");
        }
        String kind = cells[4].strip();
        if (!kind.equals("media") && !kind.equals("official")) {
            throw new IllegalArgumentException("kind must be media or official, got '" + kind + "'");
        }
        List<URI> feeds = new ArrayList<>();
        for (String feed : cells[5].strip().split("\\s+")) {
            feeds.add(feedUri(feed));
        }
        return new Source(id, outlet, country, language, kind, feeds, number);
    }

    private static URI feedUri(String text) {
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("feed must be an absolute http(s) URL, got '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("feed is not a URL: " + e.getMessage());
        }
    }
}
