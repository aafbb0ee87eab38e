package org.ronda.alerts.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronda.alerts.TestArticles.article;
import static org.ronda.alerts.TestArticles.subId;
import static org.ronda.alerts.TestArticles.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Subscription;

/** Lucene's monitor and the brute-force loop, in memory: no engine. */
class SubscriptionMatcherTest {

    private final EnrichedArticle scamRaid = article("Police raid scam compound in Myawaddy",
            "Thai and Myanmar police freed 200 workers from an online scam centre near the border. Interpol helped.")
            .topic("scam").topic("human-trafficking").country("TH").country("MM").organisation("interpol").build();
    private final EnrichedArticle drugs = article("Record methamphetamine seizure in Laos",
            "Customs officers seized 55 million tablets of methamphetamine in Bokeo province.")
            .language("en").outlet("Vientiane Daily", "LA").topic("drugs").country("LA").build();
    private final EnrichedArticle thai = article("ตำรวจบุกจับแก๊งคอลเซ็นเตอร์", "ตำรวจไทยจับกุมแก๊งคอลเซ็นเตอร์ที่หลอกลวงประชาชน")
            .language("th").outlet("Thai Wire", "TH").topic("scam").country("TH").build();

    @Test
    void criteriaCombineWithAndAndValuesWithOr() throws Exception {
        try (SubscriptionMatcher m = new SubscriptionMatcher()) {
            m.saved(subscription(subId(1), null, List.of("scam"), List.of()));
            m.saved(subscription(subId(2), null, List.of("scam"), List.of("LA")));
            m.saved(subscription(subId(3), null, List.of("drugs", "scam"), List.of("la", "KH")));
            m.saved(subscription(subId(4), "methamphetamine AND customs", List.of(), List.of()));
            m.saved(subscription(subId(5), "\"scam centre\" -interpol", List.of(), List.of()));
            m.saved(subscription(subId(6), "org:interpol OR lang:th", List.of(), List.of()));

            assertThat(m.match(scamRaid)).containsExactlyInAnyOrder(subId(1), subId(6));
            assertThat(m.match(drugs)).containsExactlyInAnyOrder(subId(3), subId(4));
            assertThat(m.match(thai)).containsExactlyInAnyOrder(subId(1), subId(6));
            assertThat(m.size()).isEqualTo(6);
        }
    }

    @Test
    void phrasesPrefixesAndUnspacedScriptsMeanWhatTheyMeanInSearch() throws Exception {
        try (SubscriptionMatcher m = new SubscriptionMatcher()) {
            m.saved(subscription(subId(1), "\"online scam centre\"", List.of(), List.of()));
            m.saved(subscription(subId(2), "\"scam online centre\"", List.of(), List.of()));
            m.saved(subscription(subId(3), "metham*", List.of(), List.of()));
            m.saved(subscription(subId(4), "title:myawaddy", List.of(), List.of()));
            m.saved(subscription(subId(5), "text:myawaddy", List.of(), List.of()));
            m.saved(subscription(subId(6), "คอลเซ็นเตอร์", List.of(), List.of()));
            m.saved(subscription(subId(7), "outlet:\"Vientiane Daily\"", List.of(), List.of()));

            assertThat(m.match(scamRaid)).containsExactlyInAnyOrder(subId(1), subId(4));
            assertThat(m.match(drugs)).containsExactlyInAnyOrder(subId(3), subId(7));
            assertThat(m.match(thai)).containsExactly(subId(6));
        }
    }

    @Test
    void changedAndDeletedSubscriptionsStopMatching() throws Exception {
        try (SubscriptionMatcher m = new SubscriptionMatcher()) {
            m.saved(subscription(subId(1), "methamphetamine", List.of(), List.of()));
            assertThat(m.match(drugs)).containsExactly(subId(1));
            m.saved(subscription(subId(1), "heroin", List.of(), List.of()));
            assertThat(m.match(drugs)).isEmpty();
            m.saved(subscription(subId(1), "bokeo", List.of(), List.of()));
            assertThat(m.match(drugs)).containsExactly(subId(1));
            m.deleted(subId(1));
            assertThat(m.match(drugs)).isEmpty();
            assertThat(m.size()).isZero();
        }
    }

    @Test
    void agreesWithTheBruteForceLoopOnRandomSubscriptions() throws Exception {
        List<String> words = List.of("scam", "police", "methamphetamine", "border", "customs", "workers", "raid", "laos",
                "\"scam centre\"", "interpol", "tablets", "freed", "seized", "traffick*", "metha*", "topic:scam",
                "country:TH", "country:LA", "lang:th", "org:interpol", "คอลเซ็นเตอร์");
        List<String> topics = List.of("scam", "drugs", "human-trafficking", "money-laundering");
        List<String> countries = List.of("TH", "MM", "LA", "KH");
        Random random = new Random(42);
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String query = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> words.get(random.nextInt(words.size()));
                case 2 -> words.get(random.nextInt(words.size())) + " AND " + words.get(random.nextInt(words.size()));
                default -> "(" + words.get(random.nextInt(words.size())) + " OR " + words.get(random.nextInt(words.size())) + ") -"
                        + words.get(random.nextInt(words.size()));
            };
            List<String> t = random.nextInt(3) == 0 ? List.of(topics.get(random.nextInt(topics.size()))) : List.of();
            List<String> c = random.nextInt(3) == 0 ? List.of(countries.get(random.nextInt(countries.size()))) : List.of();
            if (query == null && t.isEmpty() && c.isEmpty()) {
                t = List.of(topics.get(random.nextInt(topics.size())));
            }
            subs.add(subscription(subId(i), query, t, c));
        }
        BruteForceMatcher brute = new BruteForceMatcher();
        int matched = 0;
        try (SubscriptionMatcher m = new SubscriptionMatcher()) {
            subs.forEach(s -> {
                m.saved(s);
                brute.add(s);
            });
            List<EnrichedArticle> articles = List.of(scamRaid, drugs, thai);
            List<Set<String>> batch = m.matchAll(articles);
            for (int i = 0; i < articles.size(); i++) {
                Set<String> expected = brute.match(articles.get(i));
                assertThat(m.match(articles.get(i))).isEqualTo(expected);
                assertThat(batch.get(i)).isEqualTo(expected);
                matched += expected.size();
            }
        }
        assertThat(matched).as("the random subscriptions match something, so agreement means something").isGreaterThan(50);
    }
}
