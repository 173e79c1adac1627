package org.servicecharter.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.servicecharter.messaging.Message;
import org.servicecharter.messaging.Outbox;
import org.servicecharter.messaging.OutboxEntry;
import org.springframework.stereotype.Repository;

/**
 * Messages to the customer of a complaint, through the application's one outbox ({@link Outbox}): written in the same
 * transaction as the process step that sends them (a rolled-back step sends nothing), delivered by the outbox's sender.
 */
@Repository
public class CustomerMessages {

    public record Message(String id, String recipient, String subject, String body, String reference, Instant createdAt) {
    }

    private final Outbox outbox;

    public CustomerMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Queues the template's message once per key (e.g. {@code complaint-acknowledgement:C-...}). */
    public void send(String recipient, String template, Map<String, Object> model, String key, String reference) {
        outbox.queue(org.servicecharter.messaging.Message.toCustomer(recipient, template, model, key, reference));
    }

    /** Everything queued for the complaint's customer, oldest first. */
    public List<Message> forReference(String reference) {
        return outbox.forReference(reference).stream().filter(e -> e.recipientUser() == null)
                .map(CustomerMessages::message).toList();
    }

    private static Message message(OutboxEntry e) {
        return new Message(e.id(), e.recipient(), e.subject(), e.bodyText(), e.reference(), e.createdAt());
    }

    public String baseUrl() {
        return outbox.baseUrl();
    }
}
