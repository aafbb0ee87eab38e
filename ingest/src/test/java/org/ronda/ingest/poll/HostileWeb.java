package org.ronda.ingest.poll;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * A web of hostile feeds on 127.0.0.1, one per path, named for what each proves. Nothing here
 * points outside 127.0.0.1 except the redirect to the metadata address, which the fetcher must
 * refuse before it opens a socket.
 */
final class HostileWeb implements AutoCloseable {

    private final HttpServer server;

    HostileWeb() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/xxe.xml", ex -> send(ex, "application/rss+xml", ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title><item><title>a</title>"
                + "<link>" + base() + "/page/xxe</link></item></channel></rss>").getBytes(StandardCharsets.UTF_8)));
        server.createContext("/billion-laughs.xml", ex -> send(ex, "application/rss+xml", ("<?xml version=\"1.0\"?><!DOCTYPE lolz ["
                + "<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<rss version=\"2.0\"><channel><title>&lol3;</title></channel></rss>").getBytes(StandardCharsets.UTF_8)));
        server.createContext("/gzip-bomb.xml", this::gzipBomb);
        server.createContext("/twenty-megabytes.xml", this::huge);
        server.createContext("/redirect-loop.xml", ex -> redirect(ex, base() + "/redirect-loop.xml"));
        server.createContext("/to-metadata.xml", ex -> redirect(ex, "http://169.254.169.254/latest/meta-data/"));
        server.createContext("/html-not-feed.xml", ex -> send(ex, "text/html", "<html><body><h1>Welcome</h1><p>No feed here.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8)));
        server.createContext("/wrong-charset.xml", ex -> send(ex, "application/rss+xml; charset=utf-8", ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<rss version=\"2.0\"><channel><title>Caf\u00e9 news</title><link>" + base() + "/</link><description>d</description>"
                + "<item><title>Pol\u00edcia seize drugs \u2013 caf\u00e9 raid</title><link>" + base() + "/page/cafe-raid</link>"
                + "<guid isPermaLink=\"false\">cafe-raid-1</guid></item></channel></rss>").getBytes(Charset.forName("windows-1252"))));
        server.createContext("/page/", ex -> send(ex, "text/html; charset=windows-1252", ("<html lang=\"en\"><head><title>Caf\u00e9 raid</title>"
                + "</head><body><h1>Police seize drugs in caf\u00e9 raid</h1><article><p>Police seized methamphetamine in a caf\u00e9 "
                + "in the old quarter on Friday night, officers said.</p><p>Two men were detained.</p></article></body></html>")
                .getBytes(Charset.forName("windows-1252"))));
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void gzipBomb(HttpExchange ex) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) {
                gz.write(zeros);
            }
        }
        ex.getResponseHeaders().add("Content-Encoding", "gzip");
        send(ex, "application/rss+xml", zipped.toByteArray());
    }

    private void huge(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
        ex.sendResponseHeaders(200, 0);
        byte[] chunk = "<!-- padding padding padding padding padding padding -->\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = ex.getResponseBody()) {
            for (long sent = 0; sent < 20L << 20; sent += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // The fetcher hangs up once it has read past its cap.
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private static void send(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
