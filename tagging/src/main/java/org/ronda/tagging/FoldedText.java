package org.ronda.tagging;

/**
 * A field of an article in the form the matcher reads: NFC, lower case, any run of whitespace or
 * hyphens as one space, invisible format characters dropped. Every folded character remembers the
 * range of the original string it came from, so matches are reported in original offsets.
 */
final class FoldedText {

    private final char[] chars;
    private final int length;
    private final int[] sourceStart;
    private final int[] sourceEnd;
    private int[] wordPositions;

    FoldedText(char[] chars, int length, int[] sourceStart, int[] sourceEnd) {
        this.chars = chars;
        this.length = length;
        this.sourceStart = sourceStart;
        this.sourceEnd = sourceEnd;
    }

    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    /** The folded characters {@code [start, end)} as a string. */
    String slice(int start, int end) {
        return new String(chars, start, end - start);
    }

    /** Offset in the original string of the first character that folded into {@code start}. */
    int originalStart(int start) {
        return sourceStart[start];
    }

    /** Offset in the original string just after the characters that folded into {@code end - 1}. */
    int originalEnd(int end) {
        return sourceEnd[end - 1];
    }

    /**
     * The word position of each folded character, for co-occurrence windows. A word is a run of
     * word characters of a space-delimited script; in scripts written without spaces every
     * {@value Scripts#CHARS_PER_UNSPACED_WORD} characters count as one word, because a Thai or Khmer
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
            if (Scripts.isSpacedWordChar(c)) {
                if (!inSpacedWord) {
                    word++;
                    inSpacedWord = true;
                }
                unspacedRun = 0;
            } else if (Scripts.isUnspacedScript(c)) {
                if (unspacedRun % Scripts.CHARS_PER_UNSPACED_WORD == 0) {
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
