package org.ronda.accounting;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A half-open time window {@code [from, to)} of Kafka record timestamps: an article belongs to the
 * window when its raw event was written in it.
 */
public record Window(Instant from, Instant to) {

    private static final Pattern SPAN = Pattern.compile("(\\d+)([smhdw])");

    public Window {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a window needs both ends");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("window start " + from + " is not before its end " + to);
        }
    }

    /** The window of the last {@code span} ({@code 90m}, {@code 24h}, {@code 7d}, {@code 2w}, or ISO-8601 {@code PT6H}) up to {@code now}. */
    public static Window since(String span, Instant now) {
        return new Window(now.minus(parseSpan(span)), now);
    }

    /** A window between two ISO-8601 instants ({@code 2026-11-01T00:00:00Z}). */
    public static Window between(String from, String to) {
        return new Window(instant(from, "from"), instant(to, "to"));
    }

    /** True when {@code timestampMillis} (a Kafka record timestamp) lies in the window. */
    public boolean contains(long timestampMillis) {
        return timestampMillis >= from.toEpochMilli() && timestampMillis < to.toEpochMilli();
    }

    /** A span such as {@code 24h}; throws {@link IllegalArgumentException} naming the accepted forms. */
    public static Duration parseSpan(String span) {
        if (span == null || span.isBlank()) {
            throw new IllegalArgumentException("empty span: use 90m, 24h, 7d, 2w or ISO-8601 such as PT6H");
        }
        String s = span.strip().toLowerCase(Locale.ROOT);
        Matcher m = SPAN.matcher(s);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        } else {
            try {
                d = Duration.parse(span.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a span: '" + span + "': use 90m, 24h, 7d, 2w or ISO-8601 such as PT6H");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("span must be positive: '" + span + "'");
        }
        return d;
    }

    private static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing " + name + ": an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not an ISO-8601 instant: '" + text + "'");
        }
    }
}
