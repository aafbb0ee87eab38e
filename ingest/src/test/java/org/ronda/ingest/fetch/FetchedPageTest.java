package org.ronda.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pure logic: which charset {@link FetchedPage#text()} decodes with, and that it never throws. */
class FetchedPageTest {

    private static final URI URL = URI.create("https://news.test/a");
    private static final String THAI = "ตำรวจจับกุมผู้ต้องหาค้ามนุษย์";
    private static final Charset TIS_620 = Charset.forName("TIS-620");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static FetchedPage page(String contentType, byte[] body) {
        return new FetchedPage(URL, URL, contentType, body);
    }

    @Test
    void headerCharsetWindows1252() {
        FetchedPage page = page("text/html; charset=Windows-1252", "Café – “quoted”".getBytes(WINDOWS_1252));

        assertThat(page.text()).isEqualTo("Café – “quoted”");
        assertThat(page.declaredCharset()).contains(WINDOWS_1252);
    }

    @Test
    void headerCharsetTis620WithThai() {
        FetchedPage page = page("text/html;charset=\"TIS-620\"", ("<p>" + THAI + "</p>").getBytes(TIS_620));

        assertThat(page.text()).isEqualTo("<p>" + THAI + "</p>");
    }

    @Test
    void iso88591IsReadAsWindows1252AsBrowsersDo() {
        FetchedPage page = page("text/html; charset=ISO-8859-1", "“smart quotes”".getBytes(WINDOWS_1252));

        assertThat(page.text()).isEqualTo("“smart quotes”");
    }

    @Test
    void byteOrderMarks() {
        assertThat(page("text/html", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, THAI.getBytes(StandardCharsets.UTF_8))).text())
                .isEqualTo(THAI);
        assertThat(page("", concat(new byte[] {(byte) 0xff, (byte) 0xfe}, THAI.getBytes(StandardCharsets.UTF_16LE))).text())
                .isEqualTo(THAI);
        assertThat(page("", concat(new byte[] {(byte) 0xfe, (byte) 0xff}, THAI.getBytes(StandardCharsets.UTF_16BE))).text())
                .isEqualTo(THAI);
    }

    @Test
    void aBomOutranksAContradictingHeader() {
        byte[] body = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, "Café".getBytes(StandardCharsets.UTF_8));

        assertThat(page("text/html; charset=iso-8859-1", body).text()).isEqualTo("Café");
    }

    @Test
    void metaCharsetAndHttpEquiv() {
        String html5 = "<!doctype html><html><head><meta charset=\"tis-620\"><title>" + THAI + "</title>";
        String html4 = "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">"
                + "<title>Café</title>";

        assertThat(page("text/html", html5.getBytes(TIS_620)).text()).contains(THAI);
        assertThat(page("text/html", html4.getBytes(WINDOWS_1252)).text()).contains("Café");
    }

    @Test
    void xmlDeclarationEncoding() {
        String feed = "<?xml version=\"1.0\" encoding=\"TIS-620\"?><rss><channel><title>" + THAI + "</title></channel></rss>";

        assertThat(page("application/rss+xml", feed.getBytes(TIS_620)).text()).contains(THAI);
    }

    @Test
    void aWrongHeaderCharsetNameFallsBackToTheMarkup() {
        String html = "<meta charset=\"windows-1252\"><p>Café</p>";

        FetchedPage page = page("text/html; charset=utf-99-bogus", html.getBytes(WINDOWS_1252));

        assertThat(page.declaredCharset()).isEmpty();
        assertThat(page.text()).contains("Café");
    }

    @Test
    void metaBeyondThePrescanWindowIsIgnored() {
        String html = "<!--" + " ".repeat(CharsetSniffer.PRESCAN_BYTES) + "--><meta charset=\"windows-1252\"><p>Café</p>";

        assertThat(page("text/html", html.getBytes(StandardCharsets.UTF_8)).text()).contains("Café");
        assertThat(page("text/html", html.getBytes(StandardCharsets.UTF_8)).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aUtf16LabelInAsciiMarkupMeansUtf8() {
        String html = "<meta charset=\"utf-16\"><p>" + THAI + "</p>";

        assertThat(page("text/html", html.getBytes(StandardCharsets.UTF_8)).text()).contains(THAI);
    }

    @Test
    void utf8ByDefaultAndMalformedBytesAreReplacedNotThrown() {
        byte[] body = concat("ok ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff});

        assertThat(page("", body).text()).startsWith("ok ").contains("\uFFFD");
        assertThat(page(null, new byte[0]).text()).isEmpty();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
