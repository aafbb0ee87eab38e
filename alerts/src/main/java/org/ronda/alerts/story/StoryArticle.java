package org.ronda.alerts.story;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.ronda.contracts.EventCodec;

/**
 * What one article counted for in the story book: a value of the compacted topic
 * {@code ronda.alerts.stories}, written by the match loop in the transaction of the article's alerts,
 * keyed by {@link #key()}. One record per article (split past {@link #MAX_DECISIONS}) rather than one
 * {@link StoryRecord} per subscription and story: a broad article made hundreds of those, and writing
 * them was a quarter of the match loop's time (decision 32). The book is rebuilt from these records
 * (and from {@link StoryRecord}s written before them) by {@link StoryBook#restore(StoryArticle)}.
 *
 * @param clusterId the story
 * @param articleId the article counted
 * @param outlet    its outlet
 * @param decisions each subscription it was counted for, with the revision and story size that made
 */
public record StoryArticle(String clusterId, String articleId, String outlet, List<Decision> decisions) {

    /** Decisions per record: about 60 bytes each, so a record stays near 60 KB. */
    public static final int MAX_DECISIONS = 1000;

    public StoryArticle {
        decisions = List.copyOf(decisions);
    }

    /**
     * @param subscriptionId the subscription
     * @param revision       the revision this article made for it
     * @param storyArticles  the story's articles counted for it, this one included
     */
    public record Decision(String subscriptionId, int revision, int storyArticles) {
    }

    /**
     * The record's key: story, article and first subscription, so that a later record for the same
     * article (new subscriptions matching it after a re-enrichment) or another part of a split one
     * does not replace it under compaction.
     */
    public String key() {
        return clusterId + "/" + articleId + "/" + (decisions.isEmpty() ? "" : decisions.get(0).subscriptionId());
    }

    /** Records for {@code decisions} of one article, at most {@link #MAX_DECISIONS} each; empty when there is none. */
    public static List<StoryArticle> split(String clusterId, String articleId, String outlet, List<Decision> decisions) {
        List<StoryArticle> parts = new ArrayList<>();
        for (int from = 0; from < decisions.size(); from += MAX_DECISIONS) {
            parts.add(new StoryArticle(clusterId, articleId, outlet, decisions.subList(from, Math.min(decisions.size(), from + MAX_DECISIONS))));
        }
        return parts;
    }

    /** The JSON {@link EventCodec#encode} writes for this record (a test compares them), from the streaming generator. */
    public String json() {
        StringWriter out = new StringWriter(128 + 64 * decisions.size());
        try (JsonGenerator g = EventCodec.mapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("clusterId", clusterId);
            g.writeStringField("articleId", articleId);
            g.writeStringField("outlet", outlet);
            g.writeArrayFieldStart("decisions");
            for (Decision d : decisions) {
                g.writeStartObject();
                g.writeStringField("subscriptionId", d.subscriptionId());
                g.writeNumberField("revision", d.revision());
                g.writeNumberField("storyArticles", d.storyArticles());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return out.toString();
    }
}
