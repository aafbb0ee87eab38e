package org.ronda.ingest.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which charset a fetched body is written in, the way browsers do, in this order:
 * <ol>
 *   <li>a byte-order mark (UTF-8, UTF-16LE, UTF-16BE). It wins over the header, as in the WHATWG
 *       encoding-sniffing algorithm: a BOM is proof, a header is often a server default nobody set;</li>
 *   <li>the {@code charset} parameter of the Content-Type header, when Java knows the name;</li>
 *   <li>the XML declaration's {@code encoding}, or an HTML {@code <meta charset>} /
 *       {@code <meta http-equiv="Content-Type" content="...; charset=...">} in the first 2 KB;</li>
 *   <li>UTF-8.</li>
 * </ol>
 * Labels are mapped the WHATWG way where sites rely on it: {@code iso-8859-1} and {@code us-ascii}
 * mean windows-1252, {@code tis-620} means windows-874 (its superset), and a UTF-16 label found in
 * ASCII-readable markup means UTF-8.
 */
final class CharsetSniffer {

    /** How far into the body markup declarations are looked for; 1024 in the WHATWG prescan, 2 KB to be lenient. */
    static final int PRESCAN_BYTES = 2048;

    private static final Pattern XML_DECLARATION = Pattern.compile(
            "\\A\\s*<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:+-]+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> WHATWG_LABELS = Map.ofEntries(
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("iso8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("l1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"),
            Map.entry("ascii", "windows-1252"),
            Map.entry("iso-8859-9", "windows-1254"),
            Map.entry("latin5", "windows-1254"),
            Map.entry("tis-620", "x-windows-874"),
            Map.entry("iso-8859-11", "x-windows-874"),
            Map.entry("windows-874", "x-windows-874"),
            Map.entry("gb2312", "GBK"),
            Map.entry("euc-kr", "x-windows-949"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("shift_jis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"));

    /** A charset and the number of BOM bytes to skip before decoding. */
    record Sniffed(Charset charset, int bomLength) {}

    private CharsetSniffer() {}

    /** The body decoded as {@link #sniff} decides; malformed input becomes U+FFFD. */
    static String decode(byte[] body, String contentType) {
        Sniffed s = sniff(body, contentType);
        return new String(body, s.bomLength(), body.length - s.bomLength(), s.charset());
    }

    static Sniffed sniff(byte[] body, String contentType) {
        Optional<Sniffed> bom = fromBom(body);
        if (bom.isPresent()) {
            return bom.get();
        }
        Optional<Charset> declared = fromContentType(contentType);
        if (declared.isPresent()) {
            return new Sniffed(declared.get(), 0);
        }
        return new Sniffed(fromMarkup(body).orElse(StandardCharsets.UTF_8), 0);
    }

    static Optional<Sniffed> fromBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            return Optional.of(new Sniffed(StandardCharsets.UTF_8, 3));
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return Optional.of(new Sniffed(StandardCharsets.UTF_16LE, 2));
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return Optional.of(new Sniffed(StandardCharsets.UTF_16BE, 2));
        }
        return Optional.empty();
    }

    /** The charset parameter of a Content-Type value, when present and known. */
    static Optional<Charset> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return forLabel(p.substring(8).replace("\"", "").replace("'", "").strip());
            }
        }
        return Optional.empty();
    }

    /** The encoding an XML declaration or HTML meta element names near the start of the body. */
    static Optional<Charset> fromMarkup(byte[] body) {
        // ISO-8859-1 maps every byte to one char, so ASCII markup reads right whatever the real charset.
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_DECLARATION.matcher(head);
        Matcher meta = META_CHARSET.matcher(head);
        String label = xml.find() ? xml.group(1) : meta.find() ? meta.group(1) : null;
        if (label == null) {
            return Optional.empty();
        }
        // Markup we could read as ASCII is not UTF-16, whatever it claims.
        return forLabel(label).map(c -> c.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : c);
    }

    /** The charset for a label, with the WHATWG re-mappings; empty for unknown or illegal names. */
    static Optional<Charset> forLabel(String label) {
        String key = label.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String name = WHATWG_LABELS.getOrDefault(key, key);
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            // IllegalCharsetNameException and UnsupportedCharsetException: an unusable label is no label.
            return Optional.empty();
        }
    }
}
