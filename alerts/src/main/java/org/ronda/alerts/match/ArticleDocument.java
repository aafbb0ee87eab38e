package org.ronda.alerts.match;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EntityTag;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.TopicTag;
import org.ronda.segment.Segmenter;

/**
 * An enriched article as the Lucene document that subscriptions are matched against. Field names
 * and analysis follow the search index (index module's ArticleDocuments and mapping): standard
 * analysis on {@code title} and {@code text}, whitespace on {@code segmented}, exact keywords for
 * topics, countries, organisations, language and outlet.
 */
public final class ArticleDocument {

    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String SEGMENTED = "segmented";
    static final String TOPICS = "topics";
    static final String COUNTRIES = "countries";
    static final String ORGANISATIONS = "organisations";
    static final String LANGUAGE = "language";
    static final String OUTLET = "outlet";

    private ArticleDocument() {
    }

    /** The analyser for every field of these documents. */
    public static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(SEGMENTED, new WhitespaceAnalyzer()));
    }

    /** The document for {@code event}. */
    public static Document of(EnrichedArticle event) {
        RawArticle a = event.article();
        Document doc = new Document();
        doc.add(new TextField(TITLE, a.title() == null ? "" : a.title(), Field.Store.NO));
        doc.add(new TextField(TEXT, a.text() == null ? "" : a.text(), Field.Store.NO));
        String all = a.title() + "\n" + a.text();
        if (Segmenter.hasUnspacedScript(all)) {
            doc.add(new TextField(SEGMENTED, Segmenter.segment(all), Field.Store.NO));
        }
        for (TopicTag t : event.enrichment().topics()) {
            doc.add(new StringField(TOPICS, t.topic(), Field.Store.NO));
        }
        for (EntityTag c : event.enrichment().countries()) {
            doc.add(new StringField(COUNTRIES, c.id(), Field.Store.NO));
        }
        for (EntityTag o : event.enrichment().organisations()) {
            doc.add(new StringField(ORGANISATIONS, o.id(), Field.Store.NO));
        }
        if (event.enrichment().language() != null) {
            doc.add(new StringField(LANGUAGE, event.enrichment().language(), Field.Store.NO));
        }
        doc.add(new StringField(OUTLET, a.source().outlet(), Field.Store.NO));
        return doc;
    }
}
