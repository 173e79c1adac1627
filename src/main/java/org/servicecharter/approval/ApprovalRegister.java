package org.servicecharter.approval;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The approval-request register (table {@code approval_request}): each request and its outcome.
 */
@Repository
public class ApprovalRegister {

    public record Entry(String id, String processInstanceId, String type, BigDecimal amount, String currency,
            String reason, String requester, String complaintReference, Instant requestedAt, String requiredTier,
            String currentTier, String status, boolean selfAuthorised, BigDecimal approvedAmount, String decidedBy,
            String decidedAtTier, Instant decidedAt, String decisionReason) {

        public boolean isOpen() {
            return ApprovalProcess.STATUS_OPEN.equals(status);
        }
    }

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray(); // Crockford base32
    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;

    public ApprovalRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new request id such as {@code AR-2026-7KQ2M9XD}: short to read out, hard to guess. */
    public String nextId() {
        String id;
        do {
            StringBuilder sb = new StringBuilder("AR-").append(Year.now()).append('-');
            for (int i = 0; i < 8; i++) {
                sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            id = sb.toString();
        } while (find(id).isPresent());
        return id;
    }

    public void register(String id, String processInstanceId, ApprovalRequest request) {
        jdbc.update("""
                INSERT INTO approval_request (id, process_instance_id, request_type, amount, currency, reason, requester,
                    complaint_reference, requested_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')""",
                id, processInstanceId, request.type(), request.amount(), request.currency(), request.reason(),
                request.requester(), request.complaintReference(), Timestamp.from(Instant.now()));
    }

    public void recordTier(String id, String requiredTier, String currentTier) {
        jdbc.update("UPDATE approval_request SET required_tier = COALESCE(required_tier, ?), current_tier = ? WHERE id = ?",
                requiredTier, currentTier, id);
    }

    public void recordOutcome(String id, String status, boolean selfAuthorised, BigDecimal approvedAmount, String decidedBy,
            String decidedAtTier, Instant decidedAt, String decisionReason) {
        jdbc.update("""
                UPDATE approval_request SET status = ?, self_authorised = ?, approved_amount = ?, decided_by = ?,
                    decided_at_tier = ?, decided_at = ?, decision_reason = ?
                WHERE id = ?""",
                status, selfAuthorised, approvedAmount, decidedBy, decidedAtTier, Timestamp.from(decidedAt), decisionReason, id);
    }

    public Optional<Entry> find(String id) {
        return jdbc.query("SELECT * FROM approval_request WHERE id = ?", ApprovalRegister::map, id).stream().findFirst();
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getString("id"), rs.getString("process_instance_id"), rs.getString("request_type"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("reason"), rs.getString("requester"),
                rs.getString("complaint_reference"), instant(rs.getTimestamp("requested_at")), rs.getString("required_tier"),
                rs.getString("current_tier"), rs.getString("status"), rs.getBoolean("self_authorised"),
                rs.getBigDecimal("approved_amount"), rs.getString("decided_by"), rs.getString("decided_at_tier"),
                instant(rs.getTimestamp("decided_at")), rs.getString("decision_reason"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
