package org.ronda.ingest.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A successful response.
 *
 * @param requested   the URL asked for
 * @param finalUrl    the URL answered, after redirects
 * @param contentType the Content-Type header, or empty
 * @param body        the body bytes, at most the configured cap
 */
public record FetchedPage(URI requested, URI finalUrl, String contentType, byte[] body) {

    /** The charset the server declared, if it declared a valid one. */
    public Optional<Charset> declaredCharset() {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).replace("\"", "").strip();
                try {
                    return Optional.of(Charset.forName(name));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The body decoded with the declared charset, or UTF-8. */
    public String text() {
        return new String(body, declaredCharset().orElse(StandardCharsets.UTF_8));
    }
}
