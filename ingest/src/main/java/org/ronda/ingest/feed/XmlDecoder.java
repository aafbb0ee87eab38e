package org.ronda.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Turns the bytes of an XML document as served on the web into text a strict XML parser accepts.
 *
 * <p>Feeds on the regional web are often declared in one encoding and written in another, or
 * carry control characters pasted from word processors. A strict parser stops at the first such
 * byte and the whole feed is lost; here the document is decoded with replacement characters
 * instead, characters XML 1.0 forbids are dropped, and the number of repairs is reported.
 */
final class XmlDecoder {

    /** The sitemap protocol's own limit on an uncompressed sitemap; no feed comes near it. */
    static final int MAX_INFLATED_BYTES = 50 * 1024 * 1024;

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern NOT_XML_CHARACTER =
            Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    /**
     * A decoded document.
     *
     * @param text     the document as text, safe for an XML 1.0 parser character-wise
     * @param charset  the charset it was decoded with
     * @param repaired number of characters replaced (undecodable bytes) or dropped (forbidden in XML)
     */
    record Decoded(String text, Charset charset, int repaired) {
    }

    private XmlDecoder() {
    }

    /**
     * Decodes {@code body}. The charset is, in order: a byte order mark; the document's own
     * {@code <?xml encoding?>}; the {@code charset} of {@code contentType}; UTF-8. The first of the
     * declared ones that decodes without error is used; when none does, the first is used with
     * replacement characters. The document's declaration comes before the HTTP header because the
     * software that wrote the bytes wrote the declaration, while the header is often a server-wide
     * default. A gzip body (a {@code .xml.gz} sitemap) is inflated first.
     *
     * @throws FeedParseException when a gzip body inflates beyond {@link #MAX_INFLATED_BYTES} or is corrupt
     */
    static Decoded decode(byte[] body, String contentType) throws FeedParseException {
        byte[] bytes = isGzip(body) ? inflate(body) : body;
        Bom bom = Bom.of(bytes);
        List<Charset> candidates = new ArrayList<>();
        if (bom.charset != null) {
            candidates.add(bom.charset);
        } else {
            // A declaration readable as ASCII proves the document is not UTF-16, whatever it says.
            declaredEncoding(bytes).filter(c -> !c.name().startsWith("UTF-16")).ifPresent(candidates::add);
            headerCharset(contentType).filter(c -> !candidates.contains(c)).ifPresent(candidates::add);
            if (candidates.isEmpty()) {
                candidates.add(StandardCharsets.UTF_8);
            }
        }
        ByteBuffer content = ByteBuffer.wrap(bytes, bom.length, bytes.length - bom.length);
        for (Charset candidate : candidates) {
            Optional<String> clean = decodeStrictly(content.duplicate(), candidate);
            if (clean.isPresent()) {
                return withoutForbiddenCharacters(clean.get(), candidate, 0);
            }
        }
        Charset chosen = candidates.get(0);
        String replaced = new String(bytes, bom.length, bytes.length - bom.length, chosen);
        return withoutForbiddenCharacters(replaced, chosen, count(replaced, '\uFFFD'));
    }

    private static Decoded withoutForbiddenCharacters(String text, Charset charset, int repaired) {
        Matcher forbidden = NOT_XML_CHARACTER.matcher(text);
        int dropped = 0;
        while (forbidden.find()) {
            dropped++;
        }
        String clean = dropped == 0 ? text : NOT_XML_CHARACTER.matcher(text).replaceAll("");
        return new Decoded(clean, charset, repaired + dropped);
    }

    private static Optional<String> decodeStrictly(ByteBuffer bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The encoding named by an {@code <?xml?>} declaration in the first bytes, if it names one Java knows. */
    static Optional<Charset> declaredEncoding(byte[] bytes) {
        // The declaration is ASCII in every ASCII-compatible encoding; UTF-16 documents carry a BOM.
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_ENCODING.matcher(head.startsWith("\u00EF\u00BB\u00BF") ? head.substring(3) : head);
        return m.find() ? charset(m.group(1)) : Optional.empty();
    }

    /** The {@code charset} parameter of a Content-Type header, if it names one Java knows. */
    static Optional<Charset> headerCharset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return charset(p.substring(8).replace("\"", "").replace("'", "").strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> charset(String name) {
        try {
            // Servers say "utf8" or "UTF-8 " as often as "UTF-8"; Java knows most aliases.
            return Optional.of(Charset.forName(name.strip().toLowerCase(Locale.ROOT)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static boolean isGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B;
    }

    private static byte[] inflate(byte[] body) throws FeedParseException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > MAX_INFLATED_BYTES) {
                    throw new FeedParseException(FeedParseException.Reason.TOO_LARGE,
                            "gzip body inflates beyond " + MAX_INFLATED_BYTES + " bytes; refused");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FeedParseException(FeedParseException.Reason.MALFORMED, "corrupt gzip body: " + e.getMessage(), e);
        }
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private record Bom(Charset charset, int length) {

        static Bom of(byte[] b) {
            if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            // UTF-16 without a mark still starts with '<' as two bytes.
            if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[2] != 0 && b[3] == 0) {
                return new Bom(StandardCharsets.UTF_16LE, 0);
            }
            if (b.length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] != 0) {
                return new Bom(StandardCharsets.UTF_16BE, 0);
            }
            return new Bom(null, 0);
        }
    }
}
