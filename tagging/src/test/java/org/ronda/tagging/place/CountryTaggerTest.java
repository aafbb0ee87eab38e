package org.ronda.tagging.place;

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

/** The bundled country gazetteer on realistic sentences in the region's languages. */
class CountryTaggerTest {

    private static final CountryTagger TAGGER = CountryTagger.loadDefault();
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-\\u2010-\\u2015]+");

    @TempDir
    Path dir;

    @Test
    void everyAseanMemberAndDialoguePartnerHasNames() {
        assertThat(TAGGER.codes()).contains(
                "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL",
                "AU", "CA", "CN", "EU", "IN", "JP", "KR", "NZ", "RU", "US", "GB",
                "TW", "HK", "MO", "KP", "PK", "BD", "LK", "NG", "AE");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            Officials from the Lao PDR signed the agreement.;                 LA; lao pdr
            Laos and Thailand will patrol the Mekong together.;               LA; laos
            Viet Nam deported 40 foreigners last week.;                       VN; viet nam
            Vietnam deported 40 foreigners last week.;                        VN; vietnam
            Myanmar junta troops clashed near the border.;                    MM; myanmar
            Burma's military government denied the report.;                  MM; burma
            The Republic of Korea sent a delegation to the meeting.;         KR; republic of korea
            South Korea asked for the return of 60 nationals.;                KR; south korea
            Polis Korea Selatan menahan dua suspek.;                          KR; korea selatan
            Công an Hàn Quốc phối hợp điều tra.;                              KR; hàn quốc
            ตำรวจเกาหลีใต้ร่วมสอบสวนแก๊งคอลเซ็นเตอร์;                           KR; เกาหลีใต้
            Pyongyang denied that North Korean hackers stole the funds.;      KP; pyongyang
            The raid in Timor-Leste found 12 kg of methamphetamine.;          TL; timor leste
            Hong Kong police froze the accounts.;                             HK; hong kong
            Scam victims in Taiwan lost NT$2 billion.;                        TW; taiwan
            The European Union funds the programme.;                          EU; european union
            """)
    void countryVariantsInTheRegionsLanguages(String text, String code, String term) {
        List<EntityTag> tags = TAGGER.tag("", text);

        assertThat(tags).extracting(EntityTag::id).contains(code);
        assertThat(evidenceOf(tags, code)).extracting(Evidence::term).contains(term);
        assertEvidencePointsAtText(tags, "", text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            A Malaysian was among those rescued.;                                   MY; malaysian
            Two Filipinos and a Filipino seaman were rescued.;                      PH; filipinos
            Polis menahan tiga warga negara Indonesia di Johor.;                    ID; warga negara indonesia
            Seorang WNI ditangkap di Kuala Lumpur.;                                 ID; wni
            Cambodian authorities deported 200 Chinese nationals.;                  KH; cambodian
            Thai and Lao officers met at the bridge.;                               TH; thai
            Two Singaporeans were charged with money laundering.;                   SG; singaporeans
            """)
    void demonyms(String text, String code, String term) {
        List<EntityTag> tags = TAGGER.tag("", text);

        assertThat(evidenceOf(tags, code)).extracting(Evidence::term).contains(term);
        assertEvidencePointsAtText(tags, "", text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            A ministry statement from Putrajaya said the law would be tabled.;      MY
            Police in Kuala Lumpur arrested 12 mule account holders.;               MY
            The court in Phnom Penh sentenced the scam boss.;                       KH
            Compounds in Sihanoukville were raided again.;                          KH
            Workers escaped from Myawaddy across the Moei river.;                  MM
            A POGO hub near Manila was shut down.;                                  PH
            Police in Jakarta seized 1.2 tonnes of crystal meth.;                   ID
            Bangkok police arrested a call-centre gang.;                            TH
            Công an Hà Nội triệt phá đường dây lừa đảo.;                            VN
            """)
    void capitalsAndCities(String text, String code) {
        assertThat(TAGGER.tag("", text)).extracting(EntityTag::id).contains(code);
    }

    @Test
    void goldenTriangleTagsThailandLaosAndMyanmarWithTheSameEvidence() {
        String title = "Record meth haul traced to the Golden Triangle";

        List<EntityTag> tags = TAGGER.tag(title, "");

        assertThat(tags).extracting(EntityTag::id).containsExactlyInAnyOrder("TH", "LA", "MM");
        Evidence expected = new Evidence("golden triangle", "title", title.indexOf("Golden"), title.length());
        assertThat(tags).allSatisfy(tag -> assertThat(tag.evidence()).containsExactly(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            Syabu dari Segitiga Emas dirampas di sempadan.
            Ma túy từ khu vực Tam giác Vàng được vận chuyển qua biên giới.
            ยาบ้าจากสามเหลี่ยมทองคำถูกลักลอบนำเข้า
            金三角地区的毒品经缅北流入
            """)
    void goldenTriangleInOtherLanguages(String text) {
        assertThat(TAGGER.tag("", text)).extracting(EntityTag::id).contains("TH", "LA", "MM");
    }

    @Test
    void goldenTriangleSpecialEconomicZoneIsInLaosOnly() {
        List<EntityTag> tags = TAGGER.tag("", "Casinos in the Golden Triangle Special Economic Zone were sanctioned.");

        assertThat(tags).extracting(EntityTag::id).containsExactly("LA");
    }

    @Test
    void goldenTrianglesOfCitiesAreNotTheCrimeHub() {
        assertThat(TAGGER.tag("", "Hotels in KL's Golden Triangle were full.")).extracting(EntityTag::id)
                .containsExactly("MY");
        assertThat(TAGGER.tag("", "Harga sewa di Segitiga Emas Jakarta naik.")).extracting(EntityTag::id)
                .containsExactly("ID");
        assertThat(TAGGER.tag("", "a golden triangle of sun, sea and sand")).isEmpty();
    }

    @Test
    void suluSeaTagsThePhilippinesAndMalaysia() {
        List<EntityTag> tags = TAGGER.tag("Kidnap-for-ransom threat in the Sulu Sea", "");

        assertThat(tags).extracting(EntityTag::id).containsExactlyInAnyOrder("PH", "MY");
        assertThat(tags.get(0).evidence()).extracting(Evidence::term).containsExactly("sulu sea");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            The family roasted a turkey for dinner.
            Michael Jordan's sneakers were counterfeit.
            Fans cheered Jordan Henderson.
            Let us know if you saw the suspects.
            The haul was worth US$2 million.
            Rupiah menguat 0,3 persen terhadap dolar AS.
            Giá vàng tính bằng đô la Mỹ tăng mạnh.
            It was reported by the China Press on Sunday.
            Families gathered for Chinese New Year.
            Fishermen in the Indian Ocean were rescued.
            Murid belajar bahasa Inggeris di sekolah.
            Người lao động được hỗ trợ.
            Cửa hàng mỹ phẩm bị kiểm tra.
            Sản phụ mang thai được chăm sóc.
            Cincin perak itu dicuri dari kedai emas.
            Lava ลาวาไหลออกจากภูเขาไฟ
            大马士革的局势
            PATROL BOATS SEIZE FUEL AS US NAVY WATCHES
            """)
    void falseFriendsTagNothing(String text) {
        assertThat(TAGGER.tag("", text)).as(text).extracting(EntityTag::id)
                .doesNotContain("TR", "JO", "US", "CN", "IN", "GB", "LA", "TH", "MY", "KR");
    }

    @Test
    void falseFriendsAsideTheCountryIsStillFound() {
        List<EntityTag> tags = TAGGER.tag("Turkey seizes captagon; police in Jordan arrest 3",
                "China denied it, the China Press reported, while the US sent agents.");

        assertThat(tags).extracting(EntityTag::id).containsExactlyInAnyOrder("TR", "JO", "CN", "US");
    }

    @Test
    void thaiAndChineseMatchWithoutSpaces() {
        List<EntityTag> thai = TAGGER.tag("", "ตำรวจไทยจับกุมชาวกัมพูชาและชาวเมียนมาที่แม่สอด");
        List<EntityTag> chinese = TAGGER.tag("", "柬埔寨警方在西哈努克港解救了一批马来西亚和印度尼西亚籍劳工");

        assertThat(thai).extracting(EntityTag::id).containsExactlyInAnyOrder("TH", "KH", "MM");
        // 印度尼西亚 is Indonesia, not India (印度) followed by other characters
        assertThat(chinese).extracting(EntityTag::id).containsExactlyInAnyOrder("KH", "MY", "ID");
    }

    @Test
    void decomposedVietnameseIsMatchedAndOffsetsCoverTheOriginal() {
        String text = Normalizer.normalize("Công an Hà Nội phối hợp với Lào và Campuchia.", Normalizer.Form.NFD);

        List<EntityTag> tags = TAGGER.tag("", text);

        assertThat(tags).extracting(EntityTag::id).containsExactly("VN", "LA", "KH");
        assertEvidencePointsAtText(tags, "", text);
    }

    @Test
    void evidenceOfAMultilingualArticlePointsAtTheText() {
        String title = "Malaysian police bust Laos-based syndicate";
        String text = """
                KUALA LUMPUR: Police have crippled a syndicate that smuggled syabu from the Golden
                Triangle through Thailand into Malaysia, with members in Viet Nam, the Philippines
                and Hà Nội. Polis juga menahan dua warga negara Indonesia. 警方表示，部分毒品运往澳洲。
                ตำรวจไทยให้ความร่วมมือ""";

        List<EntityTag> tags = TAGGER.tag(title, text);

        assertThat(tags).extracting(EntityTag::id)
                .containsExactlyInAnyOrder("MY", "LA", "TH", "MM", "VN", "PH", "ID", "AU");
        assertEvidencePointsAtText(tags, title, text);
    }

    @Test
    void tagsAreSortedByNumberOfMentions() {
        List<EntityTag> tags = TAGGER.tag("Cambodia deports Thai suspects",
                "Thai police said the Thai suspects had worked in Cambodia. Thailand thanked Phnom Penh and Vientiane.");

        assertThat(tags).extracting(EntityTag::id).containsExactly("TH", "KH", "LA");
        assertThat(tags).extracting(tag -> tag.evidence().size()).containsExactly(4, 3, 1);
    }

    @Test
    void aMalformedGazetteerLineFailsTheLoadWithFileLineAndReason() throws IOException {
        Path file = dir.resolve("countries.tsv");
        Files.writeString(file, "MY\tname\tMalaysia\nUK\tname\tBritain\n");

        assertThatThrownBy(() -> CountryTagger.load(file))
                .isInstanceOf(GazetteerException.class)
                .hasMessage(file + ", line 2: unknown country id 'UK' (an ISO 3166-1 alpha-2 code in capitals, or EU)");
    }

    private static List<Evidence> evidenceOf(List<EntityTag> tags, String code) {
        return tags.stream().filter(tag -> tag.id().equals(code)).findFirst()
                .map(EntityTag::evidence).orElse(List.of());
    }

    static void assertEvidencePointsAtText(List<EntityTag> tags, String title, String text) {
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
