package org.ronda.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a response body and undoes its Content-Encoding (gzip, deflate) as a stream, counting the
 * decoded bytes as they come: a 10 KB gzip bomb that expands to gigabytes is stopped at the cap
 * with {@code too-large}, having cost at most the cap in memory. The encoded bytes are capped too,
 * a little above the decoded cap, since compression never makes real content much larger.
 */
final class BodyReader {

    private static final int BUFFER = 8192;
    /** More than two codings is not something a real server sends; it could only multiply a bomb. */
    private static final int MAX_CODINGS = 2;

    private BodyReader() {}

    /**
     * The decoded body.
     *
     * @param contentCodings the Content-Encoding values in the order applied by the server
     * @param maxBytes       the cap on decoded bytes
     * @param truncate       when true, a longer body is cut at the cap instead of failing
     * @throws ResponseException {@code too-large}, {@code unsupported-encoding} or {@code bad-encoding}
     * @throws IOException       when the transfer breaks
     */
    static byte[] read(InputStream framed, List<String> contentCodings, long maxBytes, boolean truncate)
            throws IOException {
        List<String> codings = new ArrayList<>();
        for (String c : contentCodings) {
            String coding = c.toLowerCase(Locale.ROOT);
            if (!coding.equals("identity")) {
                codings.add(coding);
            }
        }
        if (codings.size() > MAX_CODINGS) {
            throw new ResponseException(FetchException.UNSUPPORTED_ENCODING, "content codings " + codings);
        }
        if (codings.isEmpty()) {
            return readCapped(framed, maxBytes, truncate);
        }
        long encodedCap = maxBytes + Math.max(64 * 1024, maxBytes / 16);
        PushbackInputStream raw = new PushbackInputStream(new EncodedCap(framed, encodedCap), 2);
        int first = raw.read();
        if (first < 0) {
            // An empty body labelled gzip, as some servers send for empty content.
            return new byte[0];
        }
        raw.unread(first);
        List<Inflater> inflaters = new ArrayList<>();
        InputStream decoded = raw;
        try {
            for (int i = codings.size() - 1; i >= 0; i--) {
                decoded = decoder(codings.get(i), decoded, inflaters);
            }
            return readCapped(decoded, maxBytes, truncate);
        } catch (ZipException e) {
            throw new ResponseException(FetchException.BAD_ENCODING, "body does not decode as " + codings, e);
        } finally {
            // Inflaters hold native memory until ended; GZIPInputStream ends its own on close.
            decoded.close();
            inflaters.forEach(Inflater::end);
        }
    }

    private static InputStream decoder(String coding, InputStream in, List<Inflater> inflaters) throws IOException {
        switch (coding) {
            case "gzip", "x-gzip" -> {
                return new GZIPInputStream(in, BUFFER);
            }
            case "deflate" -> {
                // "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate; the
                // zlib header (CM = 8 and a checksum divisible by 31) tells them apart.
                PushbackInputStream peek = new PushbackInputStream(in, 2);
                byte[] head = peek.readNBytes(2);
                peek.unread(head);
                boolean zlib = head.length == 2 && (head[0] & 0x0f) == 8
                        && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 == 0;
                Inflater inflater = new Inflater(!zlib);
                inflaters.add(inflater);
                return new InflaterInputStream(peek, inflater, BUFFER);
            }
            default -> throw new ResponseException(FetchException.UNSUPPORTED_ENCODING, "content coding " + coding);
        }
    }

    private static byte[] readCapped(InputStream in, long maxBytes, boolean truncate) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, 64 * 1024));
        byte[] buf = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            if (total + n > maxBytes) {
                if (truncate) {
                    out.write(buf, 0, (int) (maxBytes - total));
                    break;
                }
                throw new ResponseException(FetchException.TOO_LARGE, "body larger than " + maxBytes + " bytes");
            }
            out.write(buf, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    /** Fails with {@code too-large} once more than the cap of encoded bytes went through. */
    private static final class EncodedCap extends FilterInputStream {
        private final long cap;
        private long count;

        EncodedCap(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws ResponseException {
            count += n;
            if (count > cap) {
                throw new ResponseException(FetchException.TOO_LARGE, "encoded body larger than " + cap + " bytes");
            }
        }
    }
}
