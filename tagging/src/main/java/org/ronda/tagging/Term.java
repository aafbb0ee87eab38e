package org.ronda.tagging;

import org.ronda.tagging.text.WordChars;

/**
 * One term of a rule, compiled: its folded core and how its ends meet the text.
 *
 * @param written       the term as written in the rule file, wildcards included
 * @param core          the folded term without wildcards; this is what the automaton looks for
 * @param leftWildcard  written with a leading {@code *}: the match extends left to the word start
 * @param rightWildcard written with a trailing {@code *}: the match extends right to the word end
 */
record Term(String written, String core, boolean leftWildcard, boolean rightWildcard) {

    /** Whether a match needs a word boundary before it (the core starts with a spaced-script word character). */
    boolean needsLeftBoundary() {
        return !leftWildcard && WordChars.isSpacedWordChar(core.codePointAt(0));
    }

    /** Whether a match needs a word boundary after it. */
    boolean needsRightBoundary() {
        return !rightWildcard && WordChars.isSpacedWordChar(core.codePointBefore(core.length()));
    }

    /** Identity of the term within a topic: core plus wildcards, so "seiz*" and "seiz" differ. */
    String key() {
        return (leftWildcard ? "*" : "") + core + (rightWildcard ? "*" : "");
    }
}
