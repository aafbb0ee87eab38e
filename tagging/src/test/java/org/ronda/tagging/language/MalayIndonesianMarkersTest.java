package org.ronda.tagging.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words that tell Malay from Indonesian. */
class MalayIndonesianMarkersTest {

    @Test
    void malayParagraphHasMalayMarkers() {
        MalayIndonesianMarkers.Count count = MalayIndonesianMarkers.count(LanguageDetectorTest.MALAY);

        assertThat(count.malay()).isGreaterThanOrEqualTo(3); // polis, lelaki, dadah, syabu
        assertThat(count.decision()).contains("ms");
    }

    @Test
    void indonesianParagraphHasIndonesianMarkers() {
        MalayIndonesianMarkers.Count count = MalayIndonesianMarkers.count(LanguageDetectorTest.INDONESIAN);

        assertThat(count.indonesian()).isGreaterThanOrEqualTo(3); // polisi, tersangka, narkoba, sabu, senin
        assertThat(count.decision()).contains("id");
    }

    @Test
    void oneQuotedNameDoesNotSwingAnIndonesianParagraph() {
        String text = "Kapolda Riau mengatakan bahwa tersangka ditangkap bersama Polis Diraja Malaysia karena narkoba.";

        assertThat(MalayIndonesianMarkers.count(text).decision()).contains("id");
    }

    @Test
    void oneMarkerOrABalanceDecidesNothing() {
        assertThat(new MalayIndonesianMarkers.Count(1, 0).decision()).isEmpty();
        assertThat(new MalayIndonesianMarkers.Count(3, 2).decision()).isEmpty();
        assertThat(new MalayIndonesianMarkers.Count(4, 2).decision()).contains("ms");
        assertThat(new MalayIndonesianMarkers.Count(0, 2).decision()).contains("id");
    }

    @Test
    void markersMatchWholeWordsInAnyCase() {
        MalayIndonesianMarkers.Count count = MalayIndonesianMarkers.count("POLIS. Polisi! kepolisian wangi uang-uang");

        // polis; polisi, kepolisian, uang, uang ("wangi" is not "wang")
        assertThat(count).isEqualTo(new MalayIndonesianMarkers.Count(1, 4));
    }
}
