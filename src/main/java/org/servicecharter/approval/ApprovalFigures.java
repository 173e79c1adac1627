package org.servicecharter.approval;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.servicecharter.employeefile.EmployeeFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Decision approval's published figures, for other features (the plan review) that must not read its tables:
 * requests made in [from, to) by the tier that decided them ({@code self} when self-authorised; the current or
 * required tier while open) and their status.
 */
@Service
public class ApprovalFigures {

    private final JdbcTemplate jdbc;
    private final EmployeeFile employeeFile;

    ApprovalFigures(JdbcTemplate jdbc, EmployeeFile employeeFile) {
        this.jdbc = jdbc;
        this.employeeFile = employeeFile;
    }

    /**
     * The recognitions an employee received in [from, to): good decisions an approver marked, as recorded in their
     * employee file.
     */
    public long recognitionsOf(String employee, Instant from, Instant to) {
        // through the employee file's published API, not its table
        return employeeFile.entriesOf(employee, List.of(ApprovalProcess.RECORD_RECOGNITION), from).stream()
                .filter(e -> e.recordedAt().isBefore(to)).count();
    }

    public Map<String, Map<String, Long>> byTierAndOutcome(Instant from, Instant to) {
        Map<String, Map<String, Long>> approvals = new TreeMap<>();
        jdbc.query("""
                SELECT CASE WHEN self_authorised THEN 'self' ELSE COALESCE(decided_at_tier, current_tier, required_tier, 'unknown') END,
                       status, COUNT(*)
                FROM approval_request WHERE requested_at >= ? AND requested_at < ?
                GROUP BY CASE WHEN self_authorised THEN 'self' ELSE COALESCE(decided_at_tier, current_tier, required_tier, 'unknown') END, status
                """, rs -> {
            approvals.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).merge(rs.getString(2), rs.getLong(3), Long::sum);
        }, Timestamp.from(from), Timestamp.from(to));
        return approvals;
    }

    /** Open requests waiting at one tier, and when the oldest of them was made. */
    public record TierWaiting(String tier, long waiting, Instant oldestRequestedAt) {
    }

    /** The oldest open request: its id, the tier it waits at, when it was made. */
    public record Oldest(String id, String tier, Instant requestedAt) {
    }

    public record Waiting(List<TierWaiting> byTier, Oldest oldest) {
    }

    /** Requests waiting for a decision now, by the tier they wait at, and the oldest of them (null when none). */
    public Waiting waiting() {
        List<TierWaiting> byTier = jdbc.query("SELECT COALESCE(current_tier, required_tier, 'unknown') AS tier, COUNT(*),"
                + " MIN(requested_at) FROM approval_request WHERE status = 'open'"
                + " GROUP BY COALESCE(current_tier, required_tier, 'unknown') ORDER BY tier",
                (rs, i) -> new TierWaiting(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()));
        List<Oldest> oldest = jdbc.query("SELECT id, COALESCE(current_tier, required_tier, 'unknown'), requested_at"
                + " FROM approval_request WHERE status = 'open' ORDER BY requested_at, id LIMIT 1",
                (rs, i) -> new Oldest(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
        return new Waiting(byTier, oldest.isEmpty() ? null : oldest.get(0));
    }
}
