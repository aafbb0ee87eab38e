package org.ronda.tagging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A test article under {@code src/test/resources/fixtures}: the first line is the headline, the
 * rest the body. File names start with the language code. Positive fixtures sit in a folder named
 * after the topic they must carry; negative ones start with the topic whose "does not cover"
 * column they exercise and must carry no topic at all.
 *
 * @param topic    the topic the fixture is about (positive) or tests the edge of (negative)
 * @param language the language code the file name starts with
 */
record Fixture(String name, String topic, String language, String title, String text) {

    static List<Fixture> positives() {
        Path root = root().resolve("positive");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .sorted()
                    .map(file -> read(file, file.getParent().getFileName().toString(),
                            file.getFileName().toString().split("-")[0]))
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
        return read(file, topic, language);
    }

    private static Fixture read(Path file, String topic, String language) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int newline = content.indexOf('\n');
            return new Fixture(file.getFileName().toString(), topic, language,
                    content.substring(0, newline).strip(), content.substring(newline + 1).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
