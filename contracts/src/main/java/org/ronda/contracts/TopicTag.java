package org.ronda.contracts;

import java.util.List;

/**
 * A taxonomy topic attached to an article, with the score and the evidence that put it there. A
 * tag without evidence is a defect, so the constructor refuses one.
 */
public record TopicTag(String topic, double score, List<Evidence> evidence) {

    public TopicTag {
        if (!Taxonomy.isTopic(topic)) {
            throw new InvalidEventException("unknown topic id " + topic);
        }
        if (evidence == null || evidence.isEmpty()) {
            throw new InvalidEventException("topic " + topic + " has no evidence");
        }
        evidence = List.copyOf(evidence);
    }
}
