package org.servicecharter.complaint;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.servicecharter.platform.Conflict;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The complaints register: each complaint's facts and outcome, in the application's own table, and every correction of
 * a fact (table {@code complaint_correction}, append-only: inserted and read here, never changed).
 *
 * <p>Within one transaction a complaint is read once: a step asks about it several times (whom it is about for the
 * task rights, whether the customer has an address for the survey gateway, the facts for a mail), and the entry read
 * — or just registered — answers them all. Every change made here forgets the transaction's copy, so a read after a
 * change reads the database again.
 */
@Repository
public class ComplaintRegister {

    /**
     * One complaint. {@code status}: OPEN, RESOLVED, CLOSED, or RECOVERY while supervisors put a poorly rated
     * resolution right (then CLOSED again). {@code surveyTakenBy}: the agent who took the answer on the phone (null when
     * the customer answered on the survey page).
     */
    public record Entry(String reference, String processInstanceId, Instant receivedAt, String receivedBy,
            String customerName, String customerEmail, String customerPhone, String channel, String category,
            String description, String aboutEmployee, String orderReference, String status, String resolution,
            String resolvedBy, Instant resolvedAt, BigDecimal goodwillAmount, String goodwillReason, String goodwillOutcome,
            BigDecimal goodwillApprovedAmount, String goodwillDecidedBy, String goodwillApprovalRequest,
            boolean correctiveActionFlagged, Integer surveyRating, String surveyComment, Boolean surveyResolved,
            String surveyTakenBy, Instant surveyAnsweredAt, Instant recoveryOpenedAt, String recoveryAction,
            String recoveryOutcome, String recoveredBy, Instant recoveryClosedAt) {
    }

    /** One correction of a fact: from what to what, who, when, why, and the correction's own process instance. */
    public record Correction(String reference, String fact, String oldValue, String newValue, String correctedBy,
            Instant correctedAt, String reason, String processInstanceId) {
    }

    /** The facts a correction may change, each with its column (a fixed list: no name from outside reaches SQL). */
    private static final Map<String, String> CORRECTABLE = Map.of(
            ComplaintProcess.VAR_ABOUT_EMPLOYEE, "about_employee",
            ComplaintProcess.VAR_CUSTOMER_EMAIL, "customer_email");

    private final JdbcTemplate jdbc;

    public ComplaintRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void register(String reference, String processInstanceId, String receivedBy, ComplaintIntake intake) {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.update("""
                INSERT INTO complaint (reference, process_instance_id, received_at, received_by, customer_name,
                    customer_email, customer_phone, channel, category, description, about_employee, order_reference, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""",
                reference, processInstanceId, Timestamp.from(receivedAt), receivedBy, intake.customerName(),
                intake.customerEmail(), intake.customerPhone(), intake.channel(), intake.category(), intake.description(),
                intake.aboutEmployee(), intake.orderReference());
        Map<String, Entry> read = readInThisTransaction();
        if (read != null) {
            read.put(reference, new Entry(reference, processInstanceId, receivedAt, receivedBy, intake.customerName(),
                    intake.customerEmail(), intake.customerPhone(), intake.channel(), intake.category(), intake.description(),
                    intake.aboutEmployee(), intake.orderReference(), "OPEN", null, null, null, null, null, null, null, null,
                    null, false, null, null, null, null, null, null, null, null, null, null));
        }
    }

    /** Who the complaint is about, as registered at intake (null when it names nobody or is unknown). */
    public String aboutEmployee(String reference) {
        if (reference == null) {
            return null;
        }
        return find(reference).map(Entry::aboutEmployee).orElse(null);
    }

    public boolean exists(String reference) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE reference = ?", Integer.class, reference);
        return count != null && count > 0;
    }

    public void recordResolution(String reference, String resolution, String resolvedBy) {
        forget(reference);
        jdbc.update("UPDATE complaint SET status = 'RESOLVED', resolution = ?, resolved_by = ?, resolved_at = ? WHERE reference = ?",
                resolution, resolvedBy, Timestamp.from(Instant.now()), reference);
    }

    /** The goodwill gesture asked for and how the approval tiers decided it (approved amount null when rejected). */
    public void recordGoodwillDecision(String reference, BigDecimal amount, String reason, String outcome,
            BigDecimal approvedAmount, String decidedBy, String approvalRequest) {
        forget(reference);
        jdbc.update("""
                UPDATE complaint SET goodwill_amount = ?, goodwill_reason = ?, goodwill_outcome = ?, goodwill_approved_amount = ?,
                    goodwill_decided_by = ?, goodwill_approval_request = ?
                WHERE reference = ?""", amount, reason, outcome, approvedAmount, decidedBy, approvalRequest, reference);
    }

    public void flagForCorrectiveAction(String reference) {
        forget(reference);
        jdbc.update("UPDATE complaint SET corrective_action_flagged = TRUE WHERE reference = ?", reference);
    }

    /** Whether the register has an e-mail address for the customer (the survey goes by mail, or by an agent's call). */
    public boolean hasCustomerEmail(String reference) {
        return find(reference).map(entry -> entry.customerEmail() != null).orElse(false);
    }

    /**
     * The customer's survey answer; the complaint is closed with it (service recovery reopens it in the same step).
     * {@code takenBy}: the agent who took it on the phone, null when the customer answered on the survey page.
     */
    public void recordSurveyAnswer(String reference, int rating, String comment, boolean resolved, String takenBy) {
        forget(reference);
        jdbc.update("""
                UPDATE complaint SET status = 'CLOSED', survey_rating = ?, survey_comment = ?, survey_resolved = ?,
                    survey_taken_by = ?, survey_answered_at = ?
                WHERE reference = ?""", rating, comment, resolved, takenBy, Timestamp.from(Instant.now()), reference);
    }

    /** A poor survey answer reopens the complaint for service recovery. */
    public void reopenForServiceRecovery(String reference) {
        forget(reference);
        jdbc.update("UPDATE complaint SET status = 'RECOVERY', recovery_opened_at = ? WHERE reference = ?",
                Timestamp.from(Instant.now()), reference);
    }

    /** What the supervisor did to put things right, and the outcome; the complaint is closed again. */
    public void recordRecoveryOutcome(String reference, String action, String outcome, String recoveredBy) {
        forget(reference);
        jdbc.update("""
                UPDATE complaint SET status = 'CLOSED', recovery_action = ?, recovery_outcome = ?, recovered_by = ?,
                    recovery_closed_at = ?
                WHERE reference = ?""", action, outcome, recoveredBy, Timestamp.from(Instant.now()), reference);
    }

    /** How many complaints were reopened for service recovery in [from, to). */
    public long serviceRecoveriesOpened(Instant from, Instant to) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE recovery_opened_at >= ? AND recovery_opened_at < ?",
                Long.class, Timestamp.from(from), Timestamp.from(to));
        return count == null ? 0 : count;
    }

    public Optional<Entry> find(String reference) {
        Map<String, Entry> read = readInThisTransaction();
        if (read != null && read.containsKey(reference)) {
            return Optional.ofNullable(read.get(reference));
        }
        Optional<Entry> entry = jdbc.query("SELECT * FROM complaint WHERE reference = ?", (rs, i) -> new Entry(
                rs.getString("reference"), rs.getString("process_instance_id"), instant(rs.getTimestamp("received_at")),
                rs.getString("received_by"), rs.getString("customer_name"), rs.getString("customer_email"),
                rs.getString("customer_phone"), rs.getString("channel"), rs.getString("category"), rs.getString("description"),
                rs.getString("about_employee"), rs.getString("order_reference"), rs.getString("status"),
                rs.getString("resolution"), rs.getString("resolved_by"), instant(rs.getTimestamp("resolved_at")),
                rs.getBigDecimal("goodwill_amount"), rs.getString("goodwill_reason"), rs.getString("goodwill_outcome"),
                rs.getBigDecimal("goodwill_approved_amount"), rs.getString("goodwill_decided_by"),
                rs.getString("goodwill_approval_request"),
                rs.getBoolean("corrective_action_flagged"), (Integer) rs.getObject("survey_rating"),
                rs.getString("survey_comment"), (Boolean) rs.getObject("survey_resolved"), rs.getString("survey_taken_by"),
                instant(rs.getTimestamp("survey_answered_at")), instant(rs.getTimestamp("recovery_opened_at")),
                rs.getString("recovery_action"), rs.getString("recovery_outcome"), rs.getString("recovered_by"),
                instant(rs.getTimestamp("recovery_closed_at"))), reference)
                .stream().findFirst();
        if (read != null) {
            read.put(reference, entry.orElse(null));
        }
        return entry;
    }

    /** The complaints read or registered in the current transaction (null outside one): reference → entry, or null if none. */
    private Map<String, Entry> readInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || jdbc.getDataSource() == null) {
            return null;
        }
        Object connection = TransactionSynchronizationManager.getResource(jdbc.getDataSource());
        if (connection == null) {
            return null;
        }
        if (TransactionSynchronizationManager.getResource(this) instanceof ReadInTransaction read) {
            // a transaction started inside another one (its own connection) reads the database
            return read.connection() == connection ? read.entries() : null;
        }
        ReadInTransaction read = new ReadInTransaction(connection, new HashMap<>());
        TransactionSynchronizationManager.bindResource(this, read);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(ComplaintRegister.this);
            }
        });
        return read.entries();
    }

    private record ReadInTransaction(Object connection, Map<String, Entry> entries) {
    }

    private void forget(String reference) {
        if (TransactionSynchronizationManager.getResource(this) instanceof ReadInTransaction read) {
            read.entries().remove(reference);
        }
    }

    /**
     * Changes one fact of the complaint from {@code oldValue} to {@code newValue} and records the correction beside it,
     * in the caller's transaction. Refused as a conflict when the fact no longer holds {@code oldValue} (someone else
     * corrected it at the same moment): the correction was decided on a value that is gone.
     */
    public Correction correct(String reference, String fact, String oldValue, String newValue, String correctedBy,
            String reason, String processInstanceId) {
        forget(reference);
        String column = CORRECTABLE.get(fact);
        if (column == null) {
            // the caller has checked the fact (ComplaintCorrections refuses any other with Rejected): a bug, not a request
            throw new IllegalStateException("Not a fact a correction may change: " + fact);
        }
        int changed = oldValue == null
                ? jdbc.update("UPDATE complaint SET " + column + " = ? WHERE reference = ? AND " + column + " IS NULL",
                        newValue, reference)
                : jdbc.update("UPDATE complaint SET " + column + " = ? WHERE reference = ? AND " + column + " = ?",
                        newValue, reference, oldValue);
        if (changed != 1) {
            throw new Conflict("Someone else changed complaint " + reference + " at the same moment; look at it"
                    + " again and correct it if it is still needed.");
        }
        Instant now = Instant.now();
        jdbc.update("""
                INSERT INTO complaint_correction (reference, fact, old_value, new_value, corrected_by, corrected_at, reason,
                    process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                reference, fact, oldValue, newValue, correctedBy, Timestamp.from(now), reason, processInstanceId);
        return new Correction(reference, fact, oldValue, newValue, correctedBy, now, reason, processInstanceId);
    }

    /** The corrections of the complaint's facts, oldest first. */
    public List<Correction> corrections(String reference) {
        return jdbc.query("SELECT * FROM complaint_correction WHERE reference = ? ORDER BY corrected_at, id",
                (rs, i) -> new Correction(rs.getString("reference"), rs.getString("fact"), rs.getString("old_value"),
                        rs.getString("new_value"), rs.getString("corrected_by"), instant(rs.getTimestamp("corrected_at")),
                        rs.getString("reason"), rs.getString("process_instance_id")), reference);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
