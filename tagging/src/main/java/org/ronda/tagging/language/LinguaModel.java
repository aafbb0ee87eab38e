package org.ronda.tagging.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Lingua's statistical detector, restricted to the region's languages it knows (en ms id vi th tl
 * zh), built once per JVM on first use.
 *
 * <p>Cost: Lingua keeps its n-gram models (uni- to five-grams) in static maps shared by all
 * detectors. For these seven languages that is 102 MiB of retained heap, loaded in 0.6-0.7 s
 * (measured on 2 cores with a warm disk cache, Java 17; up to 1.5 s while another JVM was busy,
 * and INFRA.md saw 2.5 s); the lingua jar itself is 80 MB, as it carries the models of all its 75
 * languages. A detection of a 1 KB English paragraph then takes about 0.6 ms. The models are
 * loaded eagerly when the detector is built, so that no article pays a partial load and no two
 * threads load the same model; after that, detection only reads them and is safe from any number
 * of threads (Lingua fans the n-gram lengths out over the common ForkJoinPool).
 */
final class LinguaModel {

    /** The Lingua languages and the BCP 47 subtags Ronda reports for them. */
    static final Map<Language, String> LANGUAGES;

    static {
        Map<Language, String> languages = new EnumMap<>(Language.class);
        languages.put(Language.ENGLISH, "en");
        languages.put(Language.MALAY, "ms");
        languages.put(Language.INDONESIAN, "id");
        languages.put(Language.VIETNAMESE, "vi");
        languages.put(Language.THAI, "th");
        languages.put(Language.TAGALOG, "tl");
        languages.put(Language.CHINESE, "zh");
        LANGUAGES = languages;
    }

    private static volatile com.github.pemistahl.lingua.api.LanguageDetector detector;

    private LinguaModel() {
    }

    /** A language and Lingua's confidence in it relative to the best candidate (which has 1.0). */
    record Candidate(String language, double relativeConfidence) {
    }

    /**
     * Builds the detector and loads its models unless that was done before.
     *
     * @return how long the load took; zero if the models were already loaded
     */
    static Duration load() {
        if (detector != null) {
            return Duration.ZERO;
        }
        synchronized (LinguaModel.class) {
            if (detector != null) {
                return Duration.ZERO;
            }
            long start = System.nanoTime();
            detector = LanguageDetectorBuilder
                    .fromLanguages(LANGUAGES.keySet().toArray(new Language[0]))
                    .withPreloadedLanguageModels()
                    .build();
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    static boolean loaded() {
        return detector != null;
    }

    /** Lingua's candidates for {@code text}, most likely first; empty when it finds none. */
    static List<Candidate> rank(String text) {
        load();
        SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(text);
        List<Candidate> candidates = new ArrayList<>(values.size());
        for (Map.Entry<Language, Double> entry : values.entrySet()) {
            String code = LANGUAGES.get(entry.getKey());
            if (code != null && entry.getValue() > 0) {
                candidates.add(new Candidate(code, entry.getValue()));
            }
        }
        return candidates;
    }
}
