package org.ronda.alerts.story;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ronda.contracts.Alert;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EntityTag;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.TopicTag;

/** What a subscriber is shown of an article. */
public final class AlertArticles {

    /** Snippets end at the sentence that crosses this many characters. */
    static final int SNIPPET_CHARS = 300;

    /** Evidence kept per topic in an alert; the article in search has all of it. */
    static final int EVIDENCE_PER_TOPIC = 5;

    private AlertArticles() {
    }

    /** The alert view of {@code event}, with {@code snippet} or else the opening sentences. */
    public static Alert.AlertArticle of(EnrichedArticle event, String snippet) {
        RawArticle a = event.article();
        return new Alert.AlertArticle(event.articleId(), a.title(), a.source().outlet(), a.source().country(), a.url(),
                a.publishedAt(), event.enrichment().language(), topics(event.enrichment().topics()),
                event.enrichment().countries().stream().map(EntityTag::id).toList(),
                snippet != null ? snippet : opening(a.text(), event.enrichment().language()));
    }

    /** Each topic with at most {@link #EVIDENCE_PER_TOPIC} pieces of evidence: enough to show why, small enough to fan out. */
    static List<TopicTag> topics(List<TopicTag> topics) {
        List<TopicTag> out = new ArrayList<>(topics.size());
        for (TopicTag t : topics) {
            out.add(t.evidence().size() <= EVIDENCE_PER_TOPIC ? t
                    : new TopicTag(t.topic(), t.score(), t.evidence().subList(0, EVIDENCE_PER_TOPIC)));
        }
        return out;
    }

    /** Whole sentences from the start of {@code text}, stopping after about {@link #SNIPPET_CHARS} characters. */
    static String opening(String text, String language) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= SNIPPET_CHARS) {
            return t;
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(language == null ? Locale.ROOT : Locale.forLanguageTag(language));
        sentences.setText(t);
        int end = sentences.following(Math.min(SNIPPET_CHARS / 2, t.length() - 1));
        if (end == BreakIterator.DONE || end > SNIPPET_CHARS + 100) {
            int cut = t.lastIndexOf(' ', SNIPPET_CHARS);
            return t.substring(0, cut > 0 ? cut : SNIPPET_CHARS) + " …";
        }
        return t.substring(0, end).strip();
    }
}
