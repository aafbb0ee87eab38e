package org.ronda.tagging.text;

/**
 * Which characters form words for whole-word matching. Latin, Vietnamese and other scripts that
 * put spaces between words need a boundary at each end of a term or name; Thai, Lao, Khmer,
 * Burmese, Tibetan, Chinese and Japanese do not separate words, so terms in those scripts match
 * anywhere.
 */
public final class WordChars {

    private WordChars() {
    }

    /**
     * Whether {@code c} belongs to a word of a space-delimited script: a letter, digit or combining
     * mark that is not in a script written without spaces. A Latin letter next to a Thai letter is
     * therefore a word boundary, as it is in Thai text that embeds English words. A lone surrogate
     * is not a word character.
     */
    public static boolean isSpacedWordChar(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return (Character.isLetterOrDigit(c) || isMark(c)) && !isUnspacedScript(c);
    }

    /** Whether {@code c} belongs to a script written without spaces between words. */
    public static boolean isUnspacedScript(int c) {
        if (c < 0x0E00 || (c <= Character.MAX_VALUE && Character.isSurrogate((char) c))) {
            return false;
        }
        return switch (Character.UnicodeScript.of(c)) {
            case THAI, LAO, KHMER, MYANMAR, TIBETAN, HAN, HIRAGANA, KATAKANA -> true;
            default -> false;
        };
    }

    /** A combining mark: it belongs to the character before it. */
    public static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
