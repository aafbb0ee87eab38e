package org.ronda.tagging.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ronda.contracts.EntityTag;
import org.ronda.contracts.Evidence;
import org.ronda.tagging.gazetteer.GazetteerException;

/** The bundled organisation gazetteer on realistic sentences in the region's languages. */
class OrganisationTaggerTest {

    private static final OrganisationTagger TAGGER = OrganisationTagger.loadDefault();
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-\\u2010-\\u2015]+");

    @TempDir
    Path dir;

    @Test
    void everyBodyOfTheBriefHasAnId() {
        assertThat(TAGGER.ids()).contains(
                "asean", "somtc", "ammtc", "aseanapol", "unodc", "interpol", "recaap", "fatf", "apg", "iom",
                "unhcr", "ilo", "europol",
                "royal-malaysia-police", "aadk", "ncid", "macc", "bank-negara-malaysia", "immigration-malaysia", "mmea",
                "polri", "bnn", "ppatk", "densus-88", "bakamla", "imigrasi-indonesia",
                "spf", "cnb", "ica", "mha", "stro",
                "royal-thai-police", "oncb", "amlo", "dsi", "thai-cib",
                "vietnam-mps", "vietnam-c04",
                "pnp", "pdea", "nbi", "amlc", "bi-philippines", "pcg",
                "cambodia-national-police", "nacd",
                "myanmar-police-force", "ccdac",
                "lcdc");
        assertThat(TAGGER.ids()).allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            ASEAN ministers adopted the work plan.;                                          asean; asean
            Menteri-menteri ASEAN bersetuju.;                                                asean; asean
            Hội nghị Hiệp hội các quốc gia Đông Nam Á khai mạc.;                             asean; hiệp hội các quốc gia đông nam á
            รัฐมนตรีอาเซียนหารือเรื่องแก๊งคอลเซ็นเตอร์;                                         asean; อาเซียน
            The 24th SOMTC met in Vientiane.;                                                somtc; somtc
            The ASEAN Ministerial Meeting on Transnational Crime opened.;                    ammtc; asean ministerial meeting on transnational crime
            ASEANAPOL chiefs shared intelligence.;                                           aseanapol; aseanapol
            The UN Office on Drugs and Crime said meth seizures hit a record.;               unodc; un office on drugs and crime
            UNODC melaporkan rampasan syabu meningkat.;                                      unodc; unodc
            An Interpol red notice was issued.;                                              interpol; interpol
            ตำรวจสากลออกหมายแดง;                                                             interpol; ตำรวจสากล
            The ReCAAP ISC reported four incidents.;                                         recaap; recaap
            The FATF grey list still includes the Philippines.;                              fatf; fatf
            The Asia/Pacific Group on Money Laundering assessed Malaysia.;                   apg; asia/pacific group on money laundering
            The APG mutual evaluation is due.;                                               apg; apg
            IOM staff assisted the victims.;                                                 iom; iom
            The UN refugee agency UNHCR registered them.;                                    unhcr; un refugee agency
            The ILO said forced labour persists.;                                            ilo; ilo
            Tổ chức Lao động Quốc tế cảnh báo.;                                              ilo; tổ chức lao động quốc tế
            Europol joined the operation.;                                                   europol; europol
            Polis Diraja Malaysia (PDRM) menahan 12 orang.;                                  royal-malaysia-police; polis diraja malaysia
            Polis menahan dua lelaki.;                                                       royal-malaysia-police; polis
            AADK menjalankan saringan air kencing.;                                          aadk; aadk
            Bukit Aman Narcotics Criminal Investigation Department director spoke.;          ncid; bukit aman narcotics criminal investigation department
            SPRM menahan pegawai kastam.;                                                    macc; sprm
            The MACC froze 30 accounts.;                                                     macc; macc
            Bank Negara Malaysia warned of mule accounts.;                                   bank-negara-malaysia; bank negara malaysia
            Jabatan Imigresen Malaysia (JIM) menahan 300 PATI.;                              immigration-malaysia; jabatan imigresen malaysia
            Maritim Malaysia memintas bot pendatang.;                                        mmea; maritim malaysia
            The MMEA intercepted a boat.;                                                    mmea; mmea
            Polri dan BNN mengungkap jaringan narkoba.;                                      polri; polri
            Polri dan BNN mengungkap jaringan narkoba.;                                      bnn; bnn
            Kapolres Jakarta Barat memberi keterangan.;                                      polri; kapolres
            PPATK membekukan rekening judi online.;                                          ppatk; ppatk
            Densus 88 menangkap terduga teroris.;                                            densus-88; densus 88
            Bakamla mengejar kapal tanker.;                                                  bakamla; bakamla
            Ditjen Imigrasi mendeportasi 20 WNA.;                                            imigrasi-indonesia; ditjen imigrasi
            The Singapore Police Force said 1,200 scams were reported.;                      spf; singapore police force
            CNB officers seized heroin.;                                                     cnb; cnb
            ICA officers found cigarettes in the lorry.;                                     ica; ica
            The MHA said the bill would be tabled.;                                          mha; mha
            Reports to STRO rose 20 per cent.;                                               stro; stro
            Royal Thai Police seized yaba.;                                                  royal-thai-police; royal thai police
            สำนักงานตำรวจแห่งชาติแถลงผลการจับกุม;                                             royal-thai-police; สำนักงานตำรวจแห่งชาติ
            ONCB secretary-general spoke.;                                                   oncb; oncb
            เลขาธิการ ป.ป.ส. แถลงข่าว;                                                       oncb; ป.ป.ส
            AMLO seized assets of the gang.;                                                 amlo; amlo
            The DSI took the case.;                                                          dsi; dsi
            CIB officers raided a call centre.;                                              thai-cib; cib
            Bộ Công an chỉ đạo điều tra.;                                                    vietnam-mps; bộ công an
            Công an tỉnh Quảng Ninh bắt giữ ba đối tượng.;                                   vietnam-mps; công an
            C04 phá chuyên án ma túy.;                                                       vietnam-c04; c04
            Cục Cảnh sát điều tra tội phạm về ma tuý bắt giữ.;                               vietnam-c04; cục cảnh sát điều tra tội phạm về ma tuý
            PNP and PDEA operatives arrested three.;                                         pnp; pnp
            PNP and PDEA operatives arrested three.;                                         pdea; pdea
            The NBI filed complaints.;                                                       nbi; nbi
            The AMLC froze accounts.;                                                        amlc; amlc
            The Bureau of Immigration deported 50.;                                          bi-philippines; bureau of immigration
            BI Commissioner Joel Viado said.;                                                bi-philippines; bi commissioner
            The PCG rescued fishermen.;                                                      pcg; pcg
            Cambodian police raided a compound.;                                             cambodia-national-police; cambodian police
            NACD officials burned seized drugs.;                                             nacd; nacd
            Myanmar Police Force officers detained 20.;                                      myanmar-police-force; myanmar police force
            The CCDAC reported seizures.;                                                    ccdac; ccdac
            LCDC said opium cultivation fell.;                                               lcdc; lcdc
            """)
    void namesAndAbbreviationsInTheRegionsLanguages(String text, String id, String term) {
        List<EntityTag> tags = TAGGER.tag("", text);

        assertThat(tags).extracting(EntityTag::id).contains(id);
        assertThat(evidenceOf(tags, id)).extracting(Evidence::term).contains(term);
        assertEvidencePointsAtText(tags, "", text);
    }

    @Test
    void aseanIsNotFoundInsideAseanapol() {
        assertThat(TAGGER.tag("", "ASEANAPOL met in Kuala Lumpur.")).extracting(EntityTag::id).containsExactly("aseanapol");
    }

    @Test
    void ncidHidesThePdrmHeadquartersInsideItsName() {
        assertThat(TAGGER.tag("", "Bukit Aman Narcotics Criminal Investigation Department said."))
                .extracting(EntityTag::id).containsExactly("ncid");
        assertThat(TAGGER.tag("", "Bukit Aman said.")).extracting(EntityTag::id).containsExactly("royal-malaysia-police");
    }

    @Test
    void malayPoliceOfAnotherCountryIsThatCountrysPolice() {
        assertThat(TAGGER.tag("", "Polis Thailand menahan suspek.")).extracting(EntityTag::id)
                .containsExactly("royal-thai-police");
        assertThat(TAGGER.tag("", "Polis Singapura dan polis Indonesia bekerjasama.")).extracting(EntityTag::id)
                .containsExactly("spf", "polri");
        assertThat(TAGGER.tag("", "Polis China menahan 10 orang.")).isEmpty();
    }

    @Test
    void vietnamesePoliceOfAnotherCountryIsNotTheMinistry() {
        assertThat(TAGGER.tag("", "Công an Campuchia bàn giao 20 người.")).extracting(EntityTag::id)
                .containsExactly("cambodia-national-police");
        assertThat(TAGGER.tag("", "Công an Trung Quốc phối hợp.")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            Ilo-ilo is a film and ilo is not the agency.
            Bank Indonesia (BI) raised rates.
            The ministry of home affairs in Jakarta issued a circular.
            Jim was arrested by officers.
            The spf rating of the sunscreen.
            THE DSI AND ICA HEADS MET AT THE SUMMIT TODAY
            """)
    void falseFriendsTagNothing(String text) {
        assertThat(TAGGER.tag("", text)).as(text).isEmpty();
    }

    @Test
    void mentionsAreCountedAndEvidencePointsAtTheText() {
        String title = "PDRM, AADK tahan 30 penagih";
        String text = "Polis Diraja Malaysia (PDRM) dengan kerjasama Agensi Antidadah Kebangsaan (AADK) menahan 30 orang. "
                + "Polis berkata UNODC dan ASEAN telah dimaklumkan.";

        List<EntityTag> tags = TAGGER.tag(title, text);

        assertThat(tags).extracting(EntityTag::id).containsExactly("royal-malaysia-police", "aadk", "unodc", "asean");
        assertThat(tags.get(0).evidence()).extracting(Evidence::term)
                .containsExactly("pdrm", "polis diraja malaysia", "pdrm", "polis");
        assertEvidencePointsAtText(tags, title, text);
    }

    @Test
    void aMalformedGazetteerLineFailsTheLoadWithFileLineAndReason() throws IOException {
        Path file = dir.resolve("organisations.tsv");
        Files.writeString(file, "unodc\tabbreviation\tUNODC\nRoyal_Malaysia_Police\tname\tPDRM\n");

        assertThatThrownBy(() -> OrganisationTagger.load(file))
                .isInstanceOfSatisfying(GazetteerException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).startsWith("unknown organisation id 'Royal_Malaysia_Police'");
                });
    }

    private static List<Evidence> evidenceOf(List<EntityTag> tags, String id) {
        return tags.stream().filter(tag -> tag.id().equals(id)).findFirst()
                .map(EntityTag::evidence).orElse(List.of());
    }

    private static void assertEvidencePointsAtText(List<EntityTag> tags, String title, String text) {
        for (EntityTag tag : tags) {
            for (Evidence evidence : tag.evidence()) {
                String field = "title".equals(evidence.field()) ? title : text;
                String matched = Normalizer.normalize(field.substring(evidence.start(), evidence.end()), Normalizer.Form.NFC);
                assertThat(SEPARATORS.matcher(matched.toLowerCase(Locale.ROOT)).replaceAll(" "))
                        .as("%s of %s", evidence, tag.id()).isEqualTo(evidence.term());
            }
        }
    }
}
