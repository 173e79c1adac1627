package org.servicecharter.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Messages to customers, written to an outbox table in the same transaction as the process step that sends
 * them (so a rolled-back step sends nothing). A mail relay drains the outbox; staff and tests can read it.
 */
@Repository
public class CustomerMessages {

    private static final Logger log = LoggerFactory.getLogger(CustomerMessages.class);

    public record Message(String id, String recipient, String subject, String body, String reference, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    public CustomerMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void send(String recipient, String subject, String body, String reference) {
        jdbc.update("INSERT INTO customer_message (id, recipient, subject, body, reference, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), recipient, subject, body, reference, Timestamp.from(Instant.now()));
        log.info("Queued message '{}' to the customer of complaint {}", subject, reference);
    }

    public List<Message> forReference(String reference) {
        return jdbc.query("SELECT * FROM customer_message WHERE reference = ? ORDER BY created_at", (rs, i) -> new Message(
                rs.getString("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                rs.getString("reference"), rs.getTimestamp("created_at").toInstant()), reference);
    }
}
