package org.ronda.tagging;

import org.ronda.tagging.text.TextFold;

/**
 * Folds text for matching (see {@link FoldedText} and {@link TextFold}). Rule terms and article
 * fields go through the same folding, so "Money-Laundering", "money laundering" and
 * "money\nlaundering" all meet. Only hyphens separate words here; en and em dashes are kept as
 * characters (unlike in the gazetteers), so a phrase term does not match across a dash.
 */
final class TextFolder {

    private TextFolder() {
    }

    /** Folds {@code text} (null is treated as empty). */
    static FoldedText fold(String text) {
        return new FoldedText(TextFold.of(text, TextFold.Dashes.HYPHENS));
    }

    /** Folds a rule term: the same folding, then surrounding spaces removed. */
    static String foldTerm(String term) {
        FoldedText folded = fold(term);
        return folded.slice(0, folded.length()).strip();
    }
}
