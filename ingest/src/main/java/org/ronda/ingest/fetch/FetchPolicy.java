package org.ronda.ingest.fetch;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the fetcher behaves towards the sites it visits: who it says it is, how long and how much it
 * reads, how politely it spaces its requests, how it retries, and which private addresses it may
 * reach. Immutable; start from {@link #builder(String)}, which holds the defaults below.
 *
 * <p>Every invalid value is rejected in the constructor with a message that names the component.
 *
 * @param userAgent             the User-Agent header: product token, version and a way to reach the
 *                              operator, e.g. {@code RondaBot/0.1 (+https://example.org/bot; ops@example.org)}
 * @param robotsProductToken    the token looked up in robots.txt {@code User-agent} lines; by default the
 *                              part of the user agent before the first {@code /} ({@code RondaBot})
 * @param connectTimeout        longest wait for a TCP connection to one address (default 10 s)
 * @param readTimeout           longest silence while reading a response (default 15 s)
 * @param maxRequestDuration    longest time one request may take from connect to the last body byte, so
 *                              that a server trickling one byte per read timeout cannot hold a fetch
 *                              forever (default 60 s)
 * @param maxBodyBytes          largest body accepted, counted after gzip/deflate decoding (default 5 MiB)
 * @param maxRedirects          redirects followed before {@code too-many-redirects} (default 5)
 * @param maxConcurrentPerHost  requests in flight to one host at a time (default 2)
 * @param minIntervalPerHost    least time between the starts of two requests to one host (default 1 s);
 *                              a larger robots.txt {@code Crawl-delay} replaces it for that host
 * @param maxCrawlDelay         cap on a robots.txt {@code Crawl-delay}, so that a site asking for one
 *                              request a day does not park our fetch threads (default 30 s)
 * @param maxThrottleWait       longest wait for the per-host throttle before failing with the temporary
 *                              reason {@code throttled} (default 60 s)
 * @param maxRetries            further attempts after a transient failure (default 2, so 3 attempts)
 * @param retryBaseDelay        backoff before the first retry; doubled for each further one, each wait
 *                              drawn uniformly from zero to that value (full jitter) (default 500 ms)
 * @param retryMaxDelay         cap on one backoff wait (default 10 s)
 * @param maxRetryAfter         a {@code Retry-After} up to this long is waited out and retried; a longer
 *                              one fails at once, temporary, carrying the asked delay (default 10 s)
 * @param robotsTtl             how long a fetched (or absent, 4xx) robots.txt is trusted (default 1 h)
 * @param robotsErrorTtl        how long an unreachable robots.txt (5xx, 429, timeout) keeps the host's
 *                              pages refused before it is asked again (default 5 min)
 * @param validatorCacheEntries URLs whose ETag and Last-Modified are remembered for conditional GETs,
 *                              least recently used dropped first (default 10,000)
 * @param allowPrivateAddresses CIDR ranges ({@code 127.0.0.1/32}, {@code fd12::/64}), single addresses or
 *                              host names that may be reached although the address guard would refuse
 *                              them; empty by default, and only demos and tests should need it
 */
public record FetchPolicy(
        String userAgent,
        String robotsProductToken,
        Duration connectTimeout,
        Duration readTimeout,
        Duration maxRequestDuration,
        long maxBodyBytes,
        int maxRedirects,
        int maxConcurrentPerHost,
        Duration minIntervalPerHost,
        Duration maxCrawlDelay,
        Duration maxThrottleWait,
        int maxRetries,
        Duration retryBaseDelay,
        Duration retryMaxDelay,
        Duration maxRetryAfter,
        Duration robotsTtl,
        Duration robotsErrorTtl,
        int validatorCacheEntries,
        Set<String> allowPrivateAddresses) {

    /** 5 MiB: far above any real article page or feed, far below what hurts the heap with several fetch threads. */
    public static final long DEFAULT_MAX_BODY_BYTES = 5L * 1024 * 1024;

    public FetchPolicy {
        requireHeaderSafe("userAgent", userAgent);
        requireHeaderSafe("robotsProductToken", robotsProductToken);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        requirePositive("maxRequestDuration", maxRequestDuration);
        requirePositive("maxBodyBytes", maxBodyBytes);
        requireAtLeast("maxRedirects", maxRedirects, 0);
        requireAtLeast("maxConcurrentPerHost", maxConcurrentPerHost, 1);
        requireNotNegative("minIntervalPerHost", minIntervalPerHost);
        requireNotNegative("maxCrawlDelay", maxCrawlDelay);
        requireNotNegative("maxThrottleWait", maxThrottleWait);
        requireAtLeast("maxRetries", maxRetries, 0);
        requireNotNegative("retryBaseDelay", retryBaseDelay);
        requireNotNegative("retryMaxDelay", retryMaxDelay);
        requireNotNegative("maxRetryAfter", maxRetryAfter);
        requireNotNegative("robotsTtl", robotsTtl);
        requireNotNegative("robotsErrorTtl", robotsErrorTtl);
        requireAtLeast("validatorCacheEntries", validatorCacheEntries, 1);
        Objects.requireNonNull(allowPrivateAddresses, "FetchPolicy.allowPrivateAddresses");
        allowPrivateAddresses = Set.copyOf(allowPrivateAddresses);
    }

    /** A builder holding the defaults, with the given identifying user agent. */
    public static Builder builder(String userAgent) {
        return new Builder(userAgent);
    }

    /** A builder holding this policy's values, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(userAgent);
        b.robotsProductToken = robotsProductToken;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.maxRequestDuration = maxRequestDuration;
        b.maxBodyBytes = maxBodyBytes;
        b.maxRedirects = maxRedirects;
        b.maxConcurrentPerHost = maxConcurrentPerHost;
        b.minIntervalPerHost = minIntervalPerHost;
        b.maxCrawlDelay = maxCrawlDelay;
        b.maxThrottleWait = maxThrottleWait;
        b.maxRetries = maxRetries;
        b.retryBaseDelay = retryBaseDelay;
        b.retryMaxDelay = retryMaxDelay;
        b.maxRetryAfter = maxRetryAfter;
        b.robotsTtl = robotsTtl;
        b.robotsErrorTtl = robotsErrorTtl;
        b.validatorCacheEntries = validatorCacheEntries;
        b.allowPrivateAddresses = allowPrivateAddresses;
        return b;
    }

    /** The product token of a user agent: what precedes the first {@code /}, space or parenthesis. */
    static String productTokenOf(String userAgent) {
        int end = 0;
        while (end < userAgent.length() && "/ (".indexOf(userAgent.charAt(end)) < 0) {
            end++;
        }
        return end == 0 ? userAgent.strip() : userAgent.substring(0, end);
    }

    private static void requireHeaderSafe(String name, String value) {
        Objects.requireNonNull(value, "FetchPolicy." + name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("FetchPolicy." + name + " must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("FetchPolicy." + name + " must be printable ASCII (it is sent as a header)");
            }
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, "FetchPolicy." + name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("FetchPolicy." + name + " must be positive, was " + value);
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, "FetchPolicy." + name);
        if (value.isNegative()) {
            throw new IllegalArgumentException("FetchPolicy." + name + " must not be negative, was " + value);
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("FetchPolicy." + name + " must be positive, was " + value);
        }
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("FetchPolicy." + name + " must be at least " + min + ", was " + value);
        }
    }

    /** Collects the settings of a {@link FetchPolicy}; starts from the documented defaults. */
    public static final class Builder {
        private final String userAgent;
        private String robotsProductToken;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(15);
        private Duration maxRequestDuration = Duration.ofSeconds(60);
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxRedirects = 5;
        private int maxConcurrentPerHost = 2;
        private Duration minIntervalPerHost = Duration.ofSeconds(1);
        private Duration maxCrawlDelay = Duration.ofSeconds(30);
        private Duration maxThrottleWait = Duration.ofSeconds(60);
        private int maxRetries = 2;
        private Duration retryBaseDelay = Duration.ofMillis(500);
        private Duration retryMaxDelay = Duration.ofSeconds(10);
        private Duration maxRetryAfter = Duration.ofSeconds(10);
        private Duration robotsTtl = Duration.ofHours(1);
        private Duration robotsErrorTtl = Duration.ofMinutes(5);
        private int validatorCacheEntries = 10_000;
        private Set<String> allowPrivateAddresses = Set.of();

        private Builder(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "FetchPolicy.userAgent");
        }

        public Builder robotsProductToken(String value) {
            robotsProductToken = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            readTimeout = value;
            return this;
        }

        public Builder maxRequestDuration(Duration value) {
            maxRequestDuration = value;
            return this;
        }

        public Builder maxBodyBytes(long value) {
            maxBodyBytes = value;
            return this;
        }

        public Builder maxRedirects(int value) {
            maxRedirects = value;
            return this;
        }

        public Builder maxConcurrentPerHost(int value) {
            maxConcurrentPerHost = value;
            return this;
        }

        public Builder minIntervalPerHost(Duration value) {
            minIntervalPerHost = value;
            return this;
        }

        public Builder maxCrawlDelay(Duration value) {
            maxCrawlDelay = value;
            return this;
        }

        public Builder maxThrottleWait(Duration value) {
            maxThrottleWait = value;
            return this;
        }

        public Builder maxRetries(int value) {
            maxRetries = value;
            return this;
        }

        public Builder retryBaseDelay(Duration value) {
            retryBaseDelay = value;
            return this;
        }

        public Builder retryMaxDelay(Duration value) {
            retryMaxDelay = value;
            return this;
        }

        public Builder maxRetryAfter(Duration value) {
            maxRetryAfter = value;
            return this;
        }

        public Builder robotsTtl(Duration value) {
            robotsTtl = value;
            return this;
        }

        public Builder robotsErrorTtl(Duration value) {
            robotsErrorTtl = value;
            return this;
        }

        public Builder validatorCacheEntries(int value) {
            validatorCacheEntries = value;
            return this;
        }

        public Builder allowPrivateAddresses(Set<String> value) {
            allowPrivateAddresses = value;
            return this;
        }

        public FetchPolicy build() {
            return new FetchPolicy(userAgent,
                    robotsProductToken != null ? robotsProductToken : productTokenOf(userAgent),
                    connectTimeout, readTimeout, maxRequestDuration, maxBodyBytes, maxRedirects,
                    maxConcurrentPerHost, minIntervalPerHost, maxCrawlDelay, maxThrottleWait, maxRetries,
                    retryBaseDelay, retryMaxDelay, maxRetryAfter, robotsTtl, robotsErrorTtl,
                    validatorCacheEntries, allowPrivateAddresses);
        }
    }
}
