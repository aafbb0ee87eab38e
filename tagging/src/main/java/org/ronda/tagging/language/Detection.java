package org.ronda.tagging.language;

import java.util.Objects;

/**
 * The language of an article.
 *
 * @param language   BCP 47 primary language subtag: one of {@link LanguageDetector#LANGUAGES}, or
 *                   {@code und} when none fits
 * @param confidence 0 to 1; an ordinal score for thresholds and tests, not a calibrated probability
 *                   (how each basis computes it: {@link LanguageDetector})
 * @param basis      what decided
 */
public record Detection(String language, double confidence, Basis basis) {

    /** The language subtag for "undetermined". */
    public static final String UNDETERMINED = "und";

    /** What decided the language. */
    public enum Basis {
        /** The writing system: Thai, Lao, Khmer, Burmese or Chinese letters, or a script of no region language. */
        SCRIPT,
        /** Lingua's n-gram models, restricted to the region's Latin-script languages. */
        MODEL,
        /** Words spelt differently in Malay and Indonesian (kerana/karena, wang/uang), between those two. */
        MARKER_WORDS,
        /** The declared language: the text was too short, or it broke a near-tie. */
        HINT,
        /** Nothing to go on: no letters and no usable hint. */
        NONE
    }

    public Detection {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(basis, "basis");
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
        }
    }

    static Detection undetermined() {
        return new Detection(UNDETERMINED, 0, Basis.NONE);
    }

    /** Whether a language was found. */
    public boolean determined() {
        return !UNDETERMINED.equals(language);
    }
}
