package org.ronda.alerts.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ronda.contracts.Alert;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.Subscription;
import org.ronda.contracts.TopicTag;

/**
 * Writes the messages: the subject, a plain-text and an HTML part listing each alert (title,
 * outlet, time in the subscriber's zone, topics with their evidence terms, snippet, link, story
 * size), and the unsubscribe link. Every piece of article text is HTML-escaped in the HTML part.
 */
final class EmailComposer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    private final String publicUrl;

    /** @param publicUrl the address users reach this service at, without a trailing slash */
    EmailComposer(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The unsubscribe link of {@code subscription}. */
    String unsubscribeUrl(Subscription subscription) {
        return publicUrl + "/alerts/unsubscribe?subscription=" + encode(subscription.id())
                + "&key=" + encode(subscription.unsubscribeKey());
    }

    /** The message for one alert mailed at once: the subject is the article title. */
    EmailMessage immediate(Subscription subscription, Alert alert) {
        String title = alert.article().title().isBlank() ? alert.article().url() : alert.article().title();
        return compose(subscription, oneLine(title), List.of(alert));
    }

    /** The digest of {@code alerts}: "N new alerts for name". */
    EmailMessage digest(Subscription subscription, List<Alert> alerts) {
        String subject = alerts.size() + (alerts.size() == 1 ? " new alert for " : " new alerts for ") + oneLine(subscription.name());
        return compose(subscription, subject, alerts);
    }

    private EmailMessage compose(Subscription subscription, String subject, List<Alert> alerts) {
        ZoneId zone = subscription.email().zone();
        String unsubscribe = unsubscribeUrl(subscription);
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(escape(subject))
                .append("</title></head><body>\n");
        html.append("<p>Alerts for <strong>").append(escape(subscription.name())).append("</strong></p>\n");
        text.append("Alerts for ").append(subscription.name()).append("\n\n");
        for (Alert alert : alerts) {
            appendText(text, alert, zone);
            appendHtml(html, alert, zone);
        }
        text.append("--\nUnsubscribe: ").append(unsubscribe).append('\n');
        html.append("<hr><p><a href=\"").append(escape(unsubscribe)).append("\">Unsubscribe</a> from these alerts.</p>\n</body></html>\n");
        return new EmailMessage(subscription.email().address(), subject, text.toString(), html.toString(), unsubscribe);
    }

    private static void appendText(StringBuilder out, Alert alert, ZoneId zone) {
        Alert.AlertArticle a = alert.article();
        out.append("* ").append(oneLine(a.title())).append('\n');
        out.append("  ").append(a.outlet() == null ? "" : a.outlet()).append(", ").append(time(alert, zone)).append('\n');
        out.append("  ").append(outlets(alert)).append('\n');
        for (TopicTag topic : a.topics()) {
            out.append("  Topic ").append(topic.topic()).append(": ").append(terms(topic)).append('\n');
        }
        if (!a.snippet().isBlank()) {
            out.append("  ").append(oneLine(a.snippet())).append('\n');
        }
        out.append("  ").append(a.url()).append("\n\n");
    }

    private static void appendHtml(StringBuilder out, Alert alert, ZoneId zone) {
        Alert.AlertArticle a = alert.article();
        out.append("<div class=\"alert\">\n<h3><a href=\"").append(escape(a.url())).append("\">").append(escape(a.title())).append("</a></h3>\n");
        out.append("<p>").append(escape(a.outlet() == null ? "" : a.outlet())).append(", ").append(escape(time(alert, zone)))
                .append(" &middot; ").append(escape(outlets(alert))).append("</p>\n");
        if (!a.topics().isEmpty()) {
            out.append("<ul>\n");
            for (TopicTag topic : a.topics()) {
                out.append("<li>").append(escape(topic.topic())).append(": ").append(escape(terms(topic))).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        if (!a.snippet().isBlank()) {
            out.append("<p>").append(escape(a.snippet())).append("</p>\n");
        }
        out.append("</div>\n");
    }

    private static String time(Alert alert, ZoneId zone) {
        var at = alert.article().publishedAt() != null ? alert.article().publishedAt() : alert.alertedAt();
        return TIME.format(at.atZone(zone));
    }

    private static String outlets(Alert alert) {
        int n = Math.max(1, alert.storyOutlets());
        return "in " + n + (n == 1 ? " outlet" : " outlets");
    }

    private static String terms(TopicTag topic) {
        return topic.evidence().stream().map(Evidence::term).distinct().map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
    }

    /** Subjects and list lines must not break: a header with a line break could inject headers. */
    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
