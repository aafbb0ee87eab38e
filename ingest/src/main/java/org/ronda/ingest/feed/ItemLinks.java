package org.ronda.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Turns the link text of a feed item or sitemap entry into an absolute http(s) URL. */
final class ItemLinks {

    /** Characters that feeds put in links unescaped and that {@link URI} rejects. */
    private static final String UNSAFE = " \"<>\\^`{|}";

    private ItemLinks() {
    }

    /**
     * The absolute form of {@code link} against {@code base}, or null when it is blank, not an
     * http(s) URL ({@code javascript:}, {@code mailto:}) or not a URL even once its spaces and other
     * unescaped characters are percent-encoded.
     */
    static String resolve(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String text = link.strip();
        URI resolved = resolveOrNull(base, text);
        if (resolved == null) {
            resolved = resolveOrNull(base, escapeUnsafe(text));
        }
        if (resolved == null || resolved.getHost() == null) {
            return null;
        }
        String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? resolved.toString() : null;
    }

    private static URI resolveOrNull(URI base, String text) {
        try {
            URI uri = new URI(text);
            return base == null ? uri : base.resolve(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String escapeUnsafe(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (UNSAFE.indexOf(c) >= 0 || Character.isISOControl(c)) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
