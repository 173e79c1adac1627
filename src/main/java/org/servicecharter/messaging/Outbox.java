package org.servicecharter.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one outbox of all messages, customers' and staff's: {@link #queue(Message)} renders the message's text and
 * writes it to {@code message_outbox} with the caller's connection, so it commits or rolls back with the step that
 * causes it (the engine's transaction); {@link OutboxSender} delivers it later. Queuing a key twice queues once.
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final OutboxTable table;
    private final MailTexts texts;
    private final String messageIdDomain;

    Outbox(JdbcTemplate jdbc, MailTexts texts, MailProperties properties) {
        this.table = new OutboxTable(jdbc);
        this.texts = texts;
        this.messageIdDomain = domainOf(properties.from());
    }

    /** Queues the message unless one with its key is queued already; true if queued now. */
    public boolean queue(Message message) {
        MailTexts.Rendered text = texts.render(message.template(), message.model());
        String id = UUID.randomUUID().toString();
        boolean queued = table.insert(id, "<" + id + "@" + messageIdDomain + ">", message.key(), message, text, Instant.now());
        if (queued && log.isDebugEnabled()) {
            // the outbox row is the record (administrators: /admin/mail); a line per message in the log is for debugging
            log.debug("Queued message '{}' ({}) to {} about {}", text.subject(), message.template(),
                    message.recipientUser() != null ? message.recipientUser() : "a customer", message.reference());
        }
        return queued;
    }

    /** The application's public address, as links in messages start. */
    public String baseUrl() {
        return texts.baseUrl();
    }

    /** A link to Tasklist, for a message about work rather than one task. */
    public String tasklistLink() {
        return texts.baseUrl() + "/camunda/app/tasklist/";
    }

    /** A link to a task in Tasklist. */
    public String taskLink(String taskId) {
        return texts.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    /** A message given up on: what it was (its template), what it is about, how often it was tried, the last try. */
    public record FailedMessage(String template, String reference, int attempts, Instant createdAt, Instant lastTriedAt) {
    }

    /** Messages given up on (status FAILED): how many, and the latest of them (no addresses, no texts). */
    public record Failed(long count, List<FailedMessage> latest) {
    }

    public Failed failedSummary(int latest) {
        return table.failedSummary(latest);
    }

    public List<OutboxEntry> forReference(String reference) {
        return table.forReference(reference);
    }

    List<OutboxEntry> latest(int limit) {
        return table.latest(limit);
    }

    List<OutboxEntry> failed(int limit) {
        return table.failed(limit);
    }

    List<Object[]> countsByStatus() {
        return table.countsByStatus();
    }

    OutboxTable table() {
        return table;
    }

    static String domainOf(String from) {
        String address = from == null ? "" : from.replaceAll(".*<([^>]*)>.*", "$1").trim();
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? "service-charter.invalid" : address.substring(at + 1);
    }
}
