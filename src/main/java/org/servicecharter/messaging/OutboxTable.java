package org.servicecharter.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The table {@code message_outbox} (migration V8): all SQL of the outbox. Claiming a batch is one statement with
 * {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so two nodes never claim the same row and never wait for each other;
 * on other databases (H2) each candidate is claimed by a conditional UPDATE that only one node can win.
 */
class OutboxTable {

    static final String COLUMNS = "id, message_id, idempotency_key, recipient, recipient_user, template, subject, body_text,"
            + " body_html, reference, status, attempts, next_attempt_at, last_error, created_at, sent_at, lease_owner, lease_until";

    private static final String DUE = "((status = 'QUEUED' AND next_attempt_at <= ?) OR (status = 'SENDING' AND lease_until < ?))";

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    OutboxTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the row unless one with the same idempotency key exists; true if inserted. */
    boolean insert(String id, String messageId, String key, Message message, MailTexts.Rendered text, Instant now) {
        int inserted = jdbc.update("INSERT INTO message_outbox (id, message_id, idempotency_key, recipient, recipient_user,"
                        + " template, subject, body_text, body_html, reference, status, attempts, next_attempt_at, created_at)"
                        + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM message_outbox WHERE idempotency_key = ?)",
                id, messageId, key, message.recipient(), message.recipientUser(), message.template(), text.subject(),
                text.text(), text.html(), message.reference(), ts(now), ts(now), key);
        return inserted == 1;
    }

    /**
     * Claims up to {@code limit} due messages for {@code owner} (unique per claim) until {@code leaseUntil}; counts the
     * attempt. Due: queued and its time has come, or being sent by a node whose lease ran out (it died mid-send).
     */
    List<OutboxEntry> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        if (isPostgres()) {
            jdbc.update("UPDATE message_outbox SET status = 'SENDING', lease_owner = ?, lease_until = ?, attempts = attempts + 1"
                    + " WHERE id IN (SELECT id FROM message_outbox WHERE " + DUE
                    + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)",
                    owner, ts(leaseUntil), ts(now), ts(now), limit);
        } else {
            List<String> candidates = jdbc.queryForList("SELECT id FROM message_outbox WHERE " + DUE
                    + " ORDER BY next_attempt_at LIMIT ?", String.class, ts(now), ts(now), limit);
            for (String id : candidates) {
                jdbc.update("UPDATE message_outbox SET status = 'SENDING', lease_owner = ?, lease_until = ?, attempts = attempts + 1"
                        + " WHERE id = ? AND " + DUE, owner, ts(leaseUntil), id, ts(now), ts(now));
            }
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM message_outbox WHERE status = 'SENDING' AND lease_owner = ?",
                OutboxTable::map, owner);
    }

    /** Each update only applies while the row is still this node's (its lease not taken over). */
    boolean markSent(String id, String owner, Instant now) {
        return jdbc.update("UPDATE message_outbox SET status = 'SENT', sent_at = ?, last_error = NULL, lease_owner = NULL,"
                + " lease_until = NULL WHERE id = ? AND status = 'SENDING' AND lease_owner = ?", ts(now), id, owner) == 1;
    }

    boolean markRetry(String id, String owner, Instant nextAttempt, String error) {
        return jdbc.update("UPDATE message_outbox SET status = 'QUEUED', next_attempt_at = ?, last_error = ?, lease_owner = NULL,"
                + " lease_until = NULL WHERE id = ? AND status = 'SENDING' AND lease_owner = ?", ts(nextAttempt), cut(error), id, owner) == 1;
    }

    boolean markFailed(String id, String owner, String error) {
        return jdbc.update("UPDATE message_outbox SET status = 'FAILED', last_error = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND status = 'SENDING' AND lease_owner = ?", cut(error), id, owner) == 1;
    }

    /** Fills in the address of a migrated staff message that only names the user. */
    void setRecipient(String id, String recipient) {
        jdbc.update("UPDATE message_outbox SET recipient = ? WHERE id = ?", recipient, id);
    }

    List<OutboxEntry> forReference(String reference) {
        return jdbc.query("SELECT " + COLUMNS + " FROM message_outbox WHERE reference = ? ORDER BY created_at, id",
                OutboxTable::map, reference);
    }

    List<OutboxEntry> latest(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM message_outbox ORDER BY created_at DESC, id LIMIT ?", OutboxTable::map, limit);
    }

    List<OutboxEntry> failed(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM message_outbox WHERE status = 'FAILED' ORDER BY created_at DESC, id LIMIT ?",
                OutboxTable::map, limit);
    }

    /** How many messages were given up on, and the latest of them (no address, no text), by the status index. */
    Outbox.Failed failedSummary(int limit) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM message_outbox WHERE status = 'FAILED'", Long.class);
        List<Outbox.FailedMessage> latest = jdbc.query("SELECT template, reference, attempts, created_at, next_attempt_at"
                + " FROM message_outbox WHERE status = 'FAILED' ORDER BY next_attempt_at DESC, id LIMIT ?",
                (rs, i) -> new Outbox.FailedMessage(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()), limit);
        return new Outbox.Failed(count == null ? 0 : count, latest);
    }

    List<Object[]> countsByStatus() {
        List<Object[]> counts = new ArrayList<>();
        jdbc.query("SELECT status, COUNT(*) FROM message_outbox GROUP BY status",
                (ResultSet rs) -> {
                    counts.add(new Object[] {rs.getString(1), rs.getLong(2)});
                });
        return counts;
    }

    private boolean isPostgres() {
        if (postgres == null) {
            try {
                DataSource dataSource = jdbc.getDataSource();
                String product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
                postgres = product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
            } catch (Exception e) {
                postgres = false;
            }
        }
        return postgres;
    }

    static OutboxEntry map(ResultSet rs, int row) throws SQLException {
        return new OutboxEntry(rs.getString("id"), rs.getString("message_id"), rs.getString("idempotency_key"),
                rs.getString("recipient"), rs.getString("recipient_user"), rs.getString("template"), rs.getString("subject"),
                rs.getString("body_text"), rs.getString("body_html"), rs.getString("reference"),
                OutboxEntry.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
                rs.getString("last_error"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")),
                rs.getString("lease_owner"), instant(rs.getTimestamp("lease_until")));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String cut(String error) {
        return error == null ? null : error.length() <= 1000 ? error : error.substring(0, 997) + "...";
    }
}
