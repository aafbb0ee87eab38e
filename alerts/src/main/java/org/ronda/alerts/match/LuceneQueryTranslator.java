package org.ronda.alerts.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.ronda.query.QueryField;
import org.ronda.query.QueryNode;
import org.ronda.segment.Segmenter;

/**
 * Turns a {@link QueryNode} of the researchers' query language into a Lucene query over an
 * {@link ArticleDocument}, with the meaning the search service gives it in Elasticsearch: an
 * unfielded word must appear (after the same standard analysis) in the title or the text, a word
 * that the analyser splits needs all its parts, a phrase its words adjacent and in order, and words
 * in unspaced scripts also match their segmented form. A subscription therefore alerts on exactly
 * the articles its query finds in search.
 */
public final class LuceneQueryTranslator {

    private final Analyzer analyzer;

    /** @param analyzer the analyser the article documents are indexed with ({@link ArticleDocument#analyzer()}) */
    public LuceneQueryTranslator(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The Lucene query for {@code node}. */
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
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean positive = false;
            for (QueryNode operand : and.operands()) {
                if (operand instanceof QueryNode.Not not) {
                    b.add(toQuery(not.operand()), Occur.MUST_NOT);
                } else {
                    b.add(toQuery(operand), Occur.MUST);
                    positive = true;
                }
            }
            if (!positive) {
                b.add(new MatchAllDocsQuery(), Occur.MUST);
            }
            return b.build();
        }
        if (node instanceof QueryNode.Or or) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            or.operands().forEach(o -> b.add(toQuery(o), Occur.SHOULD));
            return b.build();
        }
        QueryNode.Not not = (QueryNode.Not) node;
        // As in Elasticsearch, a query that only excludes matches everything else.
        return new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.MUST)
                .add(toQuery(not.operand()), Occur.MUST_NOT)
                .build();
    }

    private Query word(QueryField field, String text) {
        if (field == null) {
            return orSegmented(text, either(allOf(ArticleDocument.TITLE, text), allOf(ArticleDocument.TEXT, text)));
        }
        if (field.isText()) {
            return allOf(field.documentField(), text);
        }
        return term(field, text);
    }

    private Query phrase(QueryField field, String text) {
        if (field == null) {
            return orSegmented(text, either(phraseOf(ArticleDocument.TITLE, text), phraseOf(ArticleDocument.TEXT, text)));
        }
        if (field.isText()) {
            return phraseOf(field.documentField(), text);
        }
        return term(field, text);
    }

    private static Query prefix(QueryField field, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (field == null) {
            return either(new PrefixQuery(new Term(ArticleDocument.TITLE, lower)), new PrefixQuery(new Term(ArticleDocument.TEXT, lower)));
        }
        String value = field.isText() ? lower : field.normalise(text);
        return new PrefixQuery(new Term(field.documentField(), value));
    }

    private Query orSegmented(String text, Query standard) {
        if (!Segmenter.hasUnspacedScript(text)) {
            return standard;
        }
        return either(standard, phraseOf(ArticleDocument.SEGMENTED, Segmenter.segment(text)));
    }

    /** Every token of {@code text} in {@code field} (the "operator and" of a match query). */
    private Query allOf(String field, String text) {
        List<String> tokens = tokens(field, text);
        if (tokens.isEmpty()) {
            return new MatchNoDocsQuery("no searchable word in " + text);
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0)));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        tokens.forEach(t -> b.add(new TermQuery(new Term(field, t)), Occur.MUST));
        return b.build();
    }

    private Query phraseOf(String field, String text) {
        List<String> tokens = tokens(field, text);
        if (tokens.isEmpty()) {
            return new MatchNoDocsQuery("no searchable word in " + text);
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0)));
        }
        return new PhraseQuery(field, tokens.toArray(String[]::new));
    }

    private static Query either(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, Occur.SHOULD).add(b, Occur.SHOULD).build();
    }

    private static Query term(QueryField field, String text) {
        return new TermQuery(new Term(field.documentField(), field.normalise(text)));
    }

    private List<String> tokens(String field, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a query string in memory", e);
        }
        return tokens;
    }
}
