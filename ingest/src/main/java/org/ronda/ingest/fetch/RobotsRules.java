package org.ronda.ingest.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one robots.txt for one crawler, after RFC 9309: the groups whose {@code User-agent}
 * names our product token (case-insensitively), merged; else the {@code *} groups, merged; else no
 * rule at all. A URL is allowed unless the longest matching {@code Disallow} pattern is longer than
 * the longest matching {@code Allow} pattern (a tie allows). Patterns match from the start of the
 * path and query; {@code *} matches any run of characters and a final {@code $} anchors at the end.
 * Paths and patterns are compared in the same percent-encoding. {@code /robots.txt} itself is always
 * allowed.
 *
 * <p>{@code Crawl-delay} (not in the RFC, widely used) is read from the chosen groups, in seconds,
 * fractions allowed. Lines that are not understood are skipped; parsing never fails.
 */
public final class RobotsRules {

    private static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), null);
    /** A day; larger delays are treated as a day, which the fetch policy caps far lower anyway. */
    private static final double MAX_CRAWL_DELAY_SECONDS = 86_400;

    private final List<Rule> rules;
    private final Duration crawlDelay;

    private RobotsRules(List<Rule> rules, Duration crawlDelay) {
        this.rules = rules;
        this.crawlDelay = crawlDelay;
    }

    /** No rules: everything is allowed (no robots.txt, or a 4xx for it). */
    public static RobotsRules allowAll() {
        return ALLOW_ALL;
    }

    /**
     * The rules that {@code content} sets for the crawler named {@code productToken}.
     *
     * @param content      the robots.txt text; a leading byte-order mark is ignored
     * @param productToken our token, e.g. {@code RondaBot}
     */
    public static RobotsRules parse(String content, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Group> groups = new ArrayList<>();
        Group current = null;
        boolean inAgentLines = false;
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        for (String rawLine : text.split("\r\n|\r|\n")) {
            int hash = rawLine.indexOf('#');
            String line = (hash >= 0 ? rawLine.substring(0, hash) : rawLine).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "user-agent" -> {
                    if (current == null || !inAgentLines) {
                        current = new Group();
                        groups.add(current);
                    }
                    current.agents.add(agentToken(value));
                    inAgentLines = true;
                }
                case "allow", "disallow" -> {
                    if (current != null) {
                        if (!value.isEmpty()) {
                            current.rules.add(new Rule(normalizePattern(value), key.equals("allow")));
                        }
                        inAgentLines = false;
                    }
                }
                case "crawl-delay" -> {
                    if (current != null) {
                        if (current.crawlDelay == null) {
                            current.crawlDelay = parseDelay(value);
                        }
                        inAgentLines = false;
                    }
                }
                default -> {
                    // Sitemap and unknown records belong to no group and do not end one.
                }
            }
        }
        List<Group> chosen = groups.stream().filter(g -> g.agents.contains(token)).toList();
        if (chosen.isEmpty()) {
            chosen = groups.stream().filter(g -> g.agents.contains("*")).toList();
        }
        List<Rule> rules = new ArrayList<>();
        Duration delay = null;
        for (Group g : chosen) {
            rules.addAll(g.rules);
            if (delay == null) {
                delay = g.crawlDelay;
            }
        }
        return new RobotsRules(List.copyOf(rules), delay);
    }

    /** Whether the path and query of {@code url} may be fetched. */
    public boolean allows(URI url) {
        String path = url.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        return allows(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery());
    }

    /** Whether a path (with its query, if any), such as {@code /news/1?page=2}, may be fetched. */
    public boolean allows(String pathAndQuery) {
        if (pathAndQuery.equals("/robots.txt") || rules.isEmpty()) {
            return true;
        }
        String path = normalize(pathAndQuery);
        Rule best = null;
        for (Rule rule : rules) {
            if (matches(rule.pattern, path)) {
                if (best == null || rule.pattern.length() > best.pattern.length()
                        || (rule.pattern.length() == best.pattern.length() && rule.allow && !best.allow)) {
                    best = rule;
                }
            }
        }
        return best == null || best.allow;
    }

    /** The {@code Crawl-delay} of the chosen group, when it set a valid one. */
    public Optional<Duration> crawlDelay() {
        return Optional.ofNullable(crawlDelay);
    }

    /** The product token at the start of a User-agent value: {@code RondaBot/1.0} names {@code rondabot}. */
    private static String agentToken(String value) {
        if (value.startsWith("*")) {
            return "*";
        }
        int end = 0;
        while (end < value.length() && (Character.isLetterOrDigit(value.charAt(end)) || value.charAt(end) == '_'
                || value.charAt(end) == '-')) {
            end++;
        }
        return value.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static Duration parseDelay(String value) {
        try {
            double seconds = Double.parseDouble(value);
            if (!Double.isFinite(seconds) || seconds < 0) {
                return null;
            }
            return Duration.ofMillis(Math.round(Math.min(seconds, MAX_CRAWL_DELAY_SECONDS) * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String normalizePattern(String value) {
        String p = normalize(value);
        return p.startsWith("/") || p.startsWith("*") ? p : "/" + p;
    }

    /**
     * One percent-encoding for paths and patterns: unreserved characters plain, every other
     * percent-encoded octet in upper-case hex, non-ASCII as percent-encoded UTF-8, spaces and controls
     * encoded. {@code *} and {@code $} stay as they are.
     */
    static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                int octet = hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2));
                if (isUnreserved(octet)) {
                    out.append((char) octet);
                } else {
                    appendEncoded(out, octet);
                }
                i += 2;
            } else if (c > 0x7e || c <= 0x20) {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    appendEncoded(out, b & 0xff);
                }
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code path} starts with a match of {@code pattern} ({@code *} wildcards, optional final
     * {@code $}). A greedy two-pointer match with backtracking to the last star: O(path × pattern) at
     * worst, never the exponential blow-up a regular expression can have on many stars.
     */
    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern + "*";
        int i = 0;
        int j = 0;
        int star = -1;
        int mark = 0;
        while (i < path.length()) {
            if (j < p.length() && p.charAt(j) == '*') {
                star = j++;
                mark = i;
            } else if (j < p.length() && p.charAt(j) == path.charAt(i)) {
                i++;
                j++;
            } else if (star >= 0) {
                j = star + 1;
                i = ++mark;
            } else {
                return false;
            }
        }
        while (j < p.length() && p.charAt(j) == '*') {
            j++;
        }
        return j == p.length();
    }

    private static boolean isUnreserved(int octet) {
        return (octet >= 'a' && octet <= 'z') || (octet >= 'A' && octet <= 'Z') || (octet >= '0' && octet <= '9')
                || octet == '-' || octet == '.' || octet == '_' || octet == '~';
    }

    private static void appendEncoded(StringBuilder out, int octet) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(octet >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(octet & 0xf, 16)));
    }

    /** The value of an ASCII hex digit, or -1 (Character.digit would also accept non-ASCII digits). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private record Rule(String pattern, boolean allow) {}

    private static final class Group {
        final List<String> agents = new ArrayList<>();
        final List<Rule> rules = new ArrayList<>();
        Duration crawlDelay;
    }
}
