package org.servicecharter.handbook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

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
}
