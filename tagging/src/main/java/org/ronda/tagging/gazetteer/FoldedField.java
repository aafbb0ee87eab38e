package org.ronda.tagging.gazetteer;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A field of an article (or a gazetteer name) in the form names are matched in: NFC, any run of
 * whitespace, hyphens or dashes as one space, curly apostrophes as {@code '}, invisible format
 * characters dropped. It is kept twice, in lower case for lookup and with its case for the names
 * that must match as written. Every character remembers the range of the original string it came
 * from, so a match is reported in original UTF-16 offsets.
 */
final class FoldedField {

    // A headline in capitals says nothing about which words are names: case-sensitive names are not
    // trusted in a field whose letters are at least this share upper case...
    private static final double SHOUTING_UPPER_SHARE = 0.8;
    // ...once it has enough letters for the share to mean something ("US" alone is not shouting).
    private static final int SHOUTING_MIN_LETTERS = 12;

    private final char[] lower;
    private final char[] cased;
    private final int[] sourceStart;
    private final int[] sourceEnd;
    private final int length;
    private final boolean shouting;

    private FoldedField(Builder b) {
        this.lower = b.lower;
        this.cased = b.cased;
        this.sourceStart = b.starts;
        this.sourceEnd = b.ends;
        this.length = b.length;
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < length; i++) {
            if (Character.isUpperCase(cased[i])) {
                upper++;
                letters++;
            } else if (Character.isLowerCase(cased[i])) {
                letters++;
            }
        }
        this.shouting = letters >= SHOUTING_MIN_LETTERS && upper >= SHOUTING_UPPER_SHARE * letters;
    }

    /** Folds {@code text}; null is treated as empty. */
    static FoldedField of(String text) {
        String source = text == null ? "" : text;
        int n = source.length();
        Builder out = new Builder(n + 8);
        boolean nfc = Normalizer.isNormalized(source, Normalizer.Form.NFC);
        int i = 0;
        while (i < n) {
            int end = i + Character.charCount(source.codePointAt(i));
            if (nfc) {
                out.append(source.codePointAt(i), i, end);
            } else {
                // Decomposed text (NFD Vietnamese from some CMSs): normalise one base character with
                // its marks at a time, so each folded character still maps to a range of the source.
                while (end < n && WordChars.isMark(source.codePointAt(end))) {
                    end += Character.charCount(source.codePointAt(end));
                }
                String cluster = Normalizer.normalize(source.substring(i, end), Normalizer.Form.NFC);
                for (int k = 0; k < cluster.length(); ) {
                    int cp = cluster.codePointAt(k);
                    out.append(cp, i, end);
                    k += Character.charCount(cp);
                }
            }
            i = end;
        }
        return new FoldedField(out);
    }

    int length() {
        return length;
    }

    /** The lower-case folded character at {@code index}. */
    char lowerAt(int index) {
        return lower[index];
    }

    /** The folded character at {@code index} with its original case. */
    char casedAt(int index) {
        return cased[index];
    }

    /** Lower-case folded characters {@code [start, end)}. */
    String lowerSlice(int start, int end) {
        return new String(lower, start, end - start);
    }

    /** Folded characters {@code [start, end)} with their original case. */
    String casedSlice(int start, int end) {
        return new String(cased, start, end - start);
    }

    /** Whether most letters of the field are capitals, as in a headline set in upper case. */
    boolean shouting() {
        return shouting;
    }

    /** Offset in the original string of the first character folded into {@code start}. */
    int originalStart(int start) {
        return sourceStart[start];
    }

    /** Offset in the original string just after the characters folded into {@code end - 1}. */
    int originalEnd(int end) {
        return sourceEnd[end - 1];
    }

    /** The whole field as a string, lower case; surrounding spaces removed (for gazetteer names). */
    String lowerTrimmed() {
        return lowerSlice(0, length).strip();
    }

    /** The whole field as a string with its case; surrounding spaces removed (for gazetteer names). */
    String casedTrimmed() {
        return casedSlice(0, length).strip();
    }

    private static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp)
                || Character.isSpaceChar(cp)
                || cp == '-'
                || (cp >= 0x2010 && cp <= 0x2015); // hyphen, non-breaking hyphen, figure dash, en and em dash, bar
    }

    private static boolean isInvisible(int cp) {
        // zero-width space (a word break in Thai and Khmer web text), soft hyphen, word joiner, BOM
        return cp == 0x200B || cp == 0x00AD || cp == 0x2060 || cp == 0xFEFF;
    }

    private static int foldApostrophe(int cp) {
        return cp == 0x2019 || cp == 0x2018 || cp == 0x02BC ? '\'' : cp;
    }

    private static final class Builder {
        private char[] lower;
        private char[] cased;
        private int[] starts;
        private int[] ends;
        private int length;

        Builder(int capacity) {
            lower = new char[capacity];
            cased = new char[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
        }

        void append(int codePoint, int sourceStart, int sourceEnd) {
            if (isInvisible(codePoint)) {
                return;
            }
            if (isSeparator(codePoint)) {
                if (length > 0 && lower[length - 1] == ' ') {
                    ends[length - 1] = sourceEnd;
                } else {
                    put(' ', ' ', sourceStart, sourceEnd);
                }
                return;
            }
            int cp = foldApostrophe(codePoint);
            int lowerCp = Character.toLowerCase(cp);
            if (Character.charCount(lowerCp) != Character.charCount(cp)) {
                lowerCp = cp; // keeps the two arrays aligned; no script in the gazetteers has such a pair
            }
            if (Character.isBmpCodePoint(cp)) {
                put((char) lowerCp, (char) cp, sourceStart, sourceEnd);
            } else {
                put(Character.highSurrogate(lowerCp), Character.highSurrogate(cp), sourceStart, sourceEnd);
                put(Character.lowSurrogate(lowerCp), Character.lowSurrogate(cp), sourceStart, sourceEnd);
            }
        }

        private void put(char lowerChar, char casedChar, int sourceStart, int sourceEnd) {
            if (length == lower.length) {
                int capacity = Math.max(16, lower.length * 2);
                lower = Arrays.copyOf(lower, capacity);
                cased = Arrays.copyOf(cased, capacity);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
            }
            lower[length] = lowerChar;
            cased[length] = casedChar;
            starts[length] = sourceStart;
            ends[length] = sourceEnd;
            length++;
        }
    }
}
