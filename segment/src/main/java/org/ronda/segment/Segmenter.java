package org.ronda.segment;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Splits the runs of a text written without spaces between words (Thai, Lao, Khmer, Burmese,
 * Chinese) into words with ICU's dictionary word breaking, and returns those words separated by
 * spaces. The indexer stores the result in a field analysed on whitespace and search segments
 * queries the same way, so these languages are searchable on any Elasticsearch, also one without
 * the ICU or Thai analysis plugins. Text in other scripts is left out: the standard analyzer
 * already handles it. Thread-safe.
 */
public final class Segmenter {

    private Segmenter() {
    }

    /** Whether {@code text} holds any letter of a script written without spaces. */
    public static boolean hasUnspacedScript(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isUnspaced(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** The words of the unspaced-script runs of {@code text}, separated by single spaces; empty when there are none. */
    public static String segment(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isUnspaced(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < text.length()) {
                int c = text.codePointAt(i);
                if (!isUnspaced(c) && !isMark(c)) {
                    break;
                }
                i += Character.charCount(c);
            }
            appendWords(text.substring(start, i), out);
        }
        return out.toString();
    }

    private static void appendWords(String run, StringBuilder out) {
        // A new iterator per run: BreakIterator instances are not thread-safe, and creating one is cheap next to the breaking.
        BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
        words.setText(run);
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (words.getRuleStatus() == BreakIterator.WORD_NONE) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(run, start, end);
        }
    }

    private static boolean isUnspaced(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.THAI || script == Character.UnicodeScript.LAO
                || script == Character.UnicodeScript.KHMER || script == Character.UnicodeScript.MYANMAR
                || script == Character.UnicodeScript.HAN;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }
}
