package org.ronda.alerts.email;

/** Hands one message to the mail server. */
interface MailSender {

    /**
     * Sends {@code message} and returns once the server accepted it.
     *
     * @throws MailDeliveryException with {@link MailDeliveryException#isTransient()} telling
     *                               whether the same message may succeed later
     */
    void send(EmailMessage message) throws MailDeliveryException;
}
