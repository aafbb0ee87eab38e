package org.ronda.alerts.story;

import java.text.BreakIterator;
import java.util.Locale;
import org.ronda.contracts.Alert;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EntityTag;
import org.ronda.contracts.RawArticle;

/** What a subscriber is shown of an article. */
public final class AlertArticles {

    /** Snippets end at the sentence that crosses this many characters. */
    static final int SNIPPET_CHARS = 300;

    private AlertArticles() {
    }

    /** The alert view of {@code event}, with {@code snippet} or else the opening sentences. */
    public static Alert.AlertArticle of(EnrichedArticle event, String snippet) {
        RawArticle a = event.article();
        return new Alert.AlertArticle(event.articleId(), a.title(), a.source().outlet(), a.source().country(), a.url(),
                a.publishedAt(), event.enrichment().language(), event.enrichment().topics(),
                event.enrichment().countries().stream().map(EntityTag::id).toList(),
                snippet != null ? snippet : opening(a.text(), event.enrichment().language()));
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
