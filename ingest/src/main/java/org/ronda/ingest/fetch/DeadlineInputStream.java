package org.ronda.ingest.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * A socket's input with an overall deadline: each read may wait at most the read timeout and never
 * past the deadline, so a server that sends one byte just before every read timeout still cannot hold
 * the request longer than the policy's {@code maxRequestDuration}.
 */
final class DeadlineInputStream extends FilterInputStream {

    private final Socket socket;
    private final long deadlineNanos;
    private final long readTimeoutMillis;

    DeadlineInputStream(Socket socket, InputStream in, long deadlineNanos, long readTimeoutMillis) {
        super(in);
        this.socket = socket;
        this.deadlineNanos = deadlineNanos;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public int read() throws IOException {
        armTimeout();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        armTimeout();
        return super.read(b, off, len);
    }

    private void armTimeout() throws IOException {
        long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (remainingMillis <= 0) {
            throw new SocketTimeoutException("request took longer than its time limit");
        }
        // setSoTimeout(0) would mean "forever", hence the floor of 1 ms.
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.min(readTimeoutMillis, remainingMillis))));
    }
}
