package org.ronda.ingest.poll;

import java.util.List;
import java.util.Map;

/**
 * What one poll of every feed did.
 *
 * @param feedsPolled   feeds fetched and parsed
 * @param feedErrors    one line per feed that failed, with the reason
 * @param itemOutcomes  number of feed items per outcome ({@code published}, {@code duplicate}, ...)
 */
public record PollReport(int feedsPolled, List<String> feedErrors, Map<ItemOutcome, Integer> itemOutcomes) {
}
