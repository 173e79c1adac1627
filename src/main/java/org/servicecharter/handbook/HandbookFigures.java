package org.servicecharter.handbook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.servicecharter.employeefile.EmployeeFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Handbook sign-off's published figures, for other features (the plan review) that must not read its tables or know
 * its record keys: the sign-offs due in [from, to), and how many of them the employee file shows signed before
 * {@code to}.
 */
@Service
public class HandbookFigures {

    public record SignOffs(long due, long signed) {
    }

    private final JdbcTemplate jdbc;
    private final EmployeeFile employeeFile;

    HandbookFigures(JdbcTemplate jdbc, EmployeeFile employeeFile) {
        this.jdbc = jdbc;
        this.employeeFile = employeeFile;
    }

    public SignOffs signOffsDue(Instant from, Instant to) {
        List<String> answerKeys = jdbc.query("SELECT version, employee_id FROM handbook_recipient WHERE due_at >= ? AND due_at < ?",
                (rs, i) -> HandbookProcess.answerKey(rs.getString(1), rs.getString(2)), Timestamp.from(from), Timestamp.from(to));
        long signed = answerKeys.stream().map(employeeFile::find).filter(e -> e.isPresent()
                && HandbookProcess.RECORD_HANDBOOK_ACKNOWLEDGEMENT.equals(e.get().recordType()) && e.get().recordedAt().isBefore(to)).count();
        return new SignOffs(answerKeys.size(), signed);
    }

    /**
     * The sign-off of the version in force (the newest approved and not superseded): how many of its recipients signed, declined,
     * are overdue (past their due date or escalated) or still pending, as the status report counts them.
     */
    public record Progress(String version, String title, Instant deadline, long recipients, long signed, long pending,
            long overdue, long declined) {
    }

    public Optional<Progress> currentVersion(Instant now) {
        List<String[]> versions = jdbc.query("SELECT version, title FROM handbook_version WHERE superseded_by IS NULL AND approval_state = 'approved'"
                + " ORDER BY published_at DESC, version DESC LIMIT 1", (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        String version = versions.get(0)[0];
        Instant deadline = jdbc.queryForObject("SELECT sign_off_deadline FROM handbook_version WHERE version = ?",
                (rs, i) -> rs.getTimestamp(1).toInstant(), version);
        Map<String, String> answers = new HashMap<>();
        // the latest record counts: a decline followed by "will sign now" is pending (or overdue) again
        employeeFile.entriesAbout(version, HandbookSignOffs.ANSWER_RECORDS).forEach(e -> {
            if (HandbookProcess.RECORD_HANDBOOK_WILL_SIGN.equals(e.recordType())) {
                answers.remove(e.employeeId());
            } else {
                answers.put(e.employeeId(), e.recordType());
            }
        });
        long[] counts = new long[5];
        jdbc.query("SELECT employee_id, due_at, escalated_at FROM handbook_recipient WHERE version = ?", rs -> {
            String answer = answers.get(rs.getString(1));
            counts[0]++;
            if (HandbookProcess.RECORD_HANDBOOK_ACKNOWLEDGEMENT.equals(answer)) {
                counts[1]++;
            } else if (answer != null) {
                counts[4]++;
            } else if (rs.getTimestamp(3) != null || now.isAfter(rs.getTimestamp(2).toInstant())) {
                counts[3]++;
            } else {
                counts[2]++;
            }
        }, version);
        return Optional.of(new Progress(version, versions.get(0)[1], deadline, counts[0], counts[1], counts[2], counts[3], counts[4]));
    }
}
