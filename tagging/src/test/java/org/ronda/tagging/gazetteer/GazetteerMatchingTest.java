package org.ronda.tagging.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronda.tagging.gazetteer.TestGazetteers.folded;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronda.contracts.EntityTag;
import org.ronda.contracts.Evidence;

/**
 * How a gazetteer matches, on small files written for each test, so that a change to the bundled
 * name lists cannot break these and an engine change cannot hide behind the data.
 */
class GazetteerMatchingTest {

    @TempDir
    Path dir;

    @Test
    void namesInSpacedScriptsMatchWholeWordsOnly() {
        Gazetteer gazetteer = TestGazetteers.load(dir, "OM | name | Oman", "LA | name | Laos");

        assertThat(gazetteer.tag("", "A woman from Omania met Laotians.")).isEmpty();
        assertThat(gazetteer.tag("", "A woman from Oman, and one from Laos's capital.")).extracting(EntityTag::id)
                .containsExactly("OM", "LA");
    }

    @Test
    void namesInUnspacedScriptsMatchInsideWords() {
        Gazetteer gazetteer = TestGazetteers.load(dir, "LA | name | ลาว", "CN | name | 中国");
        String text = "ตำรวจลาวจับกุมชาย ๓ คน 中国警方表示";

        List<EntityTag> tags = gazetteer.tag("", text);

        assertThat(tags).extracting(EntityTag::id).containsExactly("LA", "CN");
        Evidence lao = tags.get(0).evidence().get(0);
        assertThat(text.substring(lao.start(), lao.end())).isEqualTo("ลาว");
    }

    @Test
    void longestNameAtTheLeftmostPositionWins() {
        Gazetteer gazetteer = TestGazetteers.load(dir,
                "ID | name | Papua", "PG | name | Papua New Guinea", "GN | name | New Guinea");

        List<EntityTag> tags = gazetteer.tag("", "Boats left Papua New Guinea for Papua.");

        assertThat(tags).extracting(EntityTag::id).containsExactly("PG", "ID");
        assertThat(tags.get(0).evidence()).extracting(Evidence::term).containsExactly("papua new guinea");
    }

    @Test
    void aMaskTagsNothingAndHidesTheNamesInsideIt() {
        Gazetteer gazetteer = TestGazetteers.load(dir, "CN | name | China", "CN | mask | China Press");

        assertThat(gazetteer.tag("", "The China Press reported the raid.")).isEmpty();
        String text = "The China Press said China denied it.";
        assertThat(gazetteer.tag("", text)).singleElement().satisfies(tag -> assertThat(tag.evidence())
                .extracting(Evidence::start).containsExactly(text.indexOf("China denied")));
    }

    @Test
    void casedNameMatchesOnlyAsWrittenAndNotInAHeadlineInCapitals() {
        Gazetteer gazetteer = TestGazetteers.load(dir, "US | name | US | cased");

        assertThat(gazetteer.tag("", "Let us know.")).isEmpty();
        assertThat(gazetteer.tag("", "The US embassy said.")).extracting(EntityTag::id).containsExactly("US");
        assertThat(gazetteer.tag("POLICE ARREST US CITIZEN AT AIRPORT", "")).isEmpty();
    }

    @Test
    void twoCasedSpellingsOfOneNameMayBothBeListed() {
        Gazetteer gazetteer = TestGazetteers.load(dir,
                "PH | name | BI Commissioner | cased", "PH | name | BI commissioner | cased");

        assertThat(gazetteer.tag("", "BI Commissioner Viado and a BI commissioner")).singleElement()
                .satisfies(tag -> assertThat(tag.evidence()).hasSize(2));
        assertThat(gazetteer.tag("", "bi commissioner")).isEmpty();
    }

    @Test
    void ambiguousNameIsRefusedNextToAnotherCapitalisedWord() {
        Gazetteer gazetteer = TestGazetteers.load(dir, "JO | name | Jordan | ambiguous");

        assertThat(gazetteer.tag("", "Michael Jordan visited.")).isEmpty();
        assertThat(gazetteer.tag("", "Fans saw Jordan Henderson.")).isEmpty();
        assertThat(gazetteer.tag("", "jordan almonds")).isEmpty();
        assertThat(gazetteer.tag("", "In Jordan, police seized pills.")).extracting(EntityTag::id).containsExactly("JO");
        assertThat(gazetteer.tag("", "Pills from Amman, Jordan were seized.")).extracting(EntityTag::id)
                .containsExactly("JO");
        assertThat(gazetteer.tag("", "Jordan said on Monday")).extracting(EntityTag::id).containsExactly("JO");
    }

    @Test
    void oneNameForSeveralCountriesPutsTheSameEvidenceOnEach() {
        Gazetteer gazetteer = TestGazetteers.load(dir, "TH,LA,MM | hub | Golden Triangle");

        List<EntityTag> tags = gazetteer.tag("Meth from the Golden Triangle", "");

        assertThat(tags).extracting(EntityTag::id).containsExactly("TH", "LA", "MM");
        assertThat(tags).extracting(tag -> tag.evidence().get(0)).containsOnly(
                new Evidence("golden triangle", "title", 14, 29));
    }

    @Test
    void tagsAreOrderedByMentionsThenByFirstMentionTitleFirst() {
        Gazetteer gazetteer = TestGazetteers.load(dir,
                "MY | name | Malaysia", "TH | name | Thailand", "SG | name | Singapore");

        List<EntityTag> tags = gazetteer.tag("Singapore", "Thailand and Malaysia; Malaysia again; then Thailand.");

        // MY and TH have two mentions each, TH first in the text; SG one, though in the title
        assertThat(tags).extracting(EntityTag::id).containsExactly("TH", "MY", "SG");
    }

    @Test
    void hyphensLineBreaksAndRunsOfSpacesMatchASpaceAndTheTermIsFolded() {
        Gazetteer gazetteer = TestGazetteers.load(dir, "TL | name | Timor-Leste", "LA | name | Lao PDR");
        String text = "Officials of TIMOR LESTE, Timor\u2013Leste and the Lao\n  PDR met.";

        List<EntityTag> tags = gazetteer.tag(null, text);

        assertThat(tags).extracting(EntityTag::id).containsExactly("TL", "LA");
        assertThat(tags.get(0).evidence()).extracting(Evidence::term).containsExactly("timor leste", "timor leste");
        assertEvidencePointsAtText(tags, null, text);
    }

    @Test
    void offsetsIntoDecomposedVietnameseCoverTheOriginalCharacters() {
        Gazetteer gazetteer = TestGazetteers.load(dir, "VN | city | Hà Nội");
        String text = Normalizer.normalize("Công an Hà Nội bắt giữ", Normalizer.Form.NFD);

        Evidence evidence = gazetteer.tag("", text).get(0).evidence().get(0);

        assertThat(evidence.term()).isEqualTo("hà nội");
        assertThat(Normalizer.normalize(text.substring(evidence.start(), evidence.end()), Normalizer.Form.NFC))
                .isEqualTo("Hà Nội");
    }

    @Test
    void offsetsCountUtf16UnitsAfterCharactersOutsideTheBasicPlane() {
        Gazetteer gazetteer = TestGazetteers.load(dir, "MY | name | Malaysia");
        String text = "\uD83D\uDEA8\uD83D\uDEA8 Malaysia";

        Evidence evidence = gazetteer.tag("", text).get(0).evidence().get(0);

        assertThat(evidence.start()).isEqualTo(5);
        assertThat(text.substring(evidence.start(), evidence.end())).isEqualTo("Malaysia");
    }

    @Test
    void nullAndEmptyFieldsTagNothing() {
        Gazetteer gazetteer = TestGazetteers.load(dir, "MY | name | Malaysia");

        assertThat(gazetteer.tag(null, null)).isEmpty();
        assertThat(gazetteer.tag("", " \n ")).isEmpty();
    }

    @Test
    void idsAreThoseWithANameAndMasksAreNotCountedAsNames() {
        Gazetteer gazetteer = TestGazetteers.load(dir, "# comment", "", "CN | name | China", "CN | mask | China Press",
                "TW | name | Taiwan");

        assertThat(gazetteer.ids()).containsExactly("CN", "TW");
        assertThat(gazetteer.nameCount()).isEqualTo(2);
    }

    static void assertEvidencePointsAtText(List<EntityTag> tags, String title, String text) {
        for (EntityTag tag : tags) {
            for (Evidence evidence : tag.evidence()) {
                String field = "title".equals(evidence.field()) ? title : text;
                assertThat(folded(field.substring(evidence.start(), evidence.end())))
                        .as("%s of %s", evidence, tag.id()).isEqualTo(evidence.term());
            }
        }
    }
}
