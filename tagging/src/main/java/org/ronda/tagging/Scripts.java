package org.ronda.tagging;

/**
 * Character classes the matcher needs: which characters make up words of space-delimited scripts
 * (where a term must start and end at a word boundary), and which scripts are written without
 * spaces between words (where terms match as plain substrings).
 */
final class Scripts {

    /** Approximate length of a word in Thai, Lao, Khmer and Burmese, used for co-occurrence windows. */
    static final int CHARS_PER_UNSPACED_WORD = 4;

    private Scripts() {
    }

    /**
     * Whether {@code c} belongs to a word of a space-delimited script: a letter, digit or
     * combining mark that is not in a script written without spaces. A Latin letter next to a Thai
     * letter is therefore a word boundary, as it is in Thai text that embeds English words.
     */
    static boolean isSpacedWordChar(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
        return isWordLike(c) && !isUnspacedScript(c);
    }

    /** Whether {@code c} is in a script whose words are written without spaces between them. */
    static boolean isUnspacedScript(int c) {
        if (c < 0x0E00) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return switch (script) {
            case THAI, LAO, KHMER, MYANMAR, TIBETAN, HAN, HIRAGANA, KATAKANA -> true;
            default -> false;
        };
    }

    private static boolean isWordLike(int c) {
        return Character.isLetterOrDigit(c) || isMark(c);
    }

    /** Whether {@code c} is a combining mark, which belongs to the character before it. */
    static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
