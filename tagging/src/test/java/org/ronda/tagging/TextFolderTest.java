package org.ronda.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextFolderTest {

    @Test
    void lowerCasesAndCollapsesSeparators() {
        FoldedText folded = TextFolder.fold("Anti-Money\n\n  LAUNDERING\u00A0Act");

        assertThat(folded.slice(0, folded.length())).isEqualTo("anti money laundering act");
    }

    @Test
    void mapsEveryFoldedCharacterBackToTheOriginal() {
        String text = "Money -- Laundering";
        FoldedText folded = TextFolder.fold(text);
        int start = folded.slice(0, folded.length()).indexOf("laundering");

        assertThat(folded.originalStart(start)).isEqualTo(text.indexOf("Laundering"));
        assertThat(folded.originalEnd(start + "laundering".length())).isEqualTo(text.length());
        assertThat(folded.originalEnd(5)).isEqualTo(5);
    }

    @Test
    void composesDecomposedTextAndKeepsOriginalOffsets() {
        String text = Normalizer.normalize("tuý và túy", Normalizer.Form.NFD);
        FoldedText folded = TextFolder.fold(text);

        assertThat(folded.slice(0, folded.length())).isEqualTo("tuý và túy");
        int lastWord = "tuý và ".length();
        assertThat(folded.originalStart(lastWord)).isEqualTo(text.lastIndexOf('t'));
        assertThat(folded.originalEnd(folded.length())).isEqualTo(text.length());
    }

    @Test
    void dropsZeroWidthSpacesUsedAsThaiWordBreaks() {
        String text = "ยา\u200Bบ้า";
        FoldedText folded = TextFolder.fold(text);

        assertThat(folded.slice(0, folded.length())).isEqualTo("ยาบ้า");
        assertThat(folded.originalEnd(folded.length())).isEqualTo(text.length());
    }

    @Test
    void termsFoldLikeText() {
        assertThat(TextFolder.foldTerm("  Human-Trafficking ")).isEqualTo("human trafficking");
        assertThat(TextFolder.foldTerm("Scammers’")).isEqualTo("scammers'");
    }

    @Test
    void wordPositionsCountSpacedWordsAndChunksOfUnspacedScript() {
        FoldedText latin = TextFolder.fold("police seized 3kg of heroin");
        assertThat(latin.wordPosition(0)).isEqualTo(1);
        assertThat(latin.wordPosition(latin.length() - 1)).isEqualTo(5);

        FoldedText thai = TextFolder.fold("ตำรวจยึดยาบ้า");
        assertThat(thai.wordPosition(0)).isEqualTo(1);
        assertThat(thai.wordPosition(thai.length() - 1)).isEqualTo(4);
    }
}
