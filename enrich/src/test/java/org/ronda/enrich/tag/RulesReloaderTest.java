package org.ronda.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronda.enrich.cluster.StoryClusterer;
import org.ronda.tagging.RuleSet;
import org.ronda.tagging.TopicTagger;
import org.ronda.tagging.language.LanguageDetector;
import org.ronda.tagging.organisation.OrganisationTagger;
import org.ronda.tagging.place.CountryTagger;

/** Pure logic: a changed rules folder is put in use, a broken one is refused and the last good rules stay. */
class RulesReloaderTest {

    @TempDir
    Path dir;

    @Test
    void newRulesAreUsedAndABrokenChangeKeepsTheLastGoodOnes() throws IOException {
        List<String> files = copyBundledRules();
        ArticleEnricher enricher = new ArticleEnricher(new TopicTagger(RuleSet.load(dir)), new LanguageDetector(),
                CountryTagger.loadDefault(), OrganisationTagger.loadDefault(), new StoryClusterer(Duration.ofHours(1), 0.5),
                Clock.systemUTC());
        RulesReloader reloader = new RulesReloader(enricher, Optional.of(dir));
        String bundled = enricher.rulesVersion();

        assertThat(reloader.check()).as("nothing changed").isFalse();

        write("VERSION", "topics-test.1\n");
        assertThat(reloader.check()).isTrue();
        assertThat(enricher.rulesVersion()).isEqualTo("topics-test.1");
        assertThat(reloader.lastError()).isEmpty();

        write("VERSION", "topics-test.2\n");
        write(files.get(files.size() - 1), "this is not a rule line\n");
        assertThat(reloader.check()).isFalse();
        assertThat(enricher.rulesVersion()).as("last good rules kept").isEqualTo("topics-test.1").isNotEqualTo(bundled);
        assertThat(reloader.lastError()).get().asString().contains(files.get(files.size() - 1)).contains("line 1");
    }

    private List<String> copyBundledRules() throws IOException {
        List<String> names = new ArrayList<>(List.of("VERSION", "topics.rules"));
        RuleSet.loadDefault().languages().forEach(l -> names.add(l + ".rules"));
        for (String name : names) {
            try (InputStream in = RuleSet.class.getResourceAsStream("/rules/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        return names;
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        // Move the clock of the file on, so that the change shows on file systems with coarse timestamps.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(tick++)));
    }

    private int tick = 1;
}
