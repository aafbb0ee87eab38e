package org.ronda.accounting;

import java.util.Map;

/**
 * Alerts about the window's articles. Not a balance: most articles match no subscription.
 *
 * @param topic           the alerts topic read
 * @param alerts          alerts about articles of the window, one per subscription decision of their records (every revision counts)
 * @param articlesAlerted distinct articles of the window with at least one alert
 * @param perArticle      alerts per article id, for at most the listing limit of articles
 */
public record AlertsAccount(String topic, long alerts, long articlesAlerted, Map<String, Long> perArticle) {
}
