package org.ronda.alerts.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ronda.net.AddressGuard;
import org.ronda.net.AddressRefusedException;
import org.ronda.net.HostResolver;

/**
 * Decides which URLs webhooks may be sent to: absolute {@code http} or {@code https} URLs whose host
 * is, or resolves only to, public addresses. Loopback, private, link-local, cloud metadata and the
 * other blocks of {@link AddressGuard} are refused (any one refused address refuses the URL), unless
 * {@code ronda.alerts.webhook.allow-private-addresses} exempts the range or host name.
 *
 * <p>The subscription API calls {@link #check} when a webhook is created or changed, so the
 * subscriber hears at once why a URL is refused. The sender vets again at every delivery and connects
 * only to the addresses that this vetting returned, so a name that later resolves elsewhere (DNS
 * rebinding) cannot turn an accepted URL into a request to an internal address.
 */
public final class WebhookUrlPolicy {

    /** The setting that exempts addresses, named in error messages. */
    public static final String ALLOW_SETTING = "ronda.alerts.webhook.allow-private-addresses";

    private final AddressGuard guard;

    /**
     * @param resolver              where host names are resolved (tests inject a fixed table)
     * @param allowPrivateAddresses CIDR ranges, single addresses or host names exempt from the guard
     * @throws IllegalArgumentException when an exemption is none of these; the message names the setting
     */
    public WebhookUrlPolicy(HostResolver resolver, Set<String> allowPrivateAddresses) {
        this.guard = new AddressGuard(resolver, allowPrivateAddresses, ALLOW_SETTING);
    }

    /**
     * Returns when a webhook may be sent to {@code url} now.
     *
     * @throws WebhookUrlRefusedException with the reason, when it may not
     */
    public void check(String url) {
        vet(url);
    }

    /**
     * The addresses a delivery to {@code url} may connect to, all vetted; the caller must connect to
     * these and never resolve the name again.
     *
     * @throws WebhookUrlRefusedException when the URL is refused; {@code dns-failed} is temporary
     */
    List<InetAddress> vet(String url) {
        URI uri = parse(url);
        try {
            return guard.vet(uri);
        } catch (AddressRefusedException e) {
            String message = switch (e.reason()) {
                case AddressRefusedException.BLOCKED_ADDRESS -> "webhook URL refused: " + e.detail()
                        + "; webhooks go only to public addresses (" + ALLOW_SETTING + " exempts ranges or hosts)";
                case AddressRefusedException.DNS_FAILED -> "webhook URL refused: " + e.detail();
                default -> "webhook URL refused: " + e.detail() + " in " + url;
            };
            throw new WebhookUrlRefusedException(e.reason(), e.temporary(), message, e);
        }
    }

    /** The URL as a {@link URI} once its scheme and host are acceptable. */
    static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new WebhookUrlRefusedException(WebhookUrlRefusedException.BAD_URL, false, "webhook URL is empty", null);
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new WebhookUrlRefusedException(WebhookUrlRefusedException.BAD_URL, false,
                    "webhook URL is not a URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new WebhookUrlRefusedException(WebhookUrlRefusedException.UNSUPPORTED_SCHEME, false,
                    "webhook URL must be http or https, got " + (scheme.isEmpty() ? "no scheme" : scheme), null);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new WebhookUrlRefusedException(WebhookUrlRefusedException.BAD_URL, false,
                    "webhook URL has no host: " + url, null);
        }
        if (uri.getRawUserInfo() != null) {
            // user:password@host would be sent nowhere (we sign instead) and often hides the real host from a reader.
            throw new WebhookUrlRefusedException(WebhookUrlRefusedException.BAD_URL, false,
                    "webhook URL must not carry a user name or password", null);
        }
        return uri;
    }
}
