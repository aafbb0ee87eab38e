package org.ronda.ingest.extract;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The language that a text's writing system gives away, for pages whose declared language is a
 * theme's default ({@code lang="en-US"} on a Thai WordPress site is common). Only scripts that
 * belong to one of the region's languages tell one; Latin script tells none.
 */
final class WritingSystem {

    private static final Map<Character.UnicodeScript, String> LANGUAGE_OF_SCRIPT = new EnumMap<>(Map.of(
            Character.UnicodeScript.THAI, "th",
            Character.UnicodeScript.KHMER, "km",
            Character.UnicodeScript.MYANMAR, "my",
            Character.UnicodeScript.LAO, "lo",
            Character.UnicodeScript.HAN, "zh"));

    /** Languages written in Latin script, whose declaration a text in another script contradicts. */
    private static final Set<String> LATIN_SCRIPT_LANGUAGES = Set.of("en", "ms", "id", "vi", "tl", "fil", "fr", "es", "pt", "de", "nl");

    /** Share of a text's letters that must be in one script for that script to speak for the text. */
    private static final double DOMINANT_SHARE = 0.6;
    /** Letters read; enough to tell, and bounded so that long texts cost no more. */
    private static final int SAMPLE_LETTERS = 2_000;

    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();
    private static final int LATIN = Character.UnicodeScript.LATIN.ordinal();

    private WritingSystem() {
    }

    /**
     * The language to report: {@code declared}, unless the text is written in the script of another
     * language of the region and the declaration is a Latin-script language or absent.
     */
    static Optional<String> language(Optional<String> declared, String text) {
        if (declared.isPresent() && !LATIN_SCRIPT_LANGUAGES.contains(declared.get())) {
            return declared;
        }
        Optional<String> byScript = dominantLanguage(text);
        return byScript.isPresent() ? byScript : declared;
    }

    /** The language of the script that most of {@code text}'s letters are in, if that script tells one. */
    static Optional<String> dominantLanguage(String text) {
        // Counts per script in an array (the script lookup is a binary search, so ASCII letters, all Latin, skip it).
        int[] counts = new int[SCRIPTS.length];
        int letters = 0;
        for (int i = 0; i < text.length() && letters < SAMPLE_LETTERS; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
                    letters++;
                    counts[LATIN]++;
                }
            } else if (Character.isLetter(cp)) {
                letters++;
                counts[Character.UnicodeScript.of(cp).ordinal()]++;
            }
        }
        if (letters == 0) {
            return Optional.empty();
        }
        for (int script = 0; script < counts.length; script++) {
            if (counts[script] > 0 && counts[script] >= DOMINANT_SHARE * letters) {
                return Optional.ofNullable(LANGUAGE_OF_SCRIPT.get(SCRIPTS[script]));
            }
        }
        return Optional.empty();
    }
}
