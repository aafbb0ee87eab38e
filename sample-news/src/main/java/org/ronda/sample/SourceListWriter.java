package org.ronda.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;

/**
 * Writes the source list that ingest reads: UTF-8, tab-separated, one outlet per line with
 * {@code id, outlet, country, language, kind, feeds}, where {@code kind} is {@code media} and
 * {@code feeds} holds the feed URLs separated by single spaces. Lines starting with {@code #}
 * and blank lines are comments; the first line is a comment naming the columns.
 */
public final class SourceListWriter {

    /** The first line of every source list. */
    public static final String HEADER = "# id\toutlet\tcountry\tlanguage\tkind\tfeeds";

    private SourceListWriter() {
    }

    /**
     * The source list text, one line per outlet in the given order, each line ending in {@code \n}.
     *
     * @param feedUrls the feed URLs of an outlet; at least one
     * @throws IllegalArgumentException if a field holds a tab or line break, or a URL holds a space
     */
    public static String render(List<Outlet> outlets, Function<Outlet, List<String>> feedUrls) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Outlet outlet : outlets) {
            List<String> feeds = feedUrls.apply(outlet);
            if (feeds.isEmpty()) {
                throw new IllegalArgumentException("outlet '" + outlet.id() + "' has no feed URL");
            }
            for (String feed : feeds) {
                if (feed.isEmpty() || feed.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("outlet '" + outlet.id() + "': feed URL must be non-empty "
                            + "and hold no whitespace, got '" + feed + "'");
                }
            }
            out.append(field(outlet, outlet.id())).append('\t')
                    .append(field(outlet, outlet.name())).append('\t')
                    .append(field(outlet, outlet.country())).append('\t')
                    .append(field(outlet, outlet.language())).append('\t')
                    .append("media").append('\t')
                    .append(String.join(" ", feeds)).append('\n');
        }
        return out.toString();
    }

    /**
     * Writes {@link #render} to {@code file}, creating its folder. The file is replaced in one
     * move, so a reader never sees half a list.
     */
    public static void write(Path file, List<Outlet> outlets, Function<Outlet, List<String>> feedUrls)
            throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, render(outlets, feedUrls), StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String field(Outlet outlet, String value) {
        if (value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("outlet '" + outlet.id() + "': '" + value
                    + "' holds a tab or line break, which would break the source list");
        }
        return value;
    }
}
