package org.ronda.tagging.text;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Text folded for matching, shared by the topic rules and the gazetteers: NFC, any run of
 * whitespace or hyphens (and, with {@link Dashes#HYPHENS_AND_DASHES}, dashes) as one space, curly
 * apostrophes as {@code '}, invisible format characters dropped. The folded characters are kept
 * twice, in lower case for lookup and with their case for names that must match as written, and
 * every folded character remembers the range of the original string it came from, so a match is
 * reported in original UTF-16 offsets.
 *
 * <p>Text that is already NFC (nearly all news text) is folded one code point at a time. Text that
 * is not (NFD Vietnamese from some CMSs) is normalised one cluster at a time (a base character and
 * the combining marks after it), so every folded character still maps to a range of the original;
 * a match that starts or ends inside a cluster is widened to the whole cluster. Compositions
 * across clusters (Hangul jamo) are not made, which does not matter for the languages covered.
 */
public final class TextFold {

    /** Which dash characters separate words like a space. */
    public enum Dashes {
        /** Only hyphen-minus, hyphen (U+2010) and non-breaking hyphen (U+2011). */
        HYPHENS,
        /** Hyphen-minus and U+2010 to U+2015: hyphens, figure dash, en and em dash, horizontal bar. */
        HYPHENS_AND_DASHES
    }

    private final char[] lower;
    private final char[] cased;
    private final int[] sourceStart;
    private final int[] sourceEnd;
    private final int length;

    private TextFold(Builder b) {
        this.lower = b.lower;
        this.cased = b.cased;
        this.sourceStart = b.starts;
        this.sourceEnd = b.ends;
        this.length = b.length;
    }

    /** Folds {@code text}; null is treated as empty. */
    public static TextFold of(String text, Dashes dashes) {
        String source = text == null ? "" : text;
        int n = source.length();
        Builder out = new Builder(n + 16, dashes);
        boolean nfc = Normalizer.isNormalized(source, Normalizer.Form.NFC);
        int i = 0;
        while (i < n) {
            int end = i + Character.charCount(source.codePointAt(i));
            if (nfc) {
                out.append(source.codePointAt(i), i, end);
            } else {
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
        return new TextFold(out);
    }

    public int length() {
        return length;
    }

    /** The lower-case folded characters; only the first {@link #length()} are meaningful. */
    public char[] lowerChars() {
        return lower;
    }

    /** The lower-case folded character at {@code index}. */
    public char lowerAt(int index) {
        return lower[index];
    }

    /** The folded character at {@code index} with its original case. */
    public char casedAt(int index) {
        return cased[index];
    }

    /** Lower-case folded characters {@code [start, end)}. */
    public String lowerSlice(int start, int end) {
        return new String(lower, start, end - start);
    }

    /** Folded characters {@code [start, end)} with their original case. */
    public String casedSlice(int start, int end) {
        return new String(cased, start, end - start);
    }

    /** Offset in the original string of the first character folded into {@code start}. */
    public int originalStart(int start) {
        return sourceStart[start];
    }

    /** Offset in the original string just after the characters folded into {@code end - 1}. */
    public int originalEnd(int end) {
        return sourceEnd[end - 1];
    }

    private static boolean isSeparator(int cp, Dashes dashes) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '-') {
            return true;
        }
        return dashes == Dashes.HYPHENS
                ? cp == 0x2010 || cp == 0x2011
                : cp >= 0x2010 && cp <= 0x2015;
    }

    private static boolean isInvisible(int cp) {
        // zero-width space (a word break in Thai and Khmer web text), soft hyphen, word joiner, BOM
        return cp == 0x200B || cp == 0x00AD || cp == 0x2060 || cp == 0xFEFF;
    }

    private static int foldApostrophe(int cp) {
        return cp == 0x2019 || cp == 0x2018 || cp == 0x02BC ? '\'' : cp;
    }

    private static final class Builder {
        private final Dashes dashes;
        private char[] lower;
        private char[] cased;
        private int[] starts;
        private int[] ends;
        private int length;

        Builder(int capacity, Dashes dashes) {
            this.dashes = dashes;
            lower = new char[capacity];
            cased = new char[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
        }

        void append(int codePoint, int sourceStart, int sourceEnd) {
            if (isInvisible(codePoint)) {
                return;
            }
            if (isSeparator(codePoint, dashes)) {
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
                // keeps the two arrays aligned; Unicode has no such pair (lower-casing never
                // crosses between the BMP and the supplementary planes)
                lowerCp = cp;
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
