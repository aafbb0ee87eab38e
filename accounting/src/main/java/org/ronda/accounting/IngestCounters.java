package org.ronda.accounting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ingest's item counters as its {@code /q/metrics} showed them: cumulative since the ingest process
 * started, so they are not limited to the report's window.
 *
 * @param source     the metrics URL read
 * @param discovered feed items found ({@code ronda_ingest_items_discovered_total})
 * @param fetched    article pages fetched ({@code ronda_ingest_pages_fetched_total})
 * @param outcomes   items by outcome ({@code ronda_ingest_items_total}: published, duplicate, dead-lettered, retry-later)
 * @param balanced   true when {@code discovered} equals the sum of {@code outcomes}: each item got exactly one outcome
 */
public record IngestCounters(String source, long discovered, long fetched, Map<String, Long> outcomes, boolean balanced) {

    /**
     * Reads the counters from a Prometheus text exposition. Returns counters with {@code balanced}
     * false when the discovered counter is absent (an ingest older than this counter).
     */
    public static IngestCounters parse(String source, String prometheusText) {
        long discovered = 0;
        long fetched = 0;
        boolean sawDiscovered = false;
        Map<String, Long> outcomes = new TreeMap<>();
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String name = metricName(line);
            switch (name) {
                case "ronda_ingest_items_total" -> label(line, "outcome").ifPresent(o -> outcomes.merge(o, value(line), Long::sum));
                case "ronda_ingest_items_discovered_total" -> {
                    discovered += value(line);
                    sawDiscovered = true;
                }
                case "ronda_ingest_pages_fetched_total" -> fetched += value(line);
                default -> {
                }
            }
        }
        long sum = outcomes.values().stream().mapToLong(Long::longValue).sum();
        return new IngestCounters(source, discovered, fetched, new LinkedHashMap<>(outcomes), sawDiscovered && sum == discovered);
    }

    private static String metricName(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
            end++;
        }
        return line.substring(0, end);
    }

    private static java.util.Optional<String> label(String line, String label) {
        String marker = label + "=\"";
        int start = line.indexOf(marker);
        if (start < 0) {
            return java.util.Optional.empty();
        }
        int from = start + marker.length();
        int end = line.indexOf('"', from);
        return end < 0 ? java.util.Optional.empty() : java.util.Optional.of(line.substring(from, end));
    }

    /** Counter values are whole numbers printed as doubles ({@code 12.0}), optionally followed by a timestamp. */
    private static long value(String line) {
        String rest = line.contains("}") ? line.substring(line.lastIndexOf('}') + 1) : line.substring(metricName(line).length());
        return Math.round(Double.parseDouble(rest.strip().split("\\s+")[0]));
    }
}
