package org.ronda.tagging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ronda.contracts.Taxonomy;

/** Writes small rule sets into a temporary folder, so engine tests do not depend on the bundled vocabulary. */
final class RuleFiles {

    private final Path dir;

    private RuleFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * A rule set in {@code dir} with VERSION {@code test-1}, the given languages, title factor 2,
     * anchor weight 3 and, for every topic, threshold {@code threshold} and min-terms 1.
     */
    static RuleFiles in(Path dir, double threshold, String... languages) {
        return in(dir, threshold, 1, languages);
    }

    /** As {@link #in(Path, double, String...)} with {@code minTerms} for every topic. */
    static RuleFiles in(Path dir, double threshold, int minTerms, String... languages) {
        RuleFiles files = new RuleFiles(dir);
        files.write("VERSION", "test-1\n");
        StringBuilder settings = new StringBuilder("languages " + String.join(" ", languages) + "\n");
        settings.append("title-factor 2\nrepeat-decay 0.5\nrepeat-cap 3\nanchor-weight 3\n");
        for (String topic : Taxonomy.TOPIC_IDS) {
            settings.append("topic ").append(topic).append(" threshold ").append(threshold).append(" min-terms ").append(minTerms).append('\n');
        }
        files.write("topics.rules", settings.toString());
        return files;
    }

    /** Writes {@code <language>.rules} with a {@code lang} line followed by {@code body}. */
    RuleFiles language(String language, String body) {
        write(language + ".rules", "lang " + language + "\n" + body);
        return this;
    }

    RuleFiles write(String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    RuleSet load() {
        return RuleSet.load(dir);
    }

    TopicTagger tagger() {
        return new TopicTagger(load());
    }
}
