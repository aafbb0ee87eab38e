package org.ronda.alerts.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on 127.0.0.1 whose answer to {@code RCPT TO} follows a script, for the
 * failures GreenMail does not produce: each connection takes the next scripted reply (such as
 * {@code 550 5.1.1 no such user} or {@code 451 4.3.0 try later}); when the script is used up it
 * accepts. Counts the messages it accepted.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Deque<String> rcptReplies = new ConcurrentLinkedDeque<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    ScriptedSmtpServer(String... rcptReplies) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        for (String r : rcptReplies) {
            this.rcptReplies.add(r);
        }
        acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                connections.incrementAndGet();
                converse(s);
            } catch (IOException e) {
                // closed by the test, or the client hung up
            }
        }
    }

    private void converse(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII);
        String rcpt = rcptReplies.poll();
        reply(out, "220 scripted.localhost ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                reply(out, "250 scripted.localhost");
            } else if (upper.startsWith("MAIL FROM")) {
                reply(out, "250 2.1.0 ok");
            } else if (upper.startsWith("RCPT TO")) {
                reply(out, rcpt == null ? "250 2.1.5 ok" : rcpt);
            } else if (upper.startsWith("DATA")) {
                reply(out, "354 go ahead");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // message body is not kept
                }
                accepted.incrementAndGet();
                reply(out, "250 2.0.0 queued");
            } else if (upper.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else if (upper.startsWith("RSET") || upper.startsWith("NOOP")) {
                reply(out, "250 ok");
            } else {
                reply(out, "502 5.5.2 not implemented");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
