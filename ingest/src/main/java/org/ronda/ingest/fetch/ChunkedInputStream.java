package org.ronda.ingest.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body in HTTP/1.1 chunked transfer coding, de-chunked. Chunk-size lines and trailers are bounded,
 * so a hostile server cannot make the fetcher buffer an endless line.
 */
final class ChunkedInputStream extends InputStream {

    private static final int MAX_LINE = 4096;
    private static final int MAX_TRAILERS = 100;

    private final InputStream in;
    private long remainingInChunk;
    private boolean started;
    private boolean finished;

    /** @param in a buffered stream; lines are read byte by byte */
    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (finished) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        if (remainingInChunk == 0) {
            if (started) {
                expectEmptyLine();
            }
            started = true;
            remainingInChunk = readChunkSize();
            if (remainingInChunk == 0) {
                skipTrailers();
                finished = true;
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, remainingInChunk));
        if (n < 0) {
            throw new EOFException("connection closed inside a chunk");
        }
        remainingInChunk -= n;
        return n;
    }

    private long readChunkSize() throws IOException {
        String line = HttpLines.readLine(in, MAX_LINE);
        if (line == null) {
            throw new EOFException("connection closed before a chunk size");
        }
        int end = 0;
        while (end < line.length() && isHexDigit(line.charAt(end))) {
            end++;
        }
        // 15 hex digits: up to 2^60 bytes, far past any cap and far from overflowing a long.
        if (end == 0 || end > 15) {
            throw new ResponseException(FetchException.BAD_RESPONSE, "bad chunk size line");
        }
        return Long.parseLong(line.substring(0, end), 16);
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private void expectEmptyLine() throws IOException {
        String line = HttpLines.readLine(in, MAX_LINE);
        if (line == null) {
            throw new EOFException("connection closed after a chunk");
        }
        if (!line.isEmpty()) {
            throw new ResponseException(FetchException.BAD_RESPONSE, "chunk not followed by CRLF");
        }
    }

    private void skipTrailers() throws IOException {
        for (int i = 0; i < MAX_TRAILERS; i++) {
            String line = HttpLines.readLine(in, MAX_LINE);
            if (line == null || line.isEmpty()) {
                return;
            }
        }
        throw new ResponseException(FetchException.BAD_RESPONSE, "too many trailer lines");
    }
}
