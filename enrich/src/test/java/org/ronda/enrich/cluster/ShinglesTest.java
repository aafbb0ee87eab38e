package org.ronda.enrich.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ronda.sample.SampleArticle;
import org.ronda.sample.SampleCorpus;

/**
 * {@link Shingles} hashes text in place; these tests hold it to the straightforward definition it
 * replaced (split on {@code [^\p{L}\p{N}]+}, a string per shingle, a set of boxed hashes), kept below
 * as {@link Reference}, so story clusters stay what they were: on every sample article, whole and
 * title with lead, and on text that trips the corner cases.
 */
class ShinglesTest {

    @Test
    void sameShinglesAsTheReferenceOnEverySampleArticle() {
        List<String> texts = new ArrayList<>();
        for (SampleArticle a : SampleCorpus.load().articles()) {
            texts.add(a.title() + "\n" + String.join("\n\n", a.paragraphs()));
            texts.add(a.title() + "\n" + a.paragraphs().get(0));
        }
        for (String text : texts) {
            assertThat(Shingles.of(text)).as(text.substring(0, Math.min(60, text.length()))).containsExactly(Reference.of(text));
        }
    }

    @Test
    void sameShinglesAsTheReferenceOnCornerCases() {
        List<String> texts = List.of(
                "",
                "one two",
                "  Leading and trailing separators!  ",
                "Numbers count as words: 3 suspects, ² squared, Ⅻ twelve, ١٢٣ Arabic-Indic digits.",
                "NFD Vietnamese: Co\u0302ng an tin\u0309h Qua\u0309ng Ninh ba\u0306t giu\u031b\u0303 ba \u0111o\u0302\u0301i tu\u031bo\u031b\u0323ng",
                "Thai: ตำรวจไซเบอร์จับกุมแก๊งคอลเซ็นเตอร์ที่หลอกลวงผู้เสียหายกว่า 300 ราย",
                "Mostly Khmer: ប៉ូលិសបានចាប់ខ្លួនជនសង្ស័យបីនាក់ with a few English words",
                "Chinese: 柬埔寨警方在西哈努克港突击搜查一处诈骗园区",
                "Outside the Basic Plane: 𠀀𠀁𠀂𠀃𠀄𠀅 and 𝐛𝐨𝐥𝐝 letters 𝐢𝐧 a row",
                "Lone surrogate \uD800 between words and ÉCRIT EN MAJUSCULES, İstanbul");
        for (String text : texts) {
            assertThat(Shingles.of(text)).as(text).containsExactly(Reference.of(text));
        }
    }

    @Test
    void copiesShareTheirShinglesAndDuplicatesCountOnce() {
        long[] once = Shingles.of("police seize drugs at the border");
        long[] twice = Shingles.of("police seize drugs at the border police seize drugs at the border");

        assertThat(once).hasSize(4);
        // The second copy adds only the shingles that span the seam between the copies.
        assertThat(twice).hasSize(6).contains(once);
    }

    /** The definition before hashing in place, unchanged. */
    private static final class Reference {

        static long[] of(String text) {
            String folded = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            Set<Long> set = unspacedScriptShare(folded) > 0.3 ? characterShingles(folded) : wordShingles(folded);
            return set.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        private static Set<Long> wordShingles(String text) {
            String[] words = text.split("[^\\p{L}\\p{N}]+");
            Set<Long> out = new HashSet<>();
            StringBuilder shingle = new StringBuilder();
            int count = 0;
            String[] window = new String[3];
            for (String w : words) {
                if (w.isEmpty()) {
                    continue;
                }
                window[count % 3] = w;
                count++;
                if (count >= 3) {
                    shingle.setLength(0);
                    for (int i = count - 3; i < count; i++) {
                        shingle.append(window[i % 3]).append(' ');
                    }
                    out.add(Shingles.hash(shingle));
                }
            }
            return out;
        }

        private static Set<Long> characterShingles(String text) {
            StringBuilder letters = new StringBuilder();
            text.codePoints().filter(Character::isLetterOrDigit).forEach(letters::appendCodePoint);
            Set<Long> out = new HashSet<>();
            for (int i = 0; i + 5 <= letters.length(); i++) {
                out.add(Shingles.hash(letters.subSequence(i, i + 5)));
            }
            return out;
        }

        private static double unspacedScriptShare(String text) {
            int letters = 0;
            int unspaced = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (!Character.isLetter(cp)) {
                    continue;
                }
                letters++;
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                if (Arrays.asList(Character.UnicodeScript.THAI, Character.UnicodeScript.LAO, Character.UnicodeScript.KHMER,
                        Character.UnicodeScript.MYANMAR, Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
                        Character.UnicodeScript.KATAKANA).contains(script)) {
                    unspaced++;
                }
            }
            return letters == 0 ? 0 : (double) unspaced / letters;
        }
    }
}
