package org.ronda.alerts.email;

/**
 * One message, ready for SMTP.
 *
 * @param to             the recipient address
 * @param subject        the subject line
 * @param text           the plain-text part
 * @param html           the HTML part
 * @param unsubscribeUrl the one-click unsubscribe URL, for {@code List-Unsubscribe}
 */
record EmailMessage(String to, String subject, String text, String html, String unsubscribeUrl) {
}
