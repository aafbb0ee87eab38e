package org.ronda.tagging.language;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ronda.tagging.language.Detection.Basis;
import org.ronda.tagging.language.LinguaModel.Candidate;
import org.ronda.tagging.language.ScriptProfile.Group;

/**
 * Detects the language of an article among the region's: {@code en ms id vi th tl zh km lo my},
 * or {@code und}. Stateless and thread-safe; every instance shares one set of Lingua models.
 *
 * <h2>How it decides</h2>
 * <ol>
 *   <li><b>Script.</b> The letters of the title and the start of the text are counted by script
 *       (ICU4J). If Thai, Lao, Khmer or Burmese letters are the most numerous, the language is
 *       {@code th}, {@code lo}, {@code km} or {@code my}; Chinese characters give {@code zh} unless
 *       kana make it Japanese. Any other leading script (Cyrillic, Hangul, Arabic...) gives
 *       {@code und}. Confidence: the share of letters in that script.</li>
 *   <li><b>Model.</b> Latin-script text goes to Lingua, restricted to {@code en ms id vi tl}.
 *       Confidence grows with the gap between Lingua's best and second candidates
 *       ({@code gap / (gap + 0.05)}), scaled down for text under {@value #FULL_CONFIDENCE_LETTERS}
 *       letters.</li>
 *   <li><b>Malay or Indonesian.</b> Lingua rarely separates these two by more than a few percent,
 *       so when they are its two best candidates, words the two languages spell differently decide
 *       ({@link MalayIndonesianMarkers}); if those do not, the declared language does, if it is one
 *       of the two.</li>
 *   <li><b>The declared language is a hint, not the truth</b> (sites declare {@code en} on
 *       Indonesian pages). It decides only when the text has fewer than {@value #MIN_MODEL_LETTERS}
 *       letters, when Lingua's best and the declared language are within
 *       {@value #NEAR_TIE} of each other, or in the Malay/Indonesian case above. A declared language
 *       of another script than the text's never decides.</li>
 * </ol>
 *
 * <h2>Cost</h2>
 * Lingua's models are loaded on the first Latin-script article, once per JVM: 102 MiB of heap and
 * 0.6-1.5 s measured here (see {@link LinguaModel}); give a service that detects languages at least
 * 256 MiB of heap. A service calls {@link #preload()} at start-up to
 * pay that before its first article. Each detection reads at most the first
 * {@value #SAMPLE_CHARS} characters of title and text, because Lingua's cost grows with the input
 * and the language of a news article is settled in its first paragraphs. Lingua itself first reads
 * only the first {@value #FIRST_LOOK_CHARS} of those, and the rest only when that first look is a
 * close call (about 7% of the generated benchmark articles): the same decisions on the dev set, the
 * sample and 10,000 generated articles, at about 40% of the cost (decision 33).
 */
public final class LanguageDetector {

    /** The languages this detector reports, BCP 47 primary subtags. */
    public static final Set<String> LANGUAGES = Set.of("en", "ms", "id", "vi", "th", "tl", "zh", "km", "lo", "my");

    static final int SAMPLE_CHARS = 2000;
    // Lingua's cost grows with its input (about 0.45 ms per 1,000 Latin characters here), so it
    // reads this many first; only a close call is read again on the whole sample (decision 33).
    static final int FIRST_LOOK_CHARS = 400;
    // A first look is final when Lingua's best Latin candidate leads the next by this much: between
    // 400 characters and the whole sample the values moved by about 0.03 on the sample articles.
    static final double FIRST_LOOK_CLEAR_GAP = 0.1;
    // Malay and Indonesian ahead of the rest are final when their own gap is this far inside
    // MALAY_INDONESIAN_CONTENTION, since the marker words (counted on the whole sample) decide then.
    private static final double FIRST_LOOK_MARGIN = 0.05;
    // Below this many Latin letters (a headline of three or four words) Lingua's guess between
    // close languages is noise; a declared language is the better evidence.
    static final int MIN_MODEL_LETTERS = 25;
    // From this many letters on, Lingua's gap counts in full.
    static final int FULL_CONFIDENCE_LETTERS = 100;
    // Relative confidence gap under which a declared runner-up wins (Lingua's values: best = 1.0).
    static final double NEAR_TIE = 0.03;
    // Malay and Indonesian paragraphs separate by about 0.08-0.12 in Lingua; up to this gap they are
    // treated as undecided between the two.
    static final double MALAY_INDONESIAN_CONTENTION = 0.15;
    private static final double GAP_HALF_CONFIDENCE = 0.05;
    private static final double HINT_CONFIDENCE = 0.5;
    private static final double HINT_WITHOUT_LETTERS_CONFIDENCE = 0.25;
    // Japanese mixes kanji with kana; Chinese has none.
    private static final double JAPANESE_KANA_SHARE = 0.1;
    private static final Set<String> LATIN_LANGUAGES = Set.of("en", "ms", "id", "vi", "tl");
    private static final Set<String> MALAY_INDONESIAN = Set.of("ms", "id");

    private final int firstLookChars;

    /** A detector; every instance shares one set of Lingua models. */
    public LanguageDetector() {
        this(FIRST_LOOK_CHARS);
    }

    /** A detector whose first look at Latin text is {@code firstLookChars} long (tests compare with the whole sample). */
    LanguageDetector(int firstLookChars) {
        this.firstLookChars = firstLookChars;
    }

    /**
     * Loads Lingua's models now instead of on the first Latin-script article.
     *
     * @return how long the load took; zero if they were already loaded
     */
    public static Duration preload() {
        return LinguaModel.load();
    }

    /**
     * The language of an article.
     *
     * @param title        headline, may be null
     * @param text         body, may be null
     * @param declaredHint the language the page or feed declares (BCP 47 or ISO 639, e.g.
     *                     {@code en-US}, {@code fil}, {@code in}), may be null; see the class doc for
     *                     when it counts
     * @return never null; {@code und} with confidence 0 when there is nothing to go on
     */
    public Detection detect(String title, String text, String declaredHint) {
        String sample = sample(title, text);
        Optional<String> hint = LanguageTags.regionLanguage(declaredHint);
        ScriptProfile scripts = ScriptProfile.of(sample);
        if (scripts.letters() == 0) {
            return hint.map(language -> new Detection(language, HINT_WITHOUT_LETTERS_CONFIDENCE, Basis.HINT))
                    .orElseGet(Detection::undetermined);
        }
        Group dominant = scripts.dominant();
        double share = scripts.share(dominant);
        return switch (dominant) {
            case LATIN -> byModel(sample, scripts.count(Group.LATIN), hint);
            case THAI -> new Detection("th", share, Basis.SCRIPT);
            case LAO -> new Detection("lo", share, Basis.SCRIPT);
            case KHMER -> new Detection("km", share, Basis.SCRIPT);
            case MYANMAR -> new Detection("my", share, Basis.SCRIPT);
            case HAN -> scripts.share(Group.KANA) >= JAPANESE_KANA_SHARE
                    ? new Detection(Detection.UNDETERMINED, share, Basis.SCRIPT)
                    : new Detection("zh", share, Basis.SCRIPT);
            case KANA, HANGUL, OTHER -> new Detection(Detection.UNDETERMINED, share, Basis.SCRIPT);
        };
    }

    private Detection byModel(String sample, int latinLetters, Optional<String> hint) {
        Optional<String> latinHint = hint.filter(LATIN_LANGUAGES::contains);
        if (latinLetters < MIN_MODEL_LETTERS && latinHint.isPresent()) {
            return new Detection(latinHint.get(), HINT_CONFIDENCE, Basis.HINT);
        }
        List<Candidate> candidates = latinCandidates(prefix(sample, firstLookChars));
        if (sample.length() > firstLookChars && !settled(candidates)) {
            candidates = latinCandidates(sample);
        }
        if (candidates.isEmpty()) {
            return latinHint.map(language -> new Detection(language, HINT_CONFIDENCE, Basis.HINT))
                    .orElseGet(Detection::undetermined);
        }
        Candidate best = candidates.get(0);
        double bestValue = best.relativeConfidence();
        double secondValue = candidates.size() > 1 ? candidates.get(1).relativeConfidence() : 0;
        String second = candidates.size() > 1 ? candidates.get(1).language() : null;

        if (MALAY_INDONESIAN.contains(best.language()) && MALAY_INDONESIAN.contains(second)
                && bestValue - secondValue < MALAY_INDONESIAN_CONTENTION) {
            MalayIndonesianMarkers.Count markers = MalayIndonesianMarkers.count(sample);
            Optional<String> decided = markers.decision();
            if (decided.isPresent()) {
                return new Detection(decided.get(), markers.confidence(), Basis.MARKER_WORDS);
            }
            Optional<String> declared = latinHint.filter(MALAY_INDONESIAN::contains);
            if (declared.isPresent()) {
                return new Detection(declared.get(), HINT_CONFIDENCE, Basis.HINT);
            }
        }
        if (latinHint.isPresent() && !latinHint.get().equals(best.language())) {
            double hintValue = valueOf(candidates, latinHint.get());
            if (bestValue - hintValue < NEAR_TIE) {
                return new Detection(latinHint.get(), HINT_CONFIDENCE, Basis.HINT);
            }
        }
        double gap = bestValue - secondValue;
        double confidence = gap / (gap + GAP_HALF_CONFIDENCE)
                * Math.min(1.0, (double) latinLetters / FULL_CONFIDENCE_LETTERS);
        return new Detection(best.language(), Math.min(1.0, confidence), Basis.MODEL);
    }

    private static List<Candidate> latinCandidates(String text) {
        List<Candidate> candidates = new ArrayList<>();
        for (Candidate candidate : LinguaModel.rank(text)) {
            if (LATIN_LANGUAGES.contains(candidate.language())) {
                candidates.add(candidate);
            }
        }
        return candidates;
    }

    /**
     * Whether a first look gives the decision the whole sample would: one candidate clearly ahead,
     * or Malay and Indonesian clearly ahead of the rest and well within contention of each other.
     */
    private static boolean settled(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return false;
        }
        double best = candidates.get(0).relativeConfidence();
        double second = candidates.size() > 1 ? candidates.get(1).relativeConfidence() : 0;
        double third = candidates.size() > 2 ? candidates.get(2).relativeConfidence() : 0;
        if (candidates.size() > 1 && MALAY_INDONESIAN.contains(candidates.get(0).language())
                && MALAY_INDONESIAN.contains(candidates.get(1).language())) {
            return best - second < MALAY_INDONESIAN_CONTENTION - FIRST_LOOK_MARGIN && second - third >= FIRST_LOOK_CLEAR_GAP;
        }
        return best - second >= FIRST_LOOK_CLEAR_GAP;
    }

    private static double valueOf(List<Candidate> candidates, String language) {
        for (Candidate candidate : candidates) {
            if (candidate.language().equals(language)) {
                return candidate.relativeConfidence();
            }
        }
        return 0;
    }

    private static String prefix(String s, int chars) {
        if (s.length() <= chars) {
            return s;
        }
        int end = chars;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--; // never cut a character outside the Basic Plane in two
        }
        return s.substring(0, end);
    }

    private static String sample(String title, String text) {
        String head = title == null ? "" : title.strip();
        String body = text == null ? "" : text.strip();
        String joined = head.isEmpty() ? body : body.isEmpty() ? head : head + "\n" + body;
        return prefix(joined, SAMPLE_CHARS);
    }
}
