package org.ronda.ingest.extract;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores an extracted body against the expected one on 4-token shingles: the text is cut into
 * {@code \w+} tokens (Unicode-aware, lower-cased), each run of 4 consecutive tokens is a shingle,
 * and precision and recall count shingles as a multiset. Scripts written without spaces (Thai, Lao,
 * Khmer, Burmese, Chinese, Japanese) are cut into words by ICU4J when it is on the class path, and
 * into characters otherwise, so that their shingles are character 4-grams.
 */
final class ShingleScorer {

    static final int SHINGLE = 4;
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * Overlap of one text pair.
     *
     * @param overlap   shingles in both, counted as a multiset
     * @param extracted shingles of the extracted text
     * @param expected  shingles of the expected text
     */
    record Score(long overlap, long extracted, long expected) {

        double precision() {
            return extracted == 0 ? (expected == 0 ? 1 : 0) : (double) overlap / extracted;
        }

        double recall() {
            return expected == 0 ? (extracted == 0 ? 1 : 0) : (double) overlap / expected;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Score plus(Score other) {
            return new Score(overlap + other.overlap, extracted + other.extracted, expected + other.expected);
        }
    }

    private final MethodHandle icuWordInstance;
    private final MethodHandle icuSetText;
    private final MethodHandle icuFirst;
    private final MethodHandle icuNext;

    ShingleScorer() {
        MethodHandle instance = null;
        MethodHandle setText = null;
        MethodHandle first = null;
        MethodHandle next = null;
        try {
            Class<?> breakIterator = Class.forName("com.ibm.icu.text.BreakIterator");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            instance = lookup.findStatic(breakIterator, "getWordInstance", MethodType.methodType(breakIterator));
            setText = lookup.findVirtual(breakIterator, "setText", MethodType.methodType(void.class, String.class));
            first = lookup.findVirtual(breakIterator, "first", MethodType.methodType(int.class));
            next = lookup.findVirtual(breakIterator, "next", MethodType.methodType(int.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            instance = null;
        }
        this.icuWordInstance = instance;
        this.icuSetText = setText;
        this.icuFirst = first;
        this.icuNext = next;
    }

    /** How scripts without spaces are cut, for reports. */
    String segmentation() {
        return icuWordInstance != null
                ? "ICU4J word breaking for Thai, Lao, Khmer, Burmese and Chinese"
                : "character 4-grams for Thai, Lao, Khmer, Burmese and Chinese (ICU4J not on the class path)";
    }

    Score score(String extracted, String expected) {
        Map<String, Integer> got = shingles(extracted);
        Map<String, Integer> want = shingles(expected);
        long overlap = 0;
        for (Map.Entry<String, Integer> entry : got.entrySet()) {
            overlap += Math.min(entry.getValue(), want.getOrDefault(entry.getKey(), 0));
        }
        return new Score(overlap, count(got), count(want));
    }

    private static long count(Map<String, Integer> shingles) {
        long n = 0;
        for (int c : shingles.values()) {
            n += c;
        }
        return n;
    }

    Map<String, Integer> shingles(String text) {
        List<String> tokens = tokens(text);
        Map<String, Integer> shingles = new HashMap<>();
        if (tokens.isEmpty()) {
            return shingles;
        }
        if (tokens.size() < SHINGLE) {
            shingles.put(String.join("\u0001", tokens), 1);
            return shingles;
        }
        for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
            shingles.merge(String.join("\u0001", tokens.subList(i, i + SHINGLE)), 1, Integer::sum);
        }
        return shingles;
    }

    List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String token = m.group();
            if (!hasScriptWithoutSpaces(token)) {
                tokens.add(token);
            } else if (icuWordInstance != null) {
                addIcuWords(token, tokens);
            } else {
                token.codePoints().forEach(cp -> tokens.add(new String(Character.toChars(cp))));
            }
        }
        return tokens;
    }

    private void addIcuWords(String token, List<String> tokens) {
        try {
            Object iterator = icuWordInstance.invoke();
            icuSetText.invoke(iterator, token);
            int start = (int) icuFirst.invoke(iterator);
            for (int end = (int) icuNext.invoke(iterator); end != -1; start = end, end = (int) icuNext.invoke(iterator)) {
                String word = token.substring(start, end);
                if (!word.isBlank()) {
                    tokens.add(word);
                }
            }
        } catch (Throwable e) {
            throw new IllegalStateException("ICU4J word breaking failed", e);
        }
    }

    private static boolean hasScriptWithoutSpaces(String token) {
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.THAI || script == Character.UnicodeScript.LAO
                    || script == Character.UnicodeScript.KHMER || script == Character.UnicodeScript.MYANMAR
                    || script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
