package org.ronda.tagging.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ronda.tagging.bench.DevSet;

/**
 * Lingua's first look at the opening {@value LanguageDetector#FIRST_LOOK_CHARS} characters gives the
 * decision that reading the whole sample gives, on every labelled dev-set article (real Lingua models).
 */
class FirstLookTest {

    private static final LanguageDetector FIRST_LOOK = new LanguageDetector();
    private static final LanguageDetector WHOLE_SAMPLE = new LanguageDetector(Integer.MAX_VALUE);

    @Test
    void firstLookDecidesAsTheWholeSampleOnTheDevSet() {
        List<String> differences = new ArrayList<>();
        int longerThanFirstLook = 0;
        for (DevSet.Article article : DevSet.load()) {
            Detection quick = FIRST_LOOK.detect(article.title(), article.text(), null);
            Detection whole = WHOLE_SAMPLE.detect(article.title(), article.text(), null);
            if (!quick.language().equals(whole.language()) || quick.basis() != whole.basis()) {
                differences.add(article.id() + ": " + quick + " vs " + whole);
            }
            if (article.title().length() + article.text().length() > LanguageDetector.FIRST_LOOK_CHARS) {
                longerThanFirstLook++;
            }
        }
        assertThat(differences).isEmpty();
        // Otherwise the comparison would prove nothing.
        assertThat(longerThanFirstLook).isGreaterThan(100);
    }
}
