package org.ronda.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of one run in run-independent terms.
 *
 * @param documents       article id to the indexed fields that do not depend on when the run happened
 * @param alerts          every alert on the alerts topic as "subscription-name story #revision kind article ...", sorted, duplicates kept
 * @param deliveries      distinct webhook deliveries as "subscription-name story#revision"
 * @param deliveryPosts   webhook POSTs received, duplicates included
 */
record PipelineSnapshot(Map<String, String> documents, List<String> alerts, Set<String> deliveries, int deliveryPosts) {

    /** Asserts that this run left exactly what {@code reference} left; names the first differences. */
    void assertSameAs(PipelineSnapshot reference) {
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new TreeSet<>(reference.documents().keySet());
        ids.addAll(documents.keySet());
        for (String id : ids) {
            String want = reference.documents().get(id);
            String got = documents.get(id);
            if (want == null || !want.equals(got)) {
                wrong.add(id + ": expected " + want + " got " + got);
            }
        }
        assertThat(wrong).as("documents that differ from the undisturbed run (%d of %d)", wrong.size(), ids.size())
                .isEmpty();
        assertThat(alerts).as("alerts on the alerts topic, as in the undisturbed run (no loss, no duplicate)")
                .containsExactlyElementsOf(reference.alerts());
        assertThat(deliveries).as("webhook deliveries, as in the undisturbed run").isEqualTo(reference.deliveries());
    }
}
