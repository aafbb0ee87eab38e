package org.ronda.tagging.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Declared languages as pages and feeds write them. */
class LanguageTagsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "en, en", "en-US, en", "EN_gb, en", "ms-MY, ms", "zsm, ms", "may, ms", "id, id", "in, id", "ind, id",
        "vi-VN, vi", "th, th", "fil, tl", "tl-PH, tl", "zh-Hant-TW, zh", "zh_CN, zh", "cmn, zh",
        "km-KH, km", "khm, km", "lo, lo", "my, my", "bur, my", "' vi ', vi"})
    void regionLanguagesInTheirManyForms(String declared, String language) {
        assertThat(LanguageTags.regionLanguage(declared)).contains(language);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "fr", "ja-JP", "english", "-", "x-klingon"})
    void otherLanguagesAndNoiseAreNoHint(String declared) {
        assertThat(LanguageTags.regionLanguage(declared)).isEmpty();
    }
}
