package org.ronda.tagging;

import org.ronda.tagging.text.TextFold;
import org.ronda.tagging.text.WordChars;

/**
 * A field of an article in the form the matcher reads: NFC, lower case, any run of whitespace or
 * hyphens as one space, invisible format characters dropped. Every folded character remembers the
 * range of the original string it came from, so matches are reported in original offsets. The
 * folding itself is {@link TextFold}, shared with the gazetteers.
 */
final class FoldedText {

    /** Approximate length of a word in Thai, Lao, Khmer and Burmese, used for co-occurrence windows. */
    static final int CHARS_PER_UNSPACED_WORD = 4;

    private final TextFold fold;
    private final char[] chars;
    private final int length;
    private int[] wordPositions;

    FoldedText(TextFold fold) {
        this.fold = fold;
        this.chars = fold.lowerChars();
        this.length = fold.length();
    }

    /** The folded (lower-case) characters; only the first {@link #length()} are meaningful. */
    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    /** The folded characters {@code [start, end)} as a string. */
    String slice(int start, int end) {
        return fold.lowerSlice(start, end);
    }

    /** Offset in the original string of the first character that folded into {@code start}. */
    int originalStart(int start) {
        return fold.originalStart(start);
    }

    /** Offset in the original string just after the characters that folded into {@code end - 1}. */
    int originalEnd(int end) {
        return fold.originalEnd(end);
    }

    /**
     * The word position of each folded character, for co-occurrence windows. A word is a run of
     * word characters of a space-delimited script; in scripts written without spaces every
     * {@value #CHARS_PER_UNSPACED_WORD} characters count as one word, because a Thai or Khmer
     * word is about that long and there is no cheap way to find the real breaks.
     */
    int wordPosition(int index) {
        if (wordPositions == null) {
            wordPositions = computeWordPositions();
        }
        return wordPositions[index];
    }

    private int[] computeWordPositions() {
        int[] positions = new int[length];
        int word = 0;
        boolean inSpacedWord = false;
        int unspacedRun = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (WordChars.isSpacedWordChar(c)) {
                if (!inSpacedWord) {
                    word++;
                    inSpacedWord = true;
                }
                unspacedRun = 0;
            } else if (WordChars.isUnspacedScript(c)) {
                if (unspacedRun % CHARS_PER_UNSPACED_WORD == 0) {
                    word++;
                }
                unspacedRun++;
                inSpacedWord = false;
            } else {
                inSpacedWord = false;
                unspacedRun = 0;
            }
            positions[i] = word;
        }
        return positions;
    }
}
