package org.ronda.enrich.cluster;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The shingles a story's near-duplicates share: three-word shingles for languages written with
 * spaces, five-character shingles of letters for scripts without spaces (Thai, Lao, Khmer,
 * Burmese, Chinese, Japanese), each as a 64-bit hash.
 *
 * <p>A word is a run of letters and numbers (Unicode categories L and N) in the NFC, lower-case
 * text; a word shingle is the hash of its three words each followed by a space, a character
 * shingle the hash of five consecutive UTF-16 units of the text's letters and digits. Hashes are
 * computed over the text in place, with no string per word or shingle.
 */
final class Shingles {

    private static final int WORDS = 3;
    private static final int CHARS = 5;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    // The first code point of the first script written without spaces (Thai).
    private static final int FIRST_UNSPACED = 0x0E00;

    private Shingles() {
    }

    /** The distinct shingle hashes of {@code text}, in ascending order. */
    static long[] of(String text) {
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        String folded = nfc.toLowerCase(Locale.ROOT);
        return distinct(unspacedScriptShare(folded) > 0.3 ? characterShingles(folded) : wordShingles(folded));
    }

    private static Hashes wordShingles(String text) {
        Hashes out = new Hashes(text.length() / 4);
        int[] starts = new int[WORDS];
        int[] ends = new int[WORDS];
        int count = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordCodePoint(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                cp = text.codePointAt(i);
                if (!isWordCodePoint(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
            starts[count % WORDS] = start;
            ends[count % WORDS] = i;
            count++;
            if (count >= WORDS) {
                long h = FNV_OFFSET;
                for (int w = count - WORDS; w < count; w++) {
                    for (int k = starts[w % WORDS]; k < ends[w % WORDS]; k++) {
                        h = (h ^ text.charAt(k)) * FNV_PRIME;
                    }
                    h = (h ^ ' ') * FNV_PRIME;
                }
                out.add(mix(h));
            }
        }
        return out;
    }

    /** What {@code [\p{L}\p{N}]} matches: a letter or a number of any kind. */
    private static boolean isWordCodePoint(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static Hashes characterShingles(String text) {
        char[] letters = new char[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                length += Character.toChars(cp, letters, length);
            }
        }
        Hashes out = new Hashes(Math.max(0, length - CHARS + 1));
        for (int i = 0; i + CHARS <= length; i++) {
            long h = FNV_OFFSET;
            for (int k = i; k < i + CHARS; k++) {
                h = (h ^ letters[k]) * FNV_PRIME;
            }
            out.add(mix(h));
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
            if (cp < FIRST_UNSPACED) {
                continue;
            }
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

    private static long[] distinct(Hashes hashes) {
        long[] values = Arrays.copyOf(hashes.values, hashes.size);
        Arrays.sort(values);
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                values[n++] = values[i];
            }
        }
        return n == values.length ? values : Arrays.copyOf(values, n);
    }

    /** 64-bit FNV-1a over the UTF-16 units, then a finalising mix so that nearby inputs spread. */
    static long hash(CharSequence s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** A growable list of hashes. */
    private static final class Hashes {
        private long[] values;
        private int size;

        Hashes(int capacity) {
            values = new long[Math.max(8, capacity)];
        }

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
