package org.ronda.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pure logic: the request head and the parsing of response heads from captured bytes. */
class WebhookPinnedPosterTest {

    @Test
    void writesAPostWithHostLengthAndClose() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Ronda-Event", "alert.created");

        String head = PinnedPoster.head(URI.create("https://hooks.partner.test:8443/in?team=7"), headers, 42);

        assertThat(head).isEqualTo("POST /in?team=7 HTTP/1.1\r\nHost: hooks.partner.test:8443\r\n"
                + "User-Agent: Ronda-Webhooks/1\r\nRonda-Event: alert.created\r\nContent-Length: 42\r\nConnection: close\r\n\r\n");
    }

    @Test
    void refusesAHeaderValueThatCouldSplitTheRequest() {
        assertThatThrownBy(() -> PinnedPoster.head(URI.create("http://h.test/"), Map.of("X", "a\r\nHost: evil"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void skipsInterimResponsesAndReadsRetryAfter() throws IOException {
        String answer = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nretry-after: 7\r\nContent-Length: 0\r\n\r\n";

        PinnedPoster.Response r = PinnedPoster.readHead(new ByteArrayInputStream(answer.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.retryAfter()).contains("7");
    }

    @Test
    void aTruncatedOrForeignAnswerIsAnIoFailure() {
        assertThatThrownBy(() -> PinnedPoster.readHead(new ByteArrayInputStream("HTTP/1.1 200 OK\r\nX: y".getBytes(StandardCharsets.ISO_8859_1))))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> PinnedPoster.readHead(new ByteArrayInputStream("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.ISO_8859_1))))
                .isInstanceOf(IOException.class);
    }
}
