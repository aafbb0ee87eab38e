package org.ronda.tagging.gazetteer;

/**
 * Which characters form words for whole-word matching. Latin, Vietnamese and other scripts that
 * put spaces between words need a boundary at each end of a name; Thai, Lao, Khmer, Burmese and
 * Chinese do not separate words, so names in those scripts match anywhere.
 */
final class WordChars {

    private WordChars() {
    }

    /** A letter, digit or combining mark of a script that separates words with spaces. */
    static boolean isSpacedWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return (Character.isLetterOrDigit(c) || isMark(c)) && !isUnspacedScript(c);
    }

    /** Whether {@code c} belongs to a script written without spaces between words. */
    static boolean isUnspacedScript(char c) {
        if (c < 0x0E00 || Character.isSurrogate(c)) {
            return false;
        }
        return switch (Character.UnicodeScript.of(c)) {
            case THAI, LAO, KHMER, MYANMAR, TIBETAN, HAN, HIRAGANA, KATAKANA -> true;
            default -> false;
        };
    }

    /** A combining mark: it belongs to the character before it. */
    static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
