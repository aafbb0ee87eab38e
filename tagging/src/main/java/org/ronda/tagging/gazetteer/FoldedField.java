package org.ronda.tagging.gazetteer;

import org.ronda.tagging.text.TextFold;

/**
 * A field of an article (or a gazetteer name) in the form names are matched in: NFC, any run of
 * whitespace, hyphens or dashes as one space, curly apostrophes as {@code '}, invisible format
 * characters dropped. It is kept twice, in lower case for lookup and with its case for the names
 * that must match as written. Every character remembers the range of the original string it came
 * from, so a match is reported in original UTF-16 offsets. The folding itself is {@link TextFold}
 * (shared with the topic rules), with dashes as well as hyphens separating words; this adds the
 * "shouting headline" check.
 */
final class FoldedField {

    // A headline in capitals says nothing about which words are names: case-sensitive names are not
    // trusted in a field whose letters are at least this share upper case...
    private static final double SHOUTING_UPPER_SHARE = 0.8;
    // ...once it has enough letters for the share to mean something ("US" alone is not shouting).
    private static final int SHOUTING_MIN_LETTERS = 12;

    private final TextFold fold;
    private final int length;
    private final boolean shouting;

    private FoldedField(TextFold fold) {
        this.fold = fold;
        this.length = fold.length();
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < length; i++) {
            char c = fold.casedAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
                letters++;
            } else if (Character.isLowerCase(c)) {
                letters++;
            }
        }
        this.shouting = letters >= SHOUTING_MIN_LETTERS && upper >= SHOUTING_UPPER_SHARE * letters;
    }

    /** Folds {@code text}; null is treated as empty. */
    static FoldedField of(String text) {
        return new FoldedField(TextFold.of(text, TextFold.Dashes.HYPHENS_AND_DASHES));
    }

    int length() {
        return length;
    }

    /** The lower-case folded character at {@code index}. */
    char lowerAt(int index) {
        return fold.lowerAt(index);
    }

    /** The folded character at {@code index} with its original case. */
    char casedAt(int index) {
        return fold.casedAt(index);
    }

    /** Lower-case folded characters {@code [start, end)}. */
    String lowerSlice(int start, int end) {
        return fold.lowerSlice(start, end);
    }

    /** Folded characters {@code [start, end)} with their original case. */
    String casedSlice(int start, int end) {
        return fold.casedSlice(start, end);
    }

    /** Whether most letters of the field are capitals, as in a headline set in upper case. */
    boolean shouting() {
        return shouting;
    }

    /** Offset in the original string of the first character folded into {@code start}. */
    int originalStart(int start) {
        return fold.originalStart(start);
    }

    /** Offset in the original string just after the characters folded into {@code end - 1}. */
    int originalEnd(int end) {
        return fold.originalEnd(end);
    }

    /** The whole field as a string, lower case; surrounding spaces removed (for gazetteer names). */
    String lowerTrimmed() {
        return lowerSlice(0, length).strip();
    }

    /** The whole field as a string with its case; surrounding spaces removed (for gazetteer names). */
    String casedTrimmed() {
        return casedSlice(0, length).strip();
    }
}
