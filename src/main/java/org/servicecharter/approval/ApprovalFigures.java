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
}
