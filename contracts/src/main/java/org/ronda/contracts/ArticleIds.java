package org.ronda.contracts;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Article ids: the first 128 bits of the SHA-256 of the normalised URL, in hex. Every stage derives
 * the same id from the same URL, so replays and re-ingestion never create a second document.
 */
public final class ArticleIds {

    /** Query parameters that only track the reader and never change the article. */
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "ref", "ref_src", "cmpid",
            "ito", "spm", "share", "s_cid", "amp", "outputtype");

    /** Host prefixes of the same site's desktop, mobile and AMP editions. */
    private static final java.util.List<String> HOST_VARIANTS = java.util.List.of("www.", "m.", "mobile.", "amp.");

    /** An {@code /amp} path segment at the end, or {@code /amp/} before the article path. */
    private static final java.util.regex.Pattern AMP_PATH = java.util.regex.Pattern.compile("(^/amp(?=/))|(/amp/?$)");

    /** {@code story.amp.html} or {@code story.amp} for {@code story.html} or {@code story}. */
    private static final java.util.regex.Pattern AMP_SUFFIX = java.util.regex.Pattern.compile("\\.amp(\\.html?)?$");

    private ArticleIds() {
    }

    /** The article id of {@code url}; throws {@link IllegalArgumentException} for a URL that is not absolute http(s). */
    public static String of(String url) {
        return sha256Prefix(normalise(url));
    }

    /**
     * The normalised form of an article URL: lower-case scheme and host, no {@code www.}, {@code m.},
     * {@code mobile.} or {@code amp.} host prefix, no AMP path segment or suffix, no default port, no
     * fragment, no tracking or edition parameters, remaining parameters sorted, no trailing slash.
     */
    public static String normalise(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (String variant : HOST_VARIANTS) {
            // "m.example.com" and "amp.example.com" serve the article of "example.com"; keep bare two-label hosts.
            if (host.startsWith(variant) && host.indexOf('.', variant.length()) > 0) {
                host = host.substring(variant.length());
                break;
            }
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        path = AMP_PATH.matcher(path).replaceFirst("");
        path = AMP_SUFFIX.matcher(path).replaceFirst("$1");
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            path = "/";
        }
        StringBuilder out = new StringBuilder();
        // http and https copies of one article are one article.
        out.append("http://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        String query = keptQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String keptQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name)) {
                kept.add(pair);
            }
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
