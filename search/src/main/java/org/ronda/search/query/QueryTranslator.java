package org.ronda.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.util.List;
import org.ronda.query.QueryField;
import org.ronda.query.QueryNode;
import java.util.Locale;
import org.ronda.segment.Segmenter;

/**
 * Turns a {@link QueryNode} into an Elasticsearch query. Unfielded words and phrases search the
 * title (weight 2) and the body text; keyword fields get exact term or prefix queries. Only
 * match, match_phrase, multi_match, prefix, term and bool are used: all of them exist in the
 * minimal Elasticsearch distribution as in the full one.
 */
public final class QueryTranslator {

    /** Title matches count twice as much as body matches. */
    static final String TITLE_BOOSTED = "title^2";
    private static final float TITLE_BOOST = 2.0f;

    /** The Elasticsearch query for {@code node}. */
    public Query toQuery(QueryNode node) {
        if (node instanceof QueryNode.Word w) {
            return word(w.field(), w.text());
        }
        if (node instanceof QueryNode.Phrase p) {
            return phrase(p.field(), p.text());
        }
        if (node instanceof QueryNode.Prefix p) {
            return prefix(p.field(), p.text());
        }
        if (node instanceof QueryNode.And and) {
            return Query.of(q -> q.bool(b -> and(b, and.operands())));
        }
        if (node instanceof QueryNode.Or or) {
            return Query.of(q -> q.bool(b -> b.should(or.operands().stream().map(this::toQuery).toList()).minimumShouldMatch("1")));
        }
        QueryNode.Not not = (QueryNode.Not) node;
        return Query.of(q -> q.bool(b -> b.mustNot(toQuery(not.operand()))));
    }

    private BoolQuery.Builder and(BoolQuery.Builder b, List<QueryNode> operands) {
        for (QueryNode operand : operands) {
            if (operand instanceof QueryNode.Not not) {
                b.mustNot(toQuery(not.operand()));
            } else {
                b.must(toQuery(operand));
            }
        }
        return b;
    }

    private static Query word(QueryField field, String text) {
        if (field == null) {
            return orSegmented(text, Query.of(q -> q.multiMatch(m -> m.query(text).fields(TITLE_BOOSTED, "text").operator(Operator.And))));
        }
        if (field.isText()) {
            return Query.of(q -> q.match(m -> m.field(field.documentField()).query(text).operator(Operator.And)));
        }
        return term(field, text);
    }

    private static Query phrase(QueryField field, String text) {
        if (field == null) {
            return orSegmented(text, Query.of(q -> q.multiMatch(m -> m.query(text).fields(TITLE_BOOSTED, "text").type(TextQueryType.Phrase))));
        }
        if (field.isText()) {
            return Query.of(q -> q.matchPhrase(m -> m.field(field.documentField()).query(text)));
        }
        return term(field, text);
    }

    private static Query prefix(QueryField field, String text) {
        // The standard analyzer lower-cases indexed words; prefix queries are not analysed.
        String lower = text.toLowerCase(Locale.ROOT);
        if (field == null) {
            return Query.of(q -> q.bool(b -> b
                    .should(s -> s.prefix(p -> p.field("title").value(lower).boost(TITLE_BOOST)))
                    .should(s -> s.prefix(p -> p.field("text").value(lower)))
                    .minimumShouldMatch("1")));
        }
        String value = field.isText() ? lower : field.normalise(text);
        return Query.of(q -> q.prefix(p -> p.field(field.documentField()).value(value)));
    }

    /**
     * For words in Thai, Lao, Khmer, Burmese or Chinese, also the same words segmented as the indexer
     * segments them, as a phrase on the whitespace-analysed {@code segmented} field.
     */
    private static Query orSegmented(String text, Query standard) {
        if (!Segmenter.hasUnspacedScript(text)) {
            return standard;
        }
        String words = Segmenter.segment(text);
        return Query.of(q -> q.bool(b -> b.should(standard)
                .should(s -> s.matchPhrase(m -> m.field("segmented").query(words)))
                .minimumShouldMatch("1")));
    }

    private static Query term(QueryField field, String text) {
        return Query.of(q -> q.term(t -> t.field(field.documentField()).value(field.normalise(text))));
    }
}
