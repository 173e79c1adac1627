package org.servicecharter.employeefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.servicecharter.platform.Conflict;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The employee file, append-only: this class is the only code that touches table {@code employee_file_entry},
 * and it only inserts and reads (EmployeeFileAppendOnlyTests checks that no main source updates or deletes
 * there; on PostgreSQL a trigger refuses it as well). A correction is a new record, never an edit.
 */
@Repository
public class EmployeeFile {

    private final JdbcTemplate jdbc;

    public EmployeeFile(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the record with the server's time; refuses a second record for the same fact. */
    public EmployeeFileEntry append(EmployeeFileEntry.NewEntry entry) {
        // the database keeps microseconds at most; truncate so that what we return is what a read returns
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            jdbc.update("""
                    INSERT INTO employee_file_entry (employee_id, recorded_at, record_type, summary, subject_reference,
                        document_sha256, details, recorded_by, process_instance_id, unique_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    entry.employeeId(), Timestamp.from(now), entry.recordType(), entry.summary(),
                    entry.subjectReference(), entry.documentSha256(), entry.details(), entry.recordedBy(),
                    entry.processInstanceId(), entry.uniqueKey());
        } catch (DuplicateKeyException e) {
            // a record with the same unique key exists already: the fact is in the file once and stays as it is
            throw new Conflict("The employee file already holds the record " + entry.uniqueKey()
                    + "; it is written once and never changed.");
        }
        return find(entry.uniqueKey()).orElseThrow();
    }

    /** The employee's records in time order, oldest first. */
    public List<EmployeeFileEntry> entriesOf(String employeeId) {
        return jdbc.query("SELECT * FROM employee_file_entry WHERE employee_id = ? ORDER BY recorded_at, id",
                EmployeeFile::map, employeeId);
    }

    /**
     * The employee's records of the given types recorded at or after {@code since}, oldest first: e.g. the corrective
     * actions within a look-back window.
     */
    public List<EmployeeFileEntry> entriesOf(String employeeId, List<String> recordTypes, Instant since) {
        if (recordTypes.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", recordTypes.stream().map(t -> "?").toList());
        Object[] args = new Object[recordTypes.size() + 2];
        args[0] = employeeId;
        args[1] = Timestamp.from(since.truncatedTo(ChronoUnit.MICROS)); // the precision records are stored at
        for (int i = 0; i < recordTypes.size(); i++) {
            args[i + 2] = recordTypes.get(i);
        }
        return jdbc.query("SELECT * FROM employee_file_entry WHERE employee_id = ? AND recorded_at >= ? AND record_type IN ("
                + placeholders + ") ORDER BY recorded_at, id", EmployeeFile::map, args);
    }

    /** The records about a subject (e.g. a handbook version), of the given types. */
    public List<EmployeeFileEntry> entriesAbout(String subjectReference, List<String> recordTypes) {
        String placeholders = String.join(", ", recordTypes.stream().map(t -> "?").toList());
        Object[] args = new Object[recordTypes.size() + 1];
        args[0] = subjectReference;
        for (int i = 0; i < recordTypes.size(); i++) {
            args[i + 1] = recordTypes.get(i);
        }
        return jdbc.query("SELECT * FROM employee_file_entry WHERE subject_reference = ? AND record_type IN ("
                + placeholders + ") ORDER BY recorded_at, id", EmployeeFile::map, args);
    }

    /** How many records of the given types were recorded in [from, to): e.g. the corrective actions of a quarter. */
    public long count(List<String> recordTypes, Instant from, Instant to) {
        if (recordTypes.isEmpty()) {
            return 0;
        }
        String placeholders = String.join(", ", recordTypes.stream().map(t -> "?").toList());
        Object[] args = new Object[recordTypes.size() + 2];
        args[0] = Timestamp.from(from);
        args[1] = Timestamp.from(to);
        for (int i = 0; i < recordTypes.size(); i++) {
            args[i + 2] = recordTypes.get(i);
        }
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM employee_file_entry WHERE recorded_at >= ? AND recorded_at < ? AND record_type IN ("
                + placeholders + ")", Long.class, args);
        return count == null ? 0 : count;
    }

    public Optional<EmployeeFileEntry> find(String uniqueKey) {
        return jdbc.query("SELECT * FROM employee_file_entry WHERE unique_key = ?", EmployeeFile::map, uniqueKey)
                .stream().findFirst();
    }

    private static EmployeeFileEntry map(ResultSet rs, int row) throws SQLException {
        return new EmployeeFileEntry(rs.getLong("id"), rs.getString("employee_id"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("record_type"), rs.getString("summary"),
                rs.getString("subject_reference"), rs.getString("document_sha256"), rs.getString("details"),
                rs.getString("recorded_by"), rs.getString("process_instance_id"), rs.getString("unique_key"));
    }
}
