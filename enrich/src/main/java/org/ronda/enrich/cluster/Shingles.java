package org.ronda.enrich.cluster;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The shingles a story's near-duplicates share: three-word shingles for languages written with
 * spaces, five-character shingles of letters for scripts without spaces (Thai, Lao, Khmer,
 * Burmese, Chinese, Japanese), each as a 64-bit hash.
 */
final class Shingles {

    private static final int WORDS = 3;
    private static final int CHARS = 5;

    private Shingles() {
    }

    static Set<Long> of(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return unspacedScriptShare(folded) > 0.3 ? characterShingles(folded) : wordShingles(folded);
    }

    private static Set<Long> wordShingles(String text) {
        String[] words = text.split("[^\\p{L}\\p{N}]+");
        Set<Long> out = new HashSet<>();
        StringBuilder shingle = new StringBuilder();
        int count = 0;
        String[] window = new String[WORDS];
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            window[count % WORDS] = w;
            count++;
            if (count >= WORDS) {
                shingle.setLength(0);
                for (int i = count - WORDS; i < count; i++) {
                    shingle.append(window[i % WORDS]).append(' ');
                }
                out.add(hash(shingle));
            }
        }
        return out;
    }

    private static Set<Long> characterShingles(String text) {
        StringBuilder letters = new StringBuilder();
        text.codePoints().filter(Character::isLetterOrDigit).forEach(letters::appendCodePoint);
        Set<Long> out = new HashSet<>();
        for (int i = 0; i + CHARS <= letters.length(); i++) {
            out.add(hash(letters.subSequence(i, i + CHARS)));
        }
        return out;
    }

    private static double unspacedScriptShare(String text) {
        int letters = 0;
        int unspaced = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.THAI || script == Character.UnicodeScript.LAO
                    || script == Character.UnicodeScript.KHMER || script == Character.UnicodeScript.MYANMAR
                    || script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA) {
                unspaced++;
            }
        }
        return letters == 0 ? 0 : (double) unspaced / letters;
    }

    /** 64-bit FNV-1a over the UTF-16 units, then a finalising mix so that nearby inputs spread. */
    static long hash(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
