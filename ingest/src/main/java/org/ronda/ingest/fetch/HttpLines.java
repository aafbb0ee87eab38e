package org.ronda.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the CRLF-terminated lines of an HTTP/1.x head, bounded in length. */
final class HttpLines {

    private HttpLines() {}

    /**
     * The next line without its CRLF (a bare LF is accepted too), read as ISO-8859-1.
     *
     * @return the line, or null when the stream ended before any byte of it
     * @throws ResponseException {@code bad-response} when the line is longer than {@code maxLength}
     */
    static String readLine(InputStream in, int maxLength) throws IOException {
        byte[] buf = new byte[Math.min(256, maxLength)];
        int len = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (len == 0) {
                    return null;
                }
                break;
            }
            if (b == '\n') {
                break;
            }
            if (len == maxLength) {
                throw new ResponseException(FetchException.BAD_RESPONSE, "header line longer than " + maxLength + " bytes");
            }
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(maxLength, buf.length * 2));
            }
            buf[len++] = (byte) b;
        }
        if (len > 0 && buf[len - 1] == '\r') {
            len--;
        }
        return new String(buf, 0, len, StandardCharsets.ISO_8859_1);
    }
}
