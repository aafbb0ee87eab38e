package org.ronda.alerts.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ronda.contracts.Alert;

/**
 * Signs webhook requests so that a subscriber can tell they come from Ronda and were not replayed.
 *
 * <p>Every POST carries:
 * <ul>
 *   <li>{@code Ronda-Signature: t=<unix seconds>,v1=<hex>} where {@code <hex>} is the lowercase hex
 *       HMAC-SHA256, keyed with the subscription's {@code webhook.secret} (its UTF-8 bytes), of the
 *       bytes {@code <t>.<body>}: the decimal timestamp, a full stop, then the raw request body;</li>
 *   <li>{@code Ronda-Alert-Id} (stable across revisions of one story), {@code Ronda-Delivery-Id}
 *       ({@code <alertId>#<revision>}: the same on every retry of one revision, so receivers
 *       de-duplicate on it), {@code Ronda-Event} ({@code alert.created} or {@code alert.updated}) and
 *       {@code Content-Type: application/json}.</li>
 * </ul>
 *
 * <p>Verification recipe for subscribers: take {@code t} and {@code v1} from the header; compute the
 * HMAC-SHA256 of {@code t + "." + rawBody} with the secret, before parsing or re-serialising the
 * JSON; compare it with {@code v1} in constant time (e.g. {@code MessageDigest.isEqual},
 * {@code hmac.compare_digest}); reject when {@code t} is more than a few minutes from your clock
 * (replays). Retries are signed afresh, with a new {@code t}.
 */
public final class WebhookSigner {

    /** Header with the timestamp and the signature. */
    public static final String SIGNATURE_HEADER = "Ronda-Signature";
    /** Header with {@link Alert#alertId()}. */
    public static final String ALERT_ID_HEADER = "Ronda-Alert-Id";
    /** Header with {@link Alert#deliveryId()}. */
    public static final String DELIVERY_ID_HEADER = "Ronda-Delivery-Id";
    /** Header with {@link #event(Alert)}. */
    public static final String EVENT_HEADER = "Ronda-Event";

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSigner() {
    }

    /** {@code alert.created} for the first alert of a story, {@code alert.updated} for later revisions. */
    public static String event(Alert alert) {
        return alert.kind() == Alert.Kind.NEW ? "alert.created" : "alert.updated";
    }

    /** The {@code Ronda-Signature} value for {@code body} sent at {@code unixSeconds}. */
    public static String signature(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, unixSeconds, body));
    }

    /** Every header of the request that delivers {@code alert} as {@code body} at {@code now}, in a fixed order. */
    static Map<String, String> headers(Alert alert, String secret, Instant now, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(EVENT_HEADER, event(alert));
        headers.put(ALERT_ID_HEADER, alert.alertId());
        headers.put(DELIVERY_ID_HEADER, alert.deliveryId());
        headers.put(SIGNATURE_HEADER, signature(secret, now.getEpochSecond(), body));
        return headers;
    }

    private static byte[] hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JRE has HmacSHA256 and accepts any non-empty key", e);
        }
    }
}
