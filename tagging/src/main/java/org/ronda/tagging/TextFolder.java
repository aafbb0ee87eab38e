package org.ronda.tagging;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Folds text for matching (see {@link FoldedText}). Rule terms and article fields go through the
 * same folding, so "Money-Laundering", "money laundering" and "money\nlaundering" all meet.
 *
 * <p>Text that is already NFC (nearly all news text) is folded one code point at a time. Text that
 * is not is normalised one cluster at a time (a base character and the combining marks after it),
 * so every folded character still maps to a range of the original; a match that starts or ends
 * inside a cluster is widened to the whole cluster. Compositions across clusters (Hangul jamo)
 * are not made, which does not matter for the languages the rules cover.
 */
final class TextFolder {

    private TextFolder() {
    }

    /** Folds {@code text} (null is treated as empty). */
    static FoldedText fold(String text) {
        String source = text == null ? "" : text;
        int n = source.length();
        Builder out = new Builder(n + 16);
        if (Normalizer.isNormalized(source, Normalizer.Form.NFC)) {
            int i = 0;
            while (i < n) {
                int cp = source.codePointAt(i);
                int next = i + Character.charCount(cp);
                out.append(cp, i, next);
                i = next;
            }
        } else {
            int i = 0;
            while (i < n) {
                int end = i + Character.charCount(source.codePointAt(i));
                while (end < n && Scripts.isMark(source.codePointAt(end))) {
                    end += Character.charCount(source.codePointAt(end));
                }
                String cluster = Normalizer.normalize(source.substring(i, end), Normalizer.Form.NFC);
                for (int k = 0; k < cluster.length(); ) {
                    int cp = cluster.codePointAt(k);
                    out.append(cp, i, end);
                    k += Character.charCount(cp);
                }
                i = end;
            }
        }
        return out.build();
    }

    /** Folds a rule term: the same folding, then surrounding spaces removed. */
    static String foldTerm(String term) {
        FoldedText folded = fold(term);
        return folded.slice(0, folded.length()).strip();
    }

    private static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp)
                || Character.isSpaceChar(cp)
                || cp == '-' || cp == 0x2010 || cp == 0x2011;
    }

    private static boolean isInvisible(int cp) {
        // zero-width space (used as a word break in Thai and Khmer web text), soft hyphen,
        // word joiner, byte order mark
        return cp == 0x200B || cp == 0x00AD || cp == 0x2060 || cp == 0xFEFF;
    }

    private static int foldCodePoint(int cp) {
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
            return '\'';
        }
        return Character.toLowerCase(cp);
    }

    private static final class Builder {
        private char[] chars;
        private int[] starts;
        private int[] ends;
        private int length;

        Builder(int capacity) {
            this.chars = new char[capacity];
            this.starts = new int[capacity];
            this.ends = new int[capacity];
        }

        void append(int cp, int sourceStart, int sourceEnd) {
            if (isInvisible(cp)) {
                return;
            }
            if (isSeparator(cp)) {
                if (length > 0 && chars[length - 1] == ' ') {
                    ends[length - 1] = sourceEnd;
                    return;
                }
                put(' ', sourceStart, sourceEnd);
                return;
            }
            int folded = foldCodePoint(cp);
            if (Character.isBmpCodePoint(folded)) {
                put((char) folded, sourceStart, sourceEnd);
            } else {
                put(Character.highSurrogate(folded), sourceStart, sourceEnd);
                put(Character.lowSurrogate(folded), sourceStart, sourceEnd);
            }
        }

        private void put(char c, int sourceStart, int sourceEnd) {
            if (length == chars.length) {
                int capacity = chars.length * 2;
                chars = Arrays.copyOf(chars, capacity);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
            }
            chars[length] = c;
            starts[length] = sourceStart;
            ends[length] = sourceEnd;
            length++;
        }

        FoldedText build() {
            return new FoldedText(chars, length, starts, ends);
        }
    }
}
