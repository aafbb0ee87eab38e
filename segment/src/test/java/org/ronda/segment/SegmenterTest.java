package org.ronda.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure logic: dictionary word breaking of the scripts written without spaces. */
class SegmenterTest {

    @Test
    void thaiIsSplitIntoDictionaryWords() {
        List<String> words = List.of(Segmenter.segment("ตำรวจจับแก๊งคอลเซ็นเตอร์หลอกลวงประชาชน").split(" "));

        assertThat(words).contains("ตำรวจ", "จับ").hasSizeGreaterThan(4);
        assertThat(String.join("", words)).isEqualTo("ตำรวจจับแก๊งคอลเซ็นเตอร์หลอกลวงประชาชน");
    }

    @Test
    void chineseKhmerAndBurmeseAreSplitToo() {
        assertThat(Segmenter.segment("警方破获电信诈骗集团").split(" ")).hasSizeGreaterThan(2).contains("警方");
        assertThat(Segmenter.segment("ប៉ូលិសចាប់ខ្លួនជនសង្ស័យ").split(" ")).hasSizeGreaterThan(1);
        assertThat(Segmenter.segment("ရဲတပ်ဖွဲ့သည်မူးယစ်ဆေးဝါးများကိုဖမ်းဆီးခဲ့သည်").split(" ")).hasSizeGreaterThan(2);
    }

    @Test
    void otherScriptsAreLeftToTheStandardAnalyzer() {
        assertThat(Segmenter.segment("Police raid scam centre, 23 held")).isEmpty();
        assertThat(Segmenter.segment("Bangkok: ตำรวจจับ 5 คน")).isEqualTo(Segmenter.segment("ตำรวจจับ") + " " + Segmenter.segment("คน"));
        assertThat(Segmenter.hasUnspacedScript("Hà Nội")).isFalse();
        assertThat(Segmenter.hasUnspacedScript("ข่าว")).isTrue();
    }
}
