package org.ronda.ingest.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful (2xx) response with its body, already decoded from gzip or deflate.
 *
 * @param requested   the URL asked for
 * @param finalUrl    the URL that answered, after redirects
 * @param contentType the Content-Type header, or empty
 * @param body        the body bytes, at most the policy's cap; shared, not copied: do not modify
 */
public record FetchedPage(URI requested, URI finalUrl, String contentType, byte[] body) implements FetchResult {

    public FetchedPage {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(finalUrl, "finalUrl");
        contentType = contentType == null ? "" : contentType;
        Objects.requireNonNull(body, "body");
    }

    /** The charset the Content-Type header names, when it names one Java knows. */
    public Optional<Charset> declaredCharset() {
        return CharsetSniffer.fromContentType(contentType);
    }

    /**
     * The charset {@link #text()} decodes with: a byte-order mark, else the Content-Type header's
     * charset, else the XML declaration or an HTML {@code <meta>} in the first 2 KB, else UTF-8.
     */
    public Charset charset() {
        return CharsetSniffer.sniff(body, contentType).charset();
    }

    /** The body as text in {@link #charset()}; malformed bytes become U+FFFD, never an exception. */
    public String text() {
        return CharsetSniffer.decode(body, contentType);
    }
}
