package org.ronda.enrich.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Pure logic: near-duplicate stories share a cluster, different stories do not. */
class StoryClustererTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final String WIRE = "KUALA LUMPUR: Police have crippled an investment scam syndicate that cheated more than 300 "
            + "victims of RM12 million through a fake trading application, the federal commercial crime investigation "
            + "department said on Monday. Its director said 14 people, including three foreigners, were detained in raids "
            + "in Selangor and Johor, and 40 mule accounts used to move the proceeds were frozen. The syndicate promised "
            + "returns of up to 30 per cent a week and recruited victims through social media advertisements.";

    private final StoryClusterer clusterer = new StoryClusterer(Duration.ofDays(3), 0.5);

    @Test
    void aSyndicatedCopyWithSmallEditsJoinsTheFirstArticlesCluster() {
        StoryClusterer.Assignment first = clusterer.assign("a1", "Police cripple investment scam syndicate", WIRE, T0);
        String rewritten = WIRE.replace("said on Monday", "said yesterday").replace("KUALA LUMPUR: ", "")
                + " Members of the public are advised to check licences with the Securities Commission.";

        StoryClusterer.Assignment copy = clusterer.assign("a2", "RM12mil investment scam syndicate crippled, 14 held", rewritten,
                T0.plusSeconds(3600));

        assertThat(first.first()).isTrue();
        assertThat(first.clusterId()).isEqualTo("c-a1");
        assertThat(copy.clusterId()).isEqualTo("c-a1");
        assertThat(copy.first()).isFalse();
    }

    @Test
    void aDifferentStoryStartsItsOwnCluster() {
        clusterer.assign("a1", "Police cripple investment scam syndicate", WIRE, T0);

        StoryClusterer.Assignment other = clusterer.assign("b1", "Flash floods close roads in Kelantan",
                "Flash floods forced the closure of 12 roads in Kelantan on Tuesday after heavy overnight rain, the public "
                        + "works department said. More than 2,000 people were moved to relief centres in Kota Bharu and "
                        + "Pasir Mas as the Kelantan river rose above its danger level.", T0.plusSeconds(60));

        assertThat(other.clusterId()).isEqualTo("c-b1");
        assertThat(other.first()).isTrue();
    }

    @Test
    void assigningTheSameArticleAgainGivesItsFirstAnswer() {
        clusterer.assign("a1", "Police cripple investment scam syndicate", WIRE, T0);
        clusterer.assign("a2", "Scam syndicate crippled", WIRE, T0.plusSeconds(10));

        assertThat(clusterer.assign("a2", "Scam syndicate crippled", WIRE, T0.plusSeconds(20)))
                .isEqualTo(new StoryClusterer.Assignment("c-a1", false));
        assertThat(clusterer.assign("a1", "anything", "else", T0.plusSeconds(30)))
                .isEqualTo(new StoryClusterer.Assignment("c-a1", true));
    }

    @Test
    void copiesOutsideTheWindowStartANewCluster() {
        clusterer.assign("a1", "Police cripple investment scam syndicate", WIRE, T0);

        StoryClusterer.Assignment late = clusterer.assign("a9", "Police cripple investment scam syndicate", WIRE,
                T0.plus(Duration.ofDays(4)));

        assertThat(late.clusterId()).isEqualTo("c-a9");
        assertThat(clusterer.size()).isEqualTo(1);
    }

    @Test
    void thaiCopiesClusterWithoutSpacesBetweenWords() {
        String thai = "ตำรวจไซเบอร์จับกุมแก๊งคอลเซ็นเตอร์ที่หลอกลวงผู้เสียหายกว่าสามร้อยรายมูลค่าความเสียหายกว่าห้าสิบล้านบาท"
                + "โดยผู้ต้องหาใช้บัญชีม้าในการโอนเงินออกไปยังต่างประเทศเจ้าหน้าที่ได้อายัดบัญชีแล้วสี่สิบบัญชี";

        clusterer.assign("t1", "ตำรวจจับแก๊งคอลเซ็นเตอร์", thai, T0);
        StoryClusterer.Assignment copy = clusterer.assign("t2", "รวบแก๊งคอลเซ็นเตอร์", thai + "ล่าสุดยังไม่มีการแถลงเพิ่มเติม", T0);

        assertThat(copy.clusterId()).isEqualTo("c-t1");
    }

    @Test
    void tooShortTextsNeverJoinByAccident() {
        clusterer.assign("s1", "Brief", "", T0);

        assertThat(clusterer.assign("s2", "Brief", "", T0).clusterId()).isEqualTo("c-s2");
    }
}
