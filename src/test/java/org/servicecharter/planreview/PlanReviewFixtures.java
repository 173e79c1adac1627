package org.servicecharter.planreview;

import org.servicecharter.complaint.ComplaintProcess;
import org.servicecharter.correctiveaction.CorrectiveActionProcess;
import org.servicecharter.correctiveaction.LadderStep;
import org.servicecharter.handbook.HandbookProcess;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A known history for a period in a far year (no other test writes there): complaints, surveys, SLA breaches and
 * escalations in the engine's history, approval requests, handbook sign-offs and corrective actions. The engine's
 * history rows are fake instances of complaint handling and are removed again by {@link #removeHistory()}.
 */
final class PlanReviewFixtures {

    private final JdbcTemplate jdbc;
    private final List<String> historyIds = new ArrayList<>();

    PlanReviewFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    void complaint(LocalDateTime received, String category, String channel, LocalDateTime resolved, Integer rating) {
        String reference = "PRT-" + unique();
        jdbc.update("""
                INSERT INTO complaint (reference, process_instance_id, received_at, customer_name, customer_email, channel, category,
                  description, status, resolved_at, survey_rating, survey_answered_at)
                VALUES (?, ?, ?, 'Seeded Customer', 'seeded@example.com', ?, ?, 'Seeded for the plan review', ?, ?, ?, ?)""",
                reference, "seed-" + unique(), Timestamp.valueOf(received), channel, category,
                resolved == null ? "OPEN" : rating == null ? "RESOLVED" : "CLOSED",
                resolved == null ? null : Timestamp.valueOf(resolved), rating,
                rating == null ? null : Timestamp.valueOf(resolved.plusDays(1)));
    }

    /**
     * A complaint the employee resolved at {@code resolved}, rated {@code rating} (null: no survey answer); when
     * {@code slaBreachedAt} is given, complaint handling's SLA escalation fired for it then (the engine's history).
     */
    void complaintResolvedBy(String employee, LocalDateTime received, LocalDateTime resolved, Integer rating, LocalDateTime slaBreachedAt) {
        String instance = "seed-" + unique();
        jdbc.update("""
                INSERT INTO complaint (reference, process_instance_id, received_at, customer_name, customer_email, channel, category,
                  description, status, resolved_by, resolved_at, survey_rating, survey_answered_at)
                VALUES (?, ?, ?, 'Seeded Customer', 'seeded@example.com', 'email', 'delivery', 'Seeded for the plan review', ?, ?, ?, ?, ?)""",
                "PRT-" + unique(), instance, Timestamp.valueOf(received), rating == null ? "RESOLVED" : "CLOSED", employee,
                Timestamp.valueOf(resolved), rating, rating == null ? null : Timestamp.valueOf(resolved.plusDays(1)));
        if (slaBreachedAt != null) {
            String id = "seed-" + unique();
            historyIds.add(id);
            jdbc.update("""
                    INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, ACT_TYPE_, START_TIME_)
                    VALUES (?, ?, ?, ?, ?, ?, 'boundaryTimer', ?)""", id, ComplaintProcess.PROCESS_KEY, ComplaintProcess.PROCESS_KEY + ":seed",
                    instance, id, ComplaintProcess.SLA_BREACHED, Timestamp.valueOf(slaBreachedAt));
        }
    }

    /** An activity of complaint handling (or another process) in the engine's history. */
    void history(String processKey, String activityId, String type, LocalDateTime at) {
        String id = "seed-" + unique();
        historyIds.add(id);
        jdbc.update("""
                INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, ACT_TYPE_, START_TIME_)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", id, processKey, processKey + ":seed", id, id, activityId, type, Timestamp.valueOf(at));
    }

    void removeHistory() {
        for (String id : historyIds) {
            jdbc.update("DELETE FROM ACT_HI_ACTINST WHERE ID_ = ?", id);
        }
        historyIds.clear();
    }

    void approval(LocalDateTime requested, boolean selfAuthorised, String tier, String status) {
        jdbc.update("""
                INSERT INTO approval_request (id, process_instance_id, request_type, amount, currency, reason, requester, requested_at,
                  required_tier, current_tier, status, self_authorised, decided_at_tier)
                VALUES (?, ?, 'refund', ?, 'EUR', 'Seeded for the plan review', 'alice', ?, ?, ?, ?, ?, ?)""",
                "PRA-" + unique().substring(0, 16), "seed-" + unique(), new BigDecimal("25.00"), Timestamp.valueOf(requested),
                tier, tier, status, selfAuthorised, "open".equals(status) ? null : tier);
    }

    /** A sign-off due at {@code due}, signed at {@code signedAt} (null: not signed). */
    void signOff(String version, String employee, LocalDateTime due, LocalDateTime signedAt) {
        jdbc.update("INSERT INTO handbook_recipient (version, employee_id, offered_at, due_at) VALUES (?, ?, ?, ?)",
                version, employee, Timestamp.valueOf(due.minusDays(14)), Timestamp.valueOf(due));
        if (signedAt != null) {
            jdbc.update("""
                    INSERT INTO employee_file_entry (employee_id, recorded_at, record_type, summary, subject_reference, recorded_by, unique_key)
                    VALUES (?, ?, ?, 'Seeded signature', ?, ?, ?)""",
                    employee, Timestamp.valueOf(signedAt), HandbookProcess.RECORD_HANDBOOK_ACKNOWLEDGEMENT, version, employee,
                    HandbookProcess.answerKey(version, employee));
        }
    }

    void fileEntry(String employee, String recordType, LocalDateTime at) {
        jdbc.update("""
                INSERT INTO employee_file_entry (employee_id, recorded_at, record_type, summary, recorded_by, unique_key)
                VALUES (?, ?, ?, 'Seeded record', 'maria', ?)""", employee, Timestamp.valueOf(at), recordType, recordType + ":seed:" + unique());
    }

    /**
     * The baseline quarter's known history: 5 complaints (delivery 3, billing 2; email 3, phone 2), 4 resolved in 2, 4,
     * 6 and 12 hours, 3 surveys answered (5, 4, 2), 2 SLA breaches, 1 escalation to a manager, approvals self/approved 2,
     * supervisor approved 1 and rejected 1, manager open 1; 4 sign-offs due of which 2 signed in time; 2 corrective
     * actions. Plus records just outside the quarter and of other processes that must not count.
     */
    void seedBaseline(ReviewPeriod q) {
        LocalDateTime d = q.start().plusDays(10);
        complaint(d, "delivery", "email", d.plusHours(2), 5);
        complaint(d.plusDays(1), "delivery", "phone", d.plusDays(1).plusHours(4), 4);
        complaint(d.plusDays(2), "delivery", "email", d.plusDays(2).plusHours(6), 2);
        complaint(d.plusDays(3), "billing", "email", d.plusDays(3).plusHours(12), null);
        complaint(d.plusDays(4), "billing", "phone", null, null);
        complaint(q.start().minusSeconds(1), "product", "web", q.start().plusHours(1), 1); // received before, resolved in: counts for resolution only
        complaint(q.end(), "product", "web", null, null); // the first moment of the next quarter: not in this one
        history(ComplaintProcess.PROCESS_KEY, ComplaintProcess.SLA_BREACHED, "boundaryTimer", d.plusHours(30));
        history(ComplaintProcess.PROCESS_KEY, ComplaintProcess.SLA_BREACHED, "boundaryTimer", d.plusDays(5));
        history(ComplaintProcess.PROCESS_KEY, ComplaintProcess.SLA_BREACHED, "boundaryTimer", q.end().plusHours(1));
        history("some-other-process", ComplaintProcess.SLA_BREACHED, "boundaryTimer", d);
        history(ComplaintProcess.PROCESS_KEY, ComplaintProcess.MANAGER_RESOLVES, "userTask", d.plusDays(6));
        approval(d, true, "agent", "approved");
        approval(d.plusDays(1), true, "agent", "approved");
        approval(d.plusDays(2), false, "supervisor", "approved");
        approval(d.plusDays(3), false, "supervisor", "rejected");
        approval(d.plusDays(4), false, "manager", "open");
        approval(q.end().plusDays(1), false, "manager", "approved");
        String version = "PRT-" + unique().substring(0, 10);
        signOff(version, "alice", d.plusDays(20), d.plusDays(3));
        signOff(version, "bob", d.plusDays(20), d.plusDays(19));
        signOff(version, "sam", d.plusDays(20), q.end().plusDays(2));
        signOff(version, "hana", d.plusDays(20), null);
        fileEntry("alice", LadderStep.COACHING.recordType(), d);
        fileEntry("bob", LadderStep.WRITTEN_WARNING.recordType(), d.plusDays(2));
        fileEntry("bob", CorrectiveActionProcess.RECORD_TYPE_CLOSED, d.plusDays(40));
        fileEntry("alice", LadderStep.COACHING.recordType(), q.end().plusDays(3));
    }
}
