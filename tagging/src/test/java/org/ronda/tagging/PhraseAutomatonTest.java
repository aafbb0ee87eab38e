package org.ronda.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseAutomatonTest {

    @Test
    void reportsEveryOccurrenceIncludingOverlapsAndSuffixes() {
        PhraseAutomaton automaton = new PhraseAutomaton(List.of("drug", "drug trafficking", "trafficking", "king"));
        char[] text = "a drug trafficking king".toCharArray();
        List<String> found = new ArrayList<>();

        automaton.scan(text, text.length, (pattern, end) ->
                found.add(pattern + "@" + (end - automaton.patternLength(pattern)) + "-" + end));

        assertThat(found).containsExactly("0@2-6", "1@2-18", "2@7-18", "3@14-18", "3@19-23");
    }

    @Test
    void followsFailureLinksAcrossPartialMatches() {
        PhraseAutomaton automaton = new PhraseAutomaton(List.of("ahha", "hah"));
        char[] text = "ahhah".toCharArray();
        List<Integer> ends = new ArrayList<>();

        automaton.scan(text, text.length, (pattern, end) -> ends.add(pattern * 100 + end));

        assertThat(ends).containsExactly(4, 105);
    }

    @Test
    void matchesThaiAndOtherBmpCharacters() {
        PhraseAutomaton automaton = new PhraseAutomaton(List.of("ยาบ้า", "ค้ามนุษย์"));
        char[] text = "ตำรวจยึดยาบ้าและจับขบวนการค้ามนุษย์".toCharArray();
        List<Integer> patterns = new ArrayList<>();

        automaton.scan(text, text.length, (pattern, end) -> patterns.add(pattern));

        assertThat(patterns).containsExactly(0, 1);
    }

    @Test
    void rejectsEmptyAndDuplicatePatterns() {
        assertThatThrownBy(() -> new PhraseAutomaton(List.of(""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhraseAutomaton(List.of("a", "a"))).isInstanceOf(IllegalArgumentException.class);
    }
}
