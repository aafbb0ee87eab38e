package org.ronda.tagging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A test article under {@code src/test/resources/fixtures}: the first line is the headline, the
 * rest the body. Positive fixtures sit in a folder named after their topic, and their file names
 * start with the language code; they must carry exactly that topic, or exactly the topics of an
 * optional first line {@code topics: a, b} (for articles about two crimes at once). Negative
 * fixtures are named {@code <topic>-<language>-<what>.txt} after the topic whose "does not cover"
 * column they exercise, and must carry no topic at all.
 *
 * @param topic    the topic the fixture is about (positive) or tests the edge of (negative)
 * @param language the language code of the file name
 * @param expected the exact topics the article must carry
 */
record Fixture(String name, String topic, String language, Set<String> expected, String title, String text) {

    private static final String TOPICS_HEADER = "topics:";

    static List<Fixture> positives() {
        Path root = root().resolve("positive");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .sorted()
                    .map(file -> read(file, file.getParent().getFileName().toString(),
                            file.getFileName().toString().split("-")[0], true))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Fixture> negatives() {
        Path root = root().resolve("negative");
        try (Stream<Path> files = Files.list(root)) {
            return files.sorted().map(Fixture::negative).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Fixture negative(Path file) {
        String name = file.getFileName().toString();
        String topic = org.ronda.contracts.Taxonomy.TOPIC_IDS.stream()
                .filter(id -> name.startsWith(id + "-"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " does not start with a topic id"));
        String language = name.substring(topic.length() + 1).split("-")[0];
        return read(file, topic, language, false);
    }

    private static Fixture read(Path file, String topic, String language, boolean positive) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> expected = positive ? Set.of(topic) : Set.of();
        if (content.startsWith(TOPICS_HEADER)) {
            int newline = content.indexOf('\n');
            expected = Arrays.stream(content.substring(TOPICS_HEADER.length(), newline).split(","))
                    .map(String::strip)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!positive || !expected.contains(topic)) {
                throw new IllegalStateException(file + ": a topics line belongs to positive fixtures and must list " + topic);
            }
            content = content.substring(newline + 1);
        }
        int newline = content.indexOf('\n');
        return new Fixture(file.getFileName().toString(), topic, language, expected,
                content.substring(0, newline).strip(), content.substring(newline + 1).strip());
    }

    private static Path root() {
        URL url = Fixture.class.getResource("/fixtures");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
