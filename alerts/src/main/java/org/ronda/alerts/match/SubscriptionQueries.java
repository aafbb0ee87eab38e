package org.ronda.alerts.match;

import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.ronda.contracts.Subscription;
import org.ronda.query.QueryParser;

/**
 * The Lucene query of a subscription: every criterion it sets must hold (AND); within a criterion
 * any of the listed values will do (OR); its query, when set, must match too. Values are normalised
 * as the indexer stores them (topic and language ids lower case, country codes upper case,
 * organisation ids lower case, outlet names as written).
 */
public final class SubscriptionQueries {

    private final QueryParser parser = new QueryParser();
    private final LuceneQueryTranslator translator;

    public SubscriptionQueries(LuceneQueryTranslator translator) {
        this.translator = translator;
    }

    /**
     * The query for {@code s}; throws {@link org.ronda.query.QuerySyntaxException} when its query
     * does not parse.
     */
    public Query toQuery(Subscription s) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        anyOf(b, ArticleDocument.TOPICS, s.topics(), v -> v.toLowerCase(java.util.Locale.ROOT));
        anyOf(b, ArticleDocument.COUNTRIES, s.countries(), v -> v.toUpperCase(java.util.Locale.ROOT));
        anyOf(b, ArticleDocument.ORGANISATIONS, s.organisations(), v -> v.toLowerCase(java.util.Locale.ROOT));
        anyOf(b, ArticleDocument.LANGUAGE, s.languages(), v -> v.toLowerCase(java.util.Locale.ROOT));
        anyOf(b, ArticleDocument.OUTLET, s.outlets(), UnaryOperator.identity());
        if (s.query() != null) {
            b.add(translator.toQuery(parser.parse(s.query())), Occur.MUST);
        }
        return b.build();
    }

    private static void anyOf(BooleanQuery.Builder b, String field, List<String> values, UnaryOperator<String> normalise) {
        if (values.isEmpty()) {
            return;
        }
        if (values.size() == 1) {
            b.add(new TermQuery(new Term(field, normalise.apply(values.get(0)))), Occur.MUST);
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, normalise.apply(v))), Occur.SHOULD));
        b.add(any.build(), Occur.MUST);
    }
}
