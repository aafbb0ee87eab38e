package org.ronda.tagging.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ronda.tagging.language.Detection.Basis;

/**
 * The detector on short news paragraphs in each of the region's languages, with real Lingua models
 * (loaded once for the test JVM) and real ICU script data.
 */
class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector();

    static final String ENGLISH = "Police in Johor have arrested three men suspected of smuggling methamphetamine "
            + "from Thailand, the state police chief said on Tuesday.";
    static final String MALAY = "Polis menahan tiga lelaki yang disyaki menyeludup dadah jenis syabu dari Thailand "
            + "dalam satu serbuan di Johor Bahru semalam, kata Ketua Polis negeri.";
    static final String INDONESIAN = "Polisi menangkap tiga tersangka yang diduga menyelundupkan narkoba jenis sabu "
            + "dari Malaysia melalui pelabuhan Dumai, kata Kapolda Riau kepada wartawan, Senin.";
    static final String VIETNAMESE = "Công an tỉnh Quảng Ninh vừa bắt giữ ba đối tượng vận chuyển trái phép 20 kg "
            + "ma túy tổng hợp qua biên giới.";
    static final String TAGALOG = "Arestado ang tatlong suspek sa isang buy-bust operation ng PNP sa Maynila kagabi, "
            + "kung saan nakumpiska ang halos isang kilo ng shabu.";
    static final String THAI = "ตำรวจไซเบอร์จับกุมแก๊งคอลเซ็นเตอร์ที่หลอกลวงผู้เสียหายกว่า 300 ราย "
            + "มูลค่าความเสียหายกว่า 50 ล้านบาท";
    static final String CHINESE = "柬埔寨警方在西哈努克港突击搜查一处诈骗园区，解救了数百名外籍劳工，其中包括马来西亚人。";
    static final String KHMER = "ប៉ូលិសបានចាប់ខ្លួនជនសង្ស័យបីនាក់ ពាក់ព័ន្ធនឹងការជួញដូរគ្រឿងញៀន "
            + "នៅរាជធានីភ្នំពេញ កាលពីយប់មិញ។";
    static final String LAO = "ເຈົ້າໜ້າທີ່ຕຳຫຼວດໄດ້ຈັບກຸມຜູ້ຕ້ອງຫາສາມຄົນ ພ້ອມຢາບ້າຫຼາຍກວ່າໜຶ່ງລ້ານເມັດ ຢູ່ແຂວງບໍ່ແກ້ວ.";
    static final String BURMESE = "မြဝတီမြို့တွင် လိမ်လည်မှုစခန်းမှ နိုင်ငံခြားသား ၂၀၀ ကျော်ကို ကယ်ဆယ်ခဲ့ကြောင်း "
            + "ရဲတပ်ဖွဲ့က ပြောသည်။";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "en, MODEL", "ms, MARKER_WORDS", "id, MARKER_WORDS", "vi, MODEL", "tl, MODEL",
        "th, SCRIPT", "zh, SCRIPT", "km, SCRIPT", "lo, SCRIPT", "my, SCRIPT"})
    void paragraphInEachLanguageOfTheRegion(String language, Basis basis) {
        Detection detection = DETECTOR.detect("", paragraph(language), null);

        assertThat(detection.language()).isEqualTo(language);
        assertThat(detection.basis()).isEqualTo(basis);
        assertThat(detection.confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void pageDeclaringEnglishWhoseTextIsIndonesianIsIndonesian() {
        Detection detection = DETECTOR.detect("Polisi ungkap peredaran sabu di Dumai", INDONESIAN, "en");

        assertThat(detection.language()).isEqualTo("id");
    }

    @Test
    void pageDeclaringMalayWhoseTextIsIndonesianIsIndonesianAndTheReverse() {
        assertThat(DETECTOR.detect("", INDONESIAN, "ms").language()).isEqualTo("id");
        assertThat(DETECTOR.detect("", MALAY, "id-ID").language()).isEqualTo("ms");
    }

    @Test
    void declaredLanguageBreaksATieBetweenMalayAndIndonesian() {
        // Standard Malay and Indonesian alike, with no word that either spells its own way
        String text = "Sebanyak lima orang ditahan dalam operasi tersebut dan mereka akan didakwa di bawah akta berkaitan.";

        assertThat(DETECTOR.detect("", text, "ms")).isEqualTo(new Detection("ms", 0.5, Basis.HINT));
        assertThat(DETECTOR.detect("", text, "id")).isEqualTo(new Detection("id", 0.5, Basis.HINT));
        assertThat(DETECTOR.detect("", text, null).basis()).isEqualTo(Basis.MODEL);
    }

    @Test
    void declaredLanguageDecidesWhenTheTextIsTooShort() {
        assertThat(DETECTOR.detect("Tiga ditahan", "", "ms")).isEqualTo(new Detection("ms", 0.5, Basis.HINT));
        assertThat(DETECTOR.detect("Tiga ditahan", "", "in")).isEqualTo(new Detection("id", 0.5, Basis.HINT));
        assertThat(DETECTOR.detect("Three held", null, "en-GB")).isEqualTo(new Detection("en", 0.5, Basis.HINT));
    }

    @Test
    void shortTextWithoutADeclaredLanguageStillGetsALowConfidenceGuess() {
        Detection detection = DETECTOR.detect("Tiga ditahan", "", null);

        assertThat(detection.language()).isIn("ms", "id");
        assertThat(detection.basis()).isEqualTo(Basis.MODEL);
        assertThat(detection.confidence()).isLessThan(0.2);
    }

    @Test
    void declaredLanguageOfAnotherScriptNeverOverridesTheText() {
        assertThat(DETECTOR.detect("", THAI, "en").language()).isEqualTo("th");
        assertThat(DETECTOR.detect("", ENGLISH, "th").language()).isEqualTo("en");
        assertThat(DETECTOR.detect("Three held", "", "km").language()).isNotEqualTo("km");
    }

    @Test
    void thaiWithEmbeddedEnglishTermsIsThai() {
        Detection detection = DETECTOR.detect("", "ตำรวจจับกุมผู้ต้องหาคดี romance scam และ hybrid scam ที่กรุงเทพฯ", null);

        assertThat(detection).extracting(Detection::language, Detection::basis).containsExactly("th", Basis.SCRIPT);
    }

    @Test
    void scriptsOfNoRegionLanguageAreUndetermined() {
        assertThat(DETECTOR.detect("", "Полиция задержала троих подозреваемых в мошенничестве", null).language())
                .isEqualTo("und");
        assertThat(DETECTOR.detect("", "警察が詐欺グループの男3人を逮捕した", null).language()).isEqualTo("und");
        assertThat(DETECTOR.detect("", "경찰이 보이스피싱 조직원 3명을 체포했다", null).language()).isEqualTo("und");
    }

    @Test
    void noLettersGivesTheDeclaredLanguageOrUndetermined() {
        assertThat(DETECTOR.detect("2025-03-12", "12:30 — 45%", "vi")).isEqualTo(new Detection("vi", 0.25, Basis.HINT));
        assertThat(DETECTOR.detect(null, null, null)).isEqualTo(new Detection("und", 0, Basis.NONE));
        assertThat(DETECTOR.detect("", "", "fr")).isEqualTo(new Detection("und", 0, Basis.NONE));
    }

    @Test
    void titleAloneIsEnough() {
        assertThat(DETECTOR.detect("Công an Quảng Ninh bắt giữ ba đối tượng vận chuyển ma túy", null, null).language())
                .isEqualTo("vi");
    }

    @Test
    void longArticleIsJudgedOnItsOpening() {
        String article = (ENGLISH + " ").repeat(400);

        assertThat(article.length()).isGreaterThan(LanguageDetector.SAMPLE_CHARS * 10);
        assertThat(DETECTOR.detect("", article, null).language()).isEqualTo("en");
    }

    @Test
    void concurrentDetectionsAgreeWithSequentialOnes() throws Exception {
        List<String> texts = List.of(ENGLISH, MALAY, INDONESIAN, VIETNAMESE, TAGALOG, THAI, CHINESE, KHMER, LAO, BURMESE);
        List<Detection> expected = new ArrayList<>();
        for (String text : texts) {
            expected.add(DETECTOR.detect("", text, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Detection>>> runs = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                runs.add(pool.submit(() -> {
                    List<Detection> results = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        results.clear();
                        for (String text : texts) {
                            results.add(new LanguageDetector().detect("", text, null));
                        }
                    }
                    return results;
                }));
            }
            for (Future<List<Detection>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void modelsAreLoadedOnceAndShared() {
        LanguageDetector.preload();

        assertThat(LinguaModel.loaded()).isTrue();
        assertThat(LanguageDetector.preload()).isEqualTo(Duration.ZERO);
    }

    @Test
    void detectionRefusesAConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() -> new Detection("en", 1.5, Basis.MODEL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Detection("en", Double.NaN, Basis.MODEL)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String paragraph(String language) {
        return switch (language) {
            case "en" -> ENGLISH;
            case "ms" -> MALAY;
            case "id" -> INDONESIAN;
            case "vi" -> VIETNAMESE;
            case "tl" -> TAGALOG;
            case "th" -> THAI;
            case "zh" -> CHINESE;
            case "km" -> KHMER;
            case "lo" -> LAO;
            case "my" -> BURMESE;
            default -> throw new IllegalArgumentException(language);
        };
    }
}
