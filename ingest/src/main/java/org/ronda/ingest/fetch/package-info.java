/**
 * Fetching feeds and pages from the open web, politely and safely.
 *
 * <p>{@link org.ronda.ingest.fetch.PageFetcher} is the entry point; {@link org.ronda.ingest.fetch.FetchPolicy}
 * holds every setting. Choices a reader may question:
 * <ul>
 *   <li><b>Own HTTP/1.1 client.</b> The SSRF guard resolves the host and vets every address; the
 *       connection must then go to a vetted address, or a DNS answer that changes between check and
 *       use (DNS rebinding) defeats the check. {@code java.net.http.HttpClient} and
 *       {@code HttpURLConnection} resolve again when connecting and cannot be pinned, so
 *       {@code Http1Client} opens the socket to the vetted address itself, sends the name in
 *       {@code Host} and TLS SNI, and verifies the certificate against the name. It sends one
 *       request per connection and supports what feeds and article pages need: Content-Length,
 *       chunked and close-delimited bodies, gzip and deflate. No proxy, no HTTP/2, no keep-alive.</li>
 *   <li><b>Every hop is vetted.</b> Redirects are followed by hand, and each target passes the scheme
 *       check, loop detection, the address guard and robots.txt before any byte is sent to it.</li>
 *   <li><b>An unreachable robots.txt holds pages back, temporarily.</b> 5xx, 429 and network
 *       failures for robots.txt make the origin's pages fail with the temporary
 *       {@code robots-unavailable} (not the permanent {@code robots-disallowed}), so the poller
 *       retries them later instead of dead-lettering them; 4xx means no rules.</li>
 *   <li><b>Caps after decoding.</b> The body cap counts decoded bytes as the gzip or deflate stream
 *       produces them, so a small compressed bomb stops at the cap.</li>
 *   <li><b>In-memory caches.</b> Validators (ETag, Last-Modified) and robots.txt live in bounded
 *       LRU maps; losing them on restart costs one full fetch per feed and one robots.txt per host.</li>
 * </ul>
 */
package org.ronda.ingest.fetch;
