package org.ronda.tagging.language;

import com.ibm.icu.lang.UScript;

/**
 * How many letters of a text each writing system holds. Khmer, Lao and Burmese are each written in
 * a script of their own, and Thai nearly so, so the script settles those languages without a model.
 * Digits, punctuation and combining marks shared between scripts (ICU's Common and Inherited) are
 * not counted as letters.
 */
final class ScriptProfile {

    /** The writing systems the detector tells apart. */
    enum Group {
        LATIN, THAI, LAO, KHMER, MYANMAR, HAN, KANA, HANGUL, OTHER
    }

    private final int[] counts = new int[Group.values().length];
    private int letters;

    private ScriptProfile() {
    }

    static ScriptProfile of(CharSequence text) {
        ScriptProfile profile = new ScriptProfile();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            Group group = groupOf(UScript.getScript(cp));
            if (group != null) {
                profile.counts[group.ordinal()]++;
                profile.letters++;
            }
        }
        return profile;
    }

    private static Group groupOf(int script) {
        return switch (script) {
            case UScript.COMMON, UScript.INHERITED, UScript.UNKNOWN -> null;
            case UScript.LATIN -> Group.LATIN;
            case UScript.THAI -> Group.THAI;
            case UScript.LAO -> Group.LAO;
            case UScript.KHMER -> Group.KHMER;
            case UScript.MYANMAR -> Group.MYANMAR;
            case UScript.HAN -> Group.HAN;
            case UScript.HIRAGANA, UScript.KATAKANA -> Group.KANA;
            case UScript.HANGUL -> Group.HANGUL;
            default -> Group.OTHER;
        };
    }

    /** Letters counted in any script. */
    int letters() {
        return letters;
    }

    int count(Group group) {
        return counts[group.ordinal()];
    }

    /** Share of the letters in {@code group}; 0 when there are no letters. */
    double share(Group group) {
        return letters == 0 ? 0 : (double) counts[group.ordinal()] / letters;
    }

    /** The group with the most letters (the first in declaration order on a tie). */
    Group dominant() {
        Group best = Group.LATIN;
        for (Group group : Group.values()) {
            if (counts[group.ordinal()] > counts[best.ordinal()]) {
                best = group;
            }
        }
        return best;
    }
}
