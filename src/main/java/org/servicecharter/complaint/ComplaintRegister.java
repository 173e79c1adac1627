package org.servicecharter.complaint;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The complaints register: each complaint's facts and outcome, in the application's own table. */
@Repository
public class ComplaintRegister {

    public record Entry(String reference, String processInstanceId, Instant receivedAt, String receivedBy,
            String customerName, String customerEmail, String channel, String category, String description,
            String aboutEmployee, String orderReference, String status, String resolution, String resolvedBy,
            Instant resolvedAt, BigDecimal goodwillAmount, String goodwillReason, String goodwillOutcome,
            BigDecimal goodwillApprovedAmount, String goodwillDecidedBy, String goodwillApprovalRequest,
            boolean correctiveActionFlagged, Integer surveyRating, String surveyComment, Instant surveyAnsweredAt) {
    }

    private final JdbcTemplate jdbc;

    public ComplaintRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void register(String reference, String processInstanceId, String receivedBy, ComplaintIntake intake) {
        jdbc.update("""
                INSERT INTO complaint (reference, process_instance_id, received_at, received_by, customer_name,
                    customer_email, channel, category, description, about_employee, order_reference, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""",
                reference, processInstanceId, Timestamp.from(Instant.now()), receivedBy, intake.customerName(),
                intake.customerEmail(), intake.channel(), intake.category(), intake.description(),
                intake.aboutEmployee(), intake.orderReference());
    }

    /** Who the complaint is about, as registered at intake (null when it names nobody or is unknown). */
    public String aboutEmployee(String reference) {
        if (reference == null) {
            return null;
        }
        return jdbc.query("SELECT about_employee FROM complaint WHERE reference = ?", (rs, i) -> rs.getString(1), reference)
                .stream().filter(Objects::nonNull).findFirst().orElse(null);
    }

    public boolean exists(String reference) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE reference = ?", Integer.class, reference);
        return count != null && count > 0;
    }

    public void recordResolution(String reference, String resolution, String resolvedBy) {
        jdbc.update("UPDATE complaint SET status = 'RESOLVED', resolution = ?, resolved_by = ?, resolved_at = ? WHERE reference = ?",
                resolution, resolvedBy, Timestamp.from(Instant.now()), reference);
    }

    /** The goodwill gesture asked for and how the approval tiers decided it (approved amount null when rejected). */
    public void recordGoodwillDecision(String reference, BigDecimal amount, String reason, String outcome,
            BigDecimal approvedAmount, String decidedBy, String approvalRequest) {
        jdbc.update("""
                UPDATE complaint SET goodwill_amount = ?, goodwill_reason = ?, goodwill_outcome = ?, goodwill_approved_amount = ?,
                    goodwill_decided_by = ?, goodwill_approval_request = ?
                WHERE reference = ?""", amount, reason, outcome, approvedAmount, decidedBy, approvalRequest, reference);
    }

    public void flagForCorrectiveAction(String reference) {
        jdbc.update("UPDATE complaint SET corrective_action_flagged = TRUE WHERE reference = ?", reference);
    }

    public void recordSurveyAnswer(String reference, int rating, String comment) {
        jdbc.update("UPDATE complaint SET status = 'CLOSED', survey_rating = ?, survey_comment = ?, survey_answered_at = ? WHERE reference = ?",
                rating, comment, Timestamp.from(Instant.now()), reference);
    }

    public Optional<Entry> find(String reference) {
        return jdbc.query("SELECT * FROM complaint WHERE reference = ?", (rs, i) -> new Entry(
                rs.getString("reference"), rs.getString("process_instance_id"), instant(rs.getTimestamp("received_at")),
                rs.getString("received_by"), rs.getString("customer_name"), rs.getString("customer_email"),
                rs.getString("channel"), rs.getString("category"), rs.getString("description"),
                rs.getString("about_employee"), rs.getString("order_reference"), rs.getString("status"),
                rs.getString("resolution"), rs.getString("resolved_by"), instant(rs.getTimestamp("resolved_at")),
                rs.getBigDecimal("goodwill_amount"), rs.getString("goodwill_reason"), rs.getString("goodwill_outcome"),
                rs.getBigDecimal("goodwill_approved_amount"), rs.getString("goodwill_decided_by"),
                rs.getString("goodwill_approval_request"),
                rs.getBoolean("corrective_action_flagged"), (Integer) rs.getObject("survey_rating"),
                rs.getString("survey_comment"), instant(rs.getTimestamp("survey_answered_at"))), reference)
                .stream().findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
