package org.ronda.contracts;

import java.util.List;
import java.util.Set;

/**
 * The topic ids of the transnational-crime taxonomy (shared/docs/TAXONOMY.md). Ids are stable:
 * they appear in events, documents, subscriptions and URLs.
 */
public final class Taxonomy {

    /** Every topic id, in the order of the taxonomy table. */
    public static final List<String> TOPIC_IDS = List.of(
            "scam",
            "drugs",
            "human-trafficking",
            "migrant-smuggling",
            "money-laundering",
            "cybercrime",
            "terrorism",
            "arms-smuggling",
            "maritime-piracy",
            "wildlife-trafficking",
            "economic-crime");

    private static final Set<String> IDS = Set.copyOf(TOPIC_IDS);

    private Taxonomy() {
    }

    /** Whether {@code id} is one of the taxonomy's topic ids. */
    public static boolean isTopic(String id) {
        return id != null && IDS.contains(id);
    }
}
