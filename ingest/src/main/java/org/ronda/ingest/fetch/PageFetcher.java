package org.ronda.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Fetches feeds and pages over HTTP with a timeout, an identifying User-Agent and a body size cap. */
public class PageFetcher {

    private final HttpClient client;
    private final String userAgent;
    private final Duration timeout;
    private final int maxBodyBytes;

    public PageFetcher(String userAgent, Duration timeout, int maxBodyBytes) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.userAgent = userAgent;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** GETs {@code url}; a non-2xx status, a timeout or an oversize body is a {@link FetchException}. */
    public FetchedPage fetch(URI url) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FetchException(url, 0, true, "timed out after " + timeout, e);
        } catch (IOException e) {
            throw new FetchException(url, 0, true, "connection failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url, 0, true, "interrupted", e);
        }
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            if (status < 200 || status > 299) {
                boolean temporary = status == 408 || status == 429 || status >= 500;
                throw new FetchException(url, status, temporary, "unexpected status", null);
            }
            byte[] bytes = body.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw new FetchException(url, status, false, "body larger than " + maxBodyBytes + " bytes", null);
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new FetchedPage(url, response.uri(), contentType, bytes);
        } catch (IOException e) {
            throw new FetchException(url, status, true, "body read failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
