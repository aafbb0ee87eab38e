package org.ronda.ingest.source;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the source list (format: {@code docs/sources-format.md}): UTF-8, one source per line,
 * tab-separated
 * {@code id outlet country language kind feeds [languages [sitemaps [homepage]]]}. The first six
 * columns are required; the last three are optional and may be left out, left empty or written
 * {@code -}. URL columns hold URLs separated by spaces. Blank lines and lines starting with
 * {@code #} are ignored.
 *
 * <p>A bad line is reported with its number and skipped: one typo must not take every other
 * outlet offline. Nothing here touches the network; addresses are checked for form only.
 */
public final class SourceListReader {

    /** The columns, in order; the first {@link #REQUIRED_COLUMNS} must be present. */
    public static final List<String> COLUMNS =
            List.of("id", "outlet", "country", "language", "kind", "feeds", "languages", "sitemaps", "homepage");

    static final int REQUIRED_COLUMNS = 6;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
    private static final String NONE = "-";

    /** What was read: the valid sources and one message per rejected line. */
    public record Result(List<Source> sources, List<String> problems) {

        public Result {
            sources = List.copyOf(sources);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads {@code file}; an unreadable file is an {@link IOException}, a bad line is a problem in the
     * result. Bytes that are not UTF-8 make their line a problem instead of failing the whole file.
     */
    public Result read(Path file) throws IOException {
        return parse(decode(Files.readAllBytes(file)).lines().toList(), file.toString());
    }

    /** Parses the lines of a source list named {@code name} in messages. */
    public Result parse(List<String> lines, String name) {
        List<Source> sources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<URI, String> addressOwners = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            try {
                Source source = parseLine(line, number);
                if (!ids.add(source.id())) {
                    throw new IllegalArgumentException("duplicate source id " + source.id());
                }
                claimAddresses(source, addressOwners);
                sources.add(source);
            } catch (IllegalArgumentException e) {
                problems.add(name + ":" + number + ": " + e.getMessage() + " (line skipped)");
            }
        }
        return new Result(sources, problems);
    }

    private static Source parseLine(String line, int number) {
        if (line.indexOf('\uFFFD') >= 0) {
            throw new IllegalArgumentException("line is not valid UTF-8");
        }
        List<String> cells = cells(line);
        if (cells.size() < REQUIRED_COLUMNS || cells.size() > COLUMNS.size()) {
            throw new IllegalArgumentException("expected 6 to 9 tab-separated fields (" + String.join(" ", COLUMNS)
                    + "), got " + cells.size());
        }
        String id = cells.get(0);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lowercase letters, digits and dashes, got '" + id + "'");
        }
        String outlet = cells.get(1);
        if (outlet.isEmpty()) {
            throw new IllegalArgumentException("outlet name is empty");
        }
        String country = cells.get(2);
        if (!COUNTRIES.contains(country)) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as MY, got '" + country + "'");
        }
        String language = language(cells.get(3), "language");
        String kind = cells.get(4);
        if (!kind.equals("media") && !kind.equals("official")) {
            throw new IllegalArgumentException("kind must be media or official, got '" + kind + "'");
        }
        List<URI> feeds = urls(cell(cells, 5), "feed");
        List<String> languages = new ArrayList<>();
        for (String tag : words(cell(cells, 6))) {
            languages.add(language(tag, "languages"));
        }
        List<URI> sitemaps = urls(cell(cells, 7), "sitemap");
        List<URI> homepages = urls(cell(cells, 8), "homepage");
        if (homepages.size() > 1) {
            throw new IllegalArgumentException("homepage must be one URL, got " + homepages.size());
        }
        if (feeds.isEmpty() && sitemaps.isEmpty() && homepages.isEmpty()) {
            throw new IllegalArgumentException("no feed, sitemap or homepage: give at least one address");
        }
        return new Source(id, outlet, country, language, kind, feeds, languages, sitemaps,
                homepages.isEmpty() ? null : homepages.get(0), number);
    }

    /** The cells of a line, stripped, without the empty cells an editor leaves after the last column. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split("\t", -1)) {
            cells.add(cell.strip());
        }
        while (cells.size() > REQUIRED_COLUMNS && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    private static List<String> words(String cell) {
        if (cell.isEmpty() || cell.equals(NONE)) {
            return List.of();
        }
        return List.of(cell.split("\\s+"));
    }

    private static String language(String tag, String column) {
        if (!LANGUAGE.matcher(tag).matches()) {
            throw new IllegalArgumentException(column + " must hold BCP 47 tags such as ms or zh-Hant, got '" + tag + "'");
        }
        return tag;
    }

    private static List<URI> urls(String cell, String column) {
        List<URI> urls = new ArrayList<>();
        for (String word : words(cell)) {
            URI url = url(word, column);
            if (urls.contains(url)) {
                throw new IllegalArgumentException(column + " " + url + " is listed twice");
            }
            urls.add(url);
        }
        return urls;
    }

    private static URI url(String text, String column) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(column + " is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(column + " must be an absolute http(s) URL, got '" + text + "'");
        }
        if (uri.getRawUserInfo() != null) {
            // A password in a file that is copied around and logged is a leak waiting to happen.
            throw new IllegalArgumentException(column + " must not carry a user name or password, got a URL with one for host "
                    + uri.getHost());
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException(column + " must not have a #fragment, got '" + text + "'");
        }
        return uri;
    }

    /** One address belongs to one source: two sources polling the same feed would publish every item twice. */
    private static void claimAddresses(Source source, Map<URI, String> owners) {
        List<URI> addresses = new ArrayList<>(source.feeds());
        addresses.addAll(source.sitemaps());
        for (URI address : addresses) {
            String owner = owners.get(address);
            if (owner != null) {
                throw new IllegalArgumentException(address + " is already listed by source " + owner);
            }
        }
        addresses.forEach(a -> owners.put(a, source.id()));
    }

    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }
}
