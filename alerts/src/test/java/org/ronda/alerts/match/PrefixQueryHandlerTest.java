package org.ronda.alerts.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ronda.alerts.TestArticles.article;
import static org.ronda.alerts.TestArticles.subId;
import static org.ronda.alerts.TestArticles.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.PrefixQuery;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Subscription;

/** Prefix queries filtered by their first code points in the monitor's presearcher, in memory. */
class PrefixQueryHandlerTest {

    private final EnrichedArticle drugs = article("Record methamphetamine seizure in Laos",
            "Customs officers seized 55 million tablets of methamphetamine in Bokeo province.")
            .language("en").outlet("Vientiane Daily", "LA").topic("drugs").country("LA").build();

    private static Monitor monitor() throws Exception {
        return new Monitor(ArticleDocument.analyzer(), new MultipassTermFilteredPresearcher(2, 0f,
                TermFilteredPresearcher.DEFAULT_WEIGHTOR, List.of(new PrefixQueryHandler(4)), Set.of()));
    }

    private static MatchingQueries<QueryMatch> match(Monitor m, EnrichedArticle a) throws Exception {
        return m.match(ArticleDocument.of(a), QueryMatch.SIMPLE_MATCHER);
    }

    @Test
    void aPrefixQueryRunsOnlyOnArticlesWithATermThatStartsLikeIt() throws Exception {
        try (Monitor m = monitor()) {
            m.register(new MonitorQuery("meth", new PrefixQuery(new Term(ArticleDocument.TEXT, "metha"))),
                    new MonitorQuery("heroin", new PrefixQuery(new Term(ArticleDocument.TEXT, "hero"))),
                    new MonitorQuery("customs-long", new PrefixQuery(new Term(ArticleDocument.TEXT, "customsofficer"))));

            MatchingQueries<QueryMatch> result = match(m, drugs);

            assertThat(result.getMatches()).extracting(QueryMatch::getQueryId).containsExactly("meth");
            // "customsofficer" shares its key "cust" with "customs": a candidate that the query itself refuses.
            assertThat(result.getQueriesRun()).as("heroin has no term starting with 'hero' to meet").isEqualTo(2);
        }
    }

    @Test
    void withoutTheHandlerEveryPrefixQueryRunsOnEveryArticle() throws Exception {
        try (Monitor m = new Monitor(ArticleDocument.analyzer(), new MultipassTermFilteredPresearcher(2))) {
            m.register(new MonitorQuery("meth", new PrefixQuery(new Term(ArticleDocument.TEXT, "metha"))),
                    new MonitorQuery("heroin", new PrefixQuery(new Term(ArticleDocument.TEXT, "hero"))));
            assertThat(match(m, drugs).getQueriesRun()).isEqualTo(2);
        }
    }

    @Test
    void keysCountCodePointsNotCharsAndShortPrefixesAreTheirOwnKey() throws Exception {
        assertThat(PrefixQueryHandler.head("methamphetamine", 4)).isEqualTo("meth");
        assertThat(PrefixQueryHandler.head("me", 4)).isEqualTo("me");
        String gothic = "\uD800\uDF30\uD800\uDF31\uD800\uDF32";
        assertThat(PrefixQueryHandler.head(gothic, 2)).isEqualTo("\uD800\uDF30\uD800\uDF31");
        assertThatThrownBy(() -> new PrefixQueryHandler(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longArticlesWithManyKeysDoNotOverflowPositionIncrements() throws Exception {
        // Many article terms and many keys met: the presearcher's filter adds the positions it skips
        // to the next accepted token, which once overflowed when keys kept the previous increment.
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder w = new StringBuilder();
            for (int j = 0; j < 4 + random.nextInt(6); j++) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            words.add(w.toString());
            text.append(w).append(' ');
        }
        EnrichedArticle longOne = article("Long", text.toString()).build();
        BruteForceMatcher brute = new BruteForceMatcher();
        try (SubscriptionMatcher m = new SubscriptionMatcher()) {
            for (int i = 0; i < 400; i++) {
                String w = words.get(random.nextInt(words.size()));
                String query = (i % 2 == 0 ? w.substring(0, 1 + random.nextInt(w.length())) : w.substring(0, 2) + "zz") + "*";
                Subscription s = subscription(subId(i), query, List.of(), List.of());
                m.saved(s);
                brute.add(s);
            }
            Set<String> expected = brute.match(longOne);
            assertThat(expected).hasSizeGreaterThanOrEqualTo(200);
            assertThat(m.match(longOne)).isEqualTo(expected);
            assertThat(m.matchAll(List.of(longOne, drugs))).containsExactly(expected, brute.match(drugs));
        }
    }

    @Test
    void fieldedPrefixesOnKeywordsAndUnspacedScriptsAgreeWithBruteForce() throws Exception {
        EnrichedArticle thai = article("ตำรวจบุกจับแก๊งคอลเซ็นเตอร์", "ตำรวจไทยจับกุมแก๊งคอลเซ็นเตอร์ที่หลอกลวงประชาชน")
                .language("th").outlet("Thai Wire", "TH").topic("scam").country("TH").build();
        List<String> queries = List.of("outlet:Vien*", "outlet:Thai*", "title:reco*", "text:reco*", "m*", "me*", "metham*",
                "methamphetamines*", "ตำรวจ*", "country:L*", "lang:t*", "x*", "seiz* -bokeo", "(tabl* OR hero*) customs");
        BruteForceMatcher brute = new BruteForceMatcher();
        try (SubscriptionMatcher m = new SubscriptionMatcher()) {
            for (int i = 0; i < queries.size(); i++) {
                Subscription s = subscription(subId(i), queries.get(i), List.of(), List.of());
                m.saved(s);
                brute.add(s);
            }
            for (EnrichedArticle a : List.of(drugs, thai)) {
                assertThat(m.match(a)).as(a.article().title()).isEqualTo(brute.match(a));
            }
            assertThat(m.match(drugs)).contains(subId(0), subId(2), subId(4), subId(5), subId(6), subId(9), subId(13))
                    .doesNotContain(subId(1), subId(3), subId(7), subId(10), subId(11), subId(12));
        }
    }

    @Test
    void aPrefixOnAKeywordFieldIsKeyedOnTheKeywordsToo() throws Exception {
        Document doc = ArticleDocument.of(article("Raid", "Police freed workers.").topic("scam").build());
        try (Monitor m = monitor()) {
            m.register(new MonitorQuery("t", new PrefixQuery(new Term(ArticleDocument.TOPICS, "sc"))));
            m.register(new MonitorQuery("u", new PrefixQuery(new Term(ArticleDocument.TOPICS, "dr"))));
            MatchingQueries<QueryMatch> result = m.match(doc, QueryMatch.SIMPLE_MATCHER);
            assertThat(result.getMatches()).extracting(QueryMatch::getQueryId).containsExactly("t");
            assertThat(result.getQueriesRun()).isEqualTo(1);
        }
    }
}
