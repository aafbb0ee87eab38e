package org.ronda.ingest.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import org.jboss.logging.Logger;
import org.ronda.net.AddressGuard;
import org.ronda.net.AddressRefusedException;
import org.ronda.net.HostResolver;

/**
 * Fetches feeds and pages the way a polite, careful crawler must, following {@link FetchPolicy}:
 * <ul>
 *   <li>every hop (the URL and each redirect target) is vetted by the {@link AddressGuard}, and the
 *       connection goes to the vetted address (see {@link Http1Client} for why this pins the check);</li>
 *   <li>redirects (301, 302, 303, 307, 308) are followed by hand, up to the policy's maximum, with
 *       loop detection, http and https only;</li>
 *   <li>robots.txt is read once per origin and obeyed, its Crawl-delay included, before any page
 *       request is sent;</li>
 *   <li>a shared {@link HostThrottle} bounds concurrency and spacing per host;</li>
 *   <li>bodies are capped after gzip/deflate decoding;</li>
 *   <li>transient failures are retried with jittered exponential backoff, or after the server's
 *       Retry-After when that is short enough.</li>
 * </ul>
 * Every failure is a {@link FetchException} with a reason code. Thread-safe; one instance per
 * service, since its throttle, robots cache and validator cache are only useful shared.
 */
public class PageFetcher {

    private static final Logger LOG = Logger.getLogger(PageFetcher.class);

    private static final String PAGE_ACCEPT =
            "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5";
    private static final String ROBOTS_ACCEPT = "text/plain,*/*;q=0.1";
    /** RFC 9309 asks crawlers to parse at least 500 KiB of robots.txt; beyond that it may be cut. */
    private static final long MAX_ROBOTS_BYTES = 512 * 1024;
    /** RFC 9309: follow at least five redirects for robots.txt. */
    private static final int MAX_ROBOTS_REDIRECTS = 5;
    private static final int ROBOTS_CACHE_ORIGINS = 10_000;
    /** A validator longer than this is not an ETag we want to echo back. */
    private static final int MAX_VALIDATOR_LENGTH = 1024;
    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);

    private final FetchPolicy policy;
    private final AddressGuard guard;
    private final HostThrottle throttle;
    private final Http1Client http;
    private final ValidatorCache validators;
    private final RobotsCache robots;
    private final RetryDelays retryDelays;
    private final Sleeper sleeper;
    private final Clock clock;

    /** What a fetch is for: it decides robots.txt, conditional headers and the body cap. */
    private enum Mode {
        PAGE(true, false),
        CONDITIONAL(true, true),
        ROBOTS(false, false);

        final boolean obeysRobots;
        final boolean conditional;

        Mode(boolean obeysRobots, boolean conditional) {
            this.obeysRobots = obeysRobots;
            this.conditional = conditional;
        }
    }

    /** One request's outcome: a result, or a redirect to follow. */
    private record Hop(FetchResult result, String location) {}

    /** A fetcher for {@code policy} with the system resolver and direct connections. */
    public PageFetcher(FetchPolicy policy) {
        this(builder(policy));
    }

    /**
     * The former constructor: the default policy with this user agent, timeout and cap, and no
     * private address allowed.
     *
     * @deprecated build a {@link FetchPolicy} from configuration and use {@link #PageFetcher(FetchPolicy)}
     */
    @Deprecated(forRemoval = true)
    public PageFetcher(String userAgent, Duration timeout, int maxBodyBytes) {
        this(FetchPolicy.builder(userAgent).connectTimeout(timeout).readTimeout(timeout).maxBodyBytes(maxBodyBytes).build());
    }

    private PageFetcher(Builder b) {
        this.policy = b.policy;
        this.guard = new AddressGuard(b.resolver, policy.allowPrivateAddresses(), "FetchPolicy.allowPrivateAddresses");
        this.throttle = new HostThrottle(policy.maxConcurrentPerHost(), policy.minIntervalPerHost());
        this.http = new Http1Client(b.connector, b.tls, policy.connectTimeout(), policy.readTimeout(),
                policy.maxRequestDuration());
        this.validators = new ValidatorCache(policy.validatorCacheEntries());
        this.clock = b.clock;
        // A lookup waiting for another thread's robots.txt load waits about as long as that load may take.
        this.robots = new RobotsCache(ROBOTS_CACHE_ORIGINS, clock,
                policy.maxThrottleWait().plus(policy.maxRequestDuration()).plus(policy.connectTimeout()));
        this.retryDelays = new RetryDelays(policy.retryBaseDelay(), policy.retryMaxDelay(), b.random);
        this.sleeper = b.sleeper;
    }

    /** A builder for a fetcher with {@code policy}; lets a test or demo supply its own {@link HostResolver}. */
    public static Builder builder(FetchPolicy policy) {
        return new Builder(policy);
    }

    /**
     * GETs {@code url}, following redirects, retrying transient failures.
     *
     * @return the 2xx response with its decoded body
     * @throws FetchException for every failure; see {@link FetchException#reason()}
     */
    public FetchedPage fetch(URI url) throws FetchException {
        return (FetchedPage) fetchWithRetries(url, Mode.PAGE);
    }

    /**
     * Like {@link #fetch}, but conditional: sends the ETag and Last-Modified remembered from the last
     * fetch of the same URL, and returns {@link NotModified} when the server answers 304. Meant for
     * feeds, which are polled again and again; a page fetched once gains nothing from it.
     */
    public FetchResult fetchIfModified(URI url) throws FetchException {
        return fetchWithRetries(url, Mode.CONDITIONAL);
    }

    /** The per-host throttle all fetches share, e.g. to expose in-flight and waiting counts. */
    public HostThrottle throttle() {
        return throttle;
    }

    public FetchPolicy policy() {
        return policy;
    }

    private FetchResult fetchWithRetries(URI url, Mode mode) throws FetchException {
        Objects.requireNonNull(url, "url");
        for (int retry = 0; ; retry++) {
            try {
                return follow(url, mode);
            } catch (FetchException e) {
                if (retry >= policy.maxRetries() || !retryableNow(e)) {
                    throw e;
                }
                Duration wait;
                if (e.retryAfter().isPresent()) {
                    if (e.retryAfter().get().compareTo(policy.maxRetryAfter()) > 0) {
                        throw e;
                    }
                    wait = e.retryAfter().get();
                } else {
                    wait = retryDelays.backoff(retry);
                }
                LOG.debugf("retrying %s in %d ms after %s", url, wait.toMillis(), e.reason());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw FetchException.temporaryFailure(url, url, FetchException.INTERRUPTED, "while waiting to retry", ie);
                }
            }
        }
    }

    /** Transient failures that an immediate retry may cure; a failed DNS lookup or a busy throttle would not. */
    private static boolean retryableNow(FetchException e) {
        if (e.status() > 0) {
            return e.status() == 408 || e.status() == 429 || e.status() >= 500;
        }
        return switch (e.reason()) {
            case FetchException.TIMEOUT, FetchException.CONNECT_FAILED, FetchException.IO_ERROR -> true;
            default -> false;
        };
    }

    private FetchResult follow(URI requested, Mode mode) throws FetchException {
        URI current = normalize(requested, requested);
        Set<String> visited = new HashSet<>();
        visited.add(current.toString());
        int maxRedirects = mode == Mode.ROBOTS ? MAX_ROBOTS_REDIRECTS : policy.maxRedirects();
        for (int redirects = 0; ; ) {
            Hop hop = exchange(requested, current, mode);
            if (hop.location() == null) {
                return hop.result();
            }
            URI next = resolveRedirect(requested, current, hop.location());
            if (!visited.add(next.toString())) {
                throw FetchException.permanentFailure(requested, next, FetchException.REDIRECT_LOOP,
                        "redirected back to a URL already visited");
            }
            if (++redirects > maxRedirects) {
                throw FetchException.permanentFailure(requested, next, FetchException.TOO_MANY_REDIRECTS,
                        "more than " + maxRedirects + " redirects");
            }
            current = next;
        }
    }

    /** One request to one URL: guard, robots.txt, throttle, then the exchange. */
    private Hop exchange(URI requested, URI url, Mode mode) throws FetchException {
        List<InetAddress> addresses;
        String host;
        try {
            addresses = guard.vet(url);
            host = AddressGuard.hostOf(url);
        } catch (AddressRefusedException e) {
            throw e.temporary()
                    ? FetchException.temporaryFailure(requested, url, e.reason(), e.detail(), e)
                    : FetchException.permanentFailure(requested, url, e.reason(), e.detail());
        }
        if (mode.obeysRobots) {
            checkRobots(requested, url, host);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", policy.userAgent());
        headers.put("Accept", mode == Mode.ROBOTS ? ROBOTS_ACCEPT : PAGE_ACCEPT);
        headers.put("Accept-Encoding", "gzip, deflate");
        Optional<ValidatorCache.Validators> sent = mode.conditional ? validators.get(url.toString()) : Optional.empty();
        sent.ifPresent(v -> {
            if (v.etag() != null) {
                headers.put("If-None-Match", v.etag());
            }
            if (v.lastModified() != null) {
                headers.put("If-Modified-Since", v.lastModified());
            }
        });
        HostThrottle.Permit permit = acquire(requested, url, host);
        try (permit; Http1Response response = http.get(url, addresses, headers)) {
            int status = response.status();
            if (REDIRECT_STATUSES.contains(status)) {
                Optional<String> location = response.header("location").filter(l -> !l.isBlank());
                if (location.isEmpty()) {
                    throw new FetchException(requested, url, status, false, FetchException.BAD_REDIRECT,
                            "redirect without a Location", null, null);
                }
                return new Hop(null, location.get());
            }
            if (status == 304 && sent.isPresent()) {
                return new Hop(new NotModified(requested, url), null);
            }
            if (status < 200 || status > 299) {
                throw statusFailure(requested, url, response);
            }
            return new Hop(page(requested, url, mode, response), null);
        } catch (ResponseException e) {
            throw new FetchException(requested, url, 0, false, e.reason(), e.getMessage(), null, e);
        } catch (SSLHandshakeException e) {
            throw new FetchException(requested, url, 0, false, FetchException.TLS_FAILED, e.getMessage(), null, e);
        } catch (SocketTimeoutException e) {
            throw FetchException.temporaryFailure(requested, url, FetchException.TIMEOUT, e.getMessage(), e);
        } catch (ConnectException | NoRouteToHostException e) {
            throw FetchException.temporaryFailure(requested, url, FetchException.CONNECT_FAILED, e.getMessage(), e);
        } catch (IOException e) {
            throw FetchException.temporaryFailure(requested, url, FetchException.IO_ERROR,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private FetchedPage page(URI requested, URI url, Mode mode, Http1Response response) throws IOException {
        boolean truncate = mode == Mode.ROBOTS;
        long cap = truncate ? MAX_ROBOTS_BYTES : policy.maxBodyBytes();
        List<String> codings = response.headerList("content-encoding");
        List<String> lengths = response.headerList("content-length");
        if (!truncate && codings.isEmpty() && !lengths.isEmpty() && Http1Client.contentLength(lengths) > cap) {
            throw new ResponseException(FetchException.TOO_LARGE, "Content-Length above " + cap + " bytes");
        }
        byte[] body = BodyReader.read(response.body(), codings, cap, truncate);
        if (mode.conditional) {
            validators.put(url.toString(), validator(response.header("etag")), validator(response.header("last-modified")));
        }
        return new FetchedPage(requested, url, response.header("content-type").orElse(""), body);
    }

    /** A validator worth echoing: short and free of characters that cannot go back into a header. */
    private static String validator(Optional<String> value) {
        return value.filter(v -> !v.isEmpty() && v.length() <= MAX_VALIDATOR_LENGTH
                        && v.chars().allMatch(c -> c >= 0x20 && c < 0x7f))
                .orElse(null);
    }

    private FetchException statusFailure(URI requested, URI url, Http1Response response) {
        int status = response.status();
        boolean temporary = status == 408 || status == 429 || status >= 500;
        Duration retryAfter = null;
        if (status == 429 || status == 503) {
            retryAfter = response.header("retry-after").flatMap(v -> RetryDelays.parseRetryAfter(v, clock)).orElse(null);
        }
        return new FetchException(requested, url, status, temporary, "http-" + status, null, retryAfter, null);
    }

    private HostThrottle.Permit acquire(URI requested, URI url, String host) throws FetchException {
        try {
            return throttle.tryAcquire(host, policy.maxThrottleWait()).orElseThrow(() -> FetchException.temporaryFailure(
                    requested, url, FetchException.THROTTLED, "no slot for " + host + " within " + policy.maxThrottleWait(), null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FetchException.temporaryFailure(requested, url, FetchException.INTERRUPTED, "while waiting for " + host, e);
        }
    }

    private void checkRobots(URI requested, URI url, String host) throws FetchException {
        if ("/robots.txt".equals(url.getRawPath())) {
            return;
        }
        RobotsCache.Verdict verdict;
        try {
            verdict = robots.get(origin(url), this::loadRobots);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FetchException.temporaryFailure(requested, url, FetchException.INTERRUPTED, "while reading robots.txt", e);
        }
        if (verdict.rules().isEmpty()) {
            throw FetchException.temporaryFailure(requested, url, FetchException.ROBOTS_UNAVAILABLE,
                    "robots.txt of " + origin(url) + " could not be read", null);
        }
        RobotsRules rules = verdict.rules().get();
        Duration delay = rules.crawlDelay().orElse(Duration.ZERO);
        throttle.crawlDelay(host, delay.compareTo(policy.maxCrawlDelay()) > 0 ? policy.maxCrawlDelay() : delay);
        if (!rules.allows(url)) {
            throw FetchException.permanentFailure(requested, url, FetchException.ROBOTS_DISALLOWED,
                    "robots.txt disallows it for " + policy.robotsProductToken());
        }
    }

    /**
     * Reads an origin's robots.txt. A 2xx is parsed (cut at 512 KiB). 4xx, and permanent failures
     * such as a redirect loop or a refused redirect target, count as "no robots.txt": everything is
     * allowed (RFC 9309 section 2.3.1.3). 5xx, 429 and network failures count as "unreachable": the
     * origin's pages wait for {@code robotsErrorTtl} (RFC 9309 section 2.3.1.4). 429 is read as
     * "unreachable" rather than as a 4xx, because the server is asking us to slow down.
     */
    private RobotsCache.Verdict loadRobots(String origin) throws InterruptedException {
        URI robotsUrl = URI.create(origin + "/robots.txt");
        try {
            FetchedPage page = (FetchedPage) follow(robotsUrl, Mode.ROBOTS);
            String text = new String(page.body(), StandardCharsets.UTF_8);
            return new RobotsCache.Verdict(Optional.of(RobotsRules.parse(text, policy.robotsProductToken())), policy.robotsTtl());
        } catch (FetchException e) {
            if (e.reason().equals(FetchException.INTERRUPTED)) {
                Thread.interrupted();
                throw new InterruptedException("interrupted while reading " + robotsUrl);
            }
            if (e.reason().equals(FetchException.THROTTLED)) {
                return new RobotsCache.Verdict(Optional.empty(), Duration.ZERO);
            }
            boolean unreachable = e.status() == 429 || e.status() >= 500 || (e.status() == 0 && e.temporary());
            LOG.debugf("robots.txt of %s: %s", origin, e.getMessage());
            return unreachable
                    ? new RobotsCache.Verdict(Optional.empty(), policy.robotsErrorTtl())
                    : new RobotsCache.Verdict(Optional.of(RobotsRules.allowAll()), policy.robotsTtl());
        }
    }

    /** {@code scheme://host[:port]}, the port only when not the scheme's default. */
    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "");
    }

    /**
     * The URL as requested on the wire: http or https, lower-case scheme and host, default port and
     * user info and fragment dropped, empty path as {@code /}, an internationalised host name in its
     * ASCII (punycode) form, non-ASCII in path and query percent-encoded. The same
     * string for the same resource, so it also keys loop detection and the validator cache.
     */
    static URI normalize(URI requested, URI url) throws FetchException {
        if (!url.isAbsolute() || url.getScheme() == null) {
            throw FetchException.permanentFailure(requested, url, FetchException.BAD_URL, "not an absolute URL");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchException.permanentFailure(requested, url, FetchException.UNSUPPORTED_SCHEME, "scheme " + scheme);
        }
        URI ascii;
        try {
            ascii = new URI(withAsciiHost(url).toASCIIString());
        } catch (URISyntaxException e) {
            throw FetchException.permanentFailure(requested, url, FetchException.BAD_URL, e.getMessage());
        }
        String host = ascii.getHost();
        if (host == null || host.isEmpty()) {
            throw FetchException.permanentFailure(requested, url, FetchException.BAD_URL, "no host");
        }
        int port = ascii.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        String text = scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                + (ascii.getRawQuery() == null ? "" : "?" + ascii.getRawQuery());
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw FetchException.permanentFailure(requested, url, FetchException.BAD_URL, e.getMessage());
        }
    }

    /**
     * {@code java.net.URI} does not parse a non-ASCII host (it keeps {@code http://ข่าว.test/} as an
     * authority without a host); such a URL is rebuilt with the host in punycode. Anything else,
     * including a URL that still has no host afterwards, is returned unchanged.
     */
    private static URI withAsciiHost(URI url) {
        String authority = url.getRawAuthority();
        if (url.getHost() != null || authority == null) {
            return url;
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host = hostPort;
        String port = "";
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && hostPort.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon);
        }
        try {
            String path = url.getRawPath() == null ? "" : url.getRawPath();
            String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
            return new URI(url.getScheme() + "://" + IDN.toASCII(host) + port + path + query);
        } catch (IllegalArgumentException | URISyntaxException e) {
            return url;
        }
    }

    private static URI resolveRedirect(URI requested, URI current, String location) throws FetchException {
        String loc = encodeLeniently(location.strip());
        URI resolved;
        try {
            if (loc.startsWith("?")) {
                // java.net.URI resolves a query-only reference the RFC 2396 way (dropping the last
                // path segment); RFC 3986 keeps the path.
                resolved = new URI(current.getScheme() + "://" + current.getRawAuthority() + current.getRawPath() + loc);
            } else {
                resolved = current.resolve(new URI(loc));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw FetchException.permanentFailure(requested, current, FetchException.BAD_REDIRECT,
                    "unusable Location: " + e.getMessage());
        }
        return normalize(requested, resolved);
    }

    /** Percent-encodes what sloppy servers put unencoded into a Location: spaces, non-ASCII, a few symbols. */
    private static String encodeLeniently(String location) {
        StringBuilder out = new StringBuilder(location.length());
        for (byte b : location.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** Assembles a {@link PageFetcher}; everything but the policy has a production default. */
    public static final class Builder {
        private final FetchPolicy policy;
        private HostResolver resolver = HostResolver.system();
        private SocketConnector connector = SocketConnector.direct();
        private Supplier<SSLSocketFactory> tls = () -> (SSLSocketFactory) SSLSocketFactory.getDefault();
        private Sleeper sleeper = Sleeper.real();
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder(FetchPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
        }

        /** Where host names are resolved; every answer still passes the {@link AddressGuard}. */
        public Builder resolver(HostResolver value) {
            resolver = Objects.requireNonNull(value, "resolver");
            return this;
        }

        Builder connector(SocketConnector value) {
            connector = Objects.requireNonNull(value, "connector");
            return this;
        }

        Builder tls(SSLSocketFactory value) {
            Objects.requireNonNull(value, "tls");
            tls = () -> value;
            return this;
        }

        Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        Builder random(DoubleSupplier value) {
            random = Objects.requireNonNull(value, "random");
            return this;
        }

        public PageFetcher build() {
            return new PageFetcher(this);
        }
    }
}
