package org.servicecharter.handbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The handbook versions, their uploaded documents and who was offered each version's sign-off. (The signatures
 * themselves live in the employee file; messages to employees go through the messaging module's StaffMessages.)
 */
@Repository
public class HandbookRegister {

    public record Version(String version, String title, String documentUrl, String documentSha256,
            boolean documentStored, String rules, Instant signOffDeadline, String publishedBy, Instant publishedAt,
            String processInstanceId, String supersededBy, Instant supersededAt, String approvalState,
            String approvedBy, Instant approvedAt, String sentBackBy, Instant sentBackAt, String sentBackReason) {

        /** A version as its publication records it: awaiting the head of service's approval. */
        public Version(String version, String title, String documentUrl, String documentSha256, boolean documentStored,
                String rules, Instant signOffDeadline, String publishedBy, Instant publishedAt, String processInstanceId) {
            this(version, title, documentUrl, documentSha256, documentStored, rules, signOffDeadline, publishedBy,
                    publishedAt, processInstanceId, null, null, AWAITING_APPROVAL, null, null, null, null, null);
        }

        /** Approved and not superseded: the version employees sign. */
        public boolean inForce() {
            return APPROVED.equals(approvalState) && supersededBy == null;
        }

        /** The state as the API and the HR pages name it: awaiting-approval, sent-back, withdrawn, in-force, superseded. */
        public String state() {
            if (supersededBy != null) {
                return "superseded";
            }
            return APPROVED.equals(approvalState) ? "in-force" : approvalState;
        }
    }

    public static final String AWAITING_APPROVAL = "awaiting-approval";
    public static final String SENT_BACK = "sent-back";
    public static final String APPROVED = "approved";
    public static final String WITHDRAWN = "withdrawn";

    public record Document(String sha256, String fileName, String contentType, long sizeBytes, byte[] content) {
    }

    public record Recipient(String version, String employeeId, Instant offeredAt, Instant dueAt, boolean lateJoiner,
            Instant remindedAt, Instant escalatedAt) {
    }

    private final JdbcTemplate jdbc;

    public HandbookRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- versions ---------------------------------------------------------------------------------------------

    /** False if the version label exists already. */
    public boolean recordVersion(Version v) {
        try {
            jdbc.update("""
                    INSERT INTO handbook_version (version, title, document_url, document_sha256, document_stored, rules,
                        sign_off_deadline, published_by, published_at, process_instance_id, approval_state)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    v.version(), v.title(), v.documentUrl(), v.documentSha256(), v.documentStored(), v.rules(),
                    Timestamp.from(v.signOffDeadline()), v.publishedBy(), Timestamp.from(v.publishedAt()),
                    v.processInstanceId(), v.approvalState() == null ? AWAITING_APPROVAL : v.approvalState());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public boolean versionExists(String version) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM handbook_version WHERE version = ?", Integer.class, version);
        return count != null && count > 0;
    }

    public Optional<Version> findVersion(String version) {
        return jdbc.query("SELECT * FROM handbook_version WHERE version = ?", HandbookRegister::mapVersion, version)
                .stream().findFirst();
    }

    /** The latest versions, newest first (at most {@code limit}). */
    public List<Version> latestVersions(int limit) {
        return jdbc.query("SELECT * FROM handbook_version ORDER BY published_at DESC, version DESC FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY", HandbookRegister::mapVersion);
    }

    public Optional<Version> findVersionByProcessInstance(String processInstanceId) {
        return jdbc.query("SELECT * FROM handbook_version WHERE process_instance_id = ?", HandbookRegister::mapVersion,
                processInstanceId).stream().findFirst();
    }

    /** Supersedes the version if it is in force (a version awaiting approval is not superseded: it was never in force). */
    public void markSuperseded(String version, String supersededBy) {
        jdbc.update("UPDATE handbook_version SET superseded_by = ?, superseded_at = ? WHERE version = ? AND superseded_by IS NULL"
                + " AND approval_state = '" + APPROVED + "'", supersededBy, Timestamp.from(Instant.now()), version);
    }

    /** The head of service approved the version: from now on it is in force and offered to employees. */
    public void markApproved(String version, String approvedBy) {
        jdbc.update("UPDATE handbook_version SET approval_state = ?, approved_by = ?, approved_at = ? WHERE version = ?",
                APPROVED, approvedBy, Timestamp.from(Instant.now()), version);
    }

    /** The head of service sent the version back to its publisher, with the reason. */
    public void markSentBack(String version, String sentBackBy, String reason) {
        jdbc.update("UPDATE handbook_version SET approval_state = ?, sent_back_by = ?, sent_back_at = ?, sent_back_reason = ?"
                + " WHERE version = ?", SENT_BACK, sentBackBy, Timestamp.from(Instant.now()), reason, version);
    }

    /** The publisher revised the version sent back (title and rules) and submits it for approval again. */
    public void markRevised(String version, String title, String rules) {
        jdbc.update("UPDATE handbook_version SET approval_state = ?, title = ?, rules = ? WHERE version = ?",
                AWAITING_APPROVAL, title, rules, version);
    }

    /** The publisher withdrew the version sent back: it is never offered. */
    public void markWithdrawn(String version) {
        jdbc.update("UPDATE handbook_version SET approval_state = ?, withdrawn_at = ? WHERE version = ?",
                WITHDRAWN, Timestamp.from(Instant.now()), version);
    }

    // --- uploaded documents -------------------------------------------------------------------------------------

    /** Stores the document under its SHA-256 (once: the same content uploaded twice is one document). */
    public void storeDocument(Document document, String uploadedBy) {
        if (findDocumentInfo(document.sha256()).isPresent()) {
            return;
        }
        try {
            jdbc.update("""
                    INSERT INTO handbook_document (sha256, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    document.sha256(), document.fileName(), document.contentType(), document.sizeBytes(),
                    document.content(), uploadedBy, Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException e) {
            // uploaded by someone else at the same moment: same content, same document
        }
    }

    public Optional<Document> findDocumentInfo(String sha256) {
        return jdbc.query("SELECT sha256, file_name, content_type, size_bytes FROM handbook_document WHERE sha256 = ?",
                (rs, i) -> new Document(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), null), sha256)
                .stream().findFirst();
    }

    public Optional<Document> findDocument(String sha256) {
        return jdbc.query("SELECT * FROM handbook_document WHERE sha256 = ?",
                (rs, i) -> new Document(rs.getString("sha256"), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getBytes("content")), sha256).stream().findFirst();
    }

    // --- recipients ---------------------------------------------------------------------------------------------

    /** Records the offer; false if the employee was offered this version's sign-off already. */
    public boolean recordOffer(String version, String employeeId, Instant dueAt, boolean lateJoiner) {
        try {
            jdbc.update("""
                    INSERT INTO handbook_recipient (version, employee_id, offered_at, due_at, late_joiner)
                    VALUES (?, ?, ?, ?, ?)""",
                    version, employeeId, Timestamp.from(Instant.now()), Timestamp.from(dueAt), lateJoiner);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public List<Recipient> recipients(String version) {
        return jdbc.query("SELECT * FROM handbook_recipient WHERE version = ? ORDER BY employee_id",
                HandbookRegister::mapRecipient, version);
    }

    public Optional<Recipient> recipient(String version, String employeeId) {
        return jdbc.query("SELECT * FROM handbook_recipient WHERE version = ? AND employee_id = ?",
                HandbookRegister::mapRecipient, version, employeeId).stream().findFirst();
    }

    public void markReminded(String version, String employeeId) {
        jdbc.update("UPDATE handbook_recipient SET reminded_at = ? WHERE version = ? AND employee_id = ?",
                Timestamp.from(Instant.now()), version, employeeId);
    }

    public void markEscalated(String version, String employeeId) {
        jdbc.update("UPDATE handbook_recipient SET escalated_at = ? WHERE version = ? AND employee_id = ?",
                Timestamp.from(Instant.now()), version, employeeId);
    }

    private static Version mapVersion(ResultSet rs, int row) throws SQLException {
        return new Version(rs.getString("version"), rs.getString("title"), rs.getString("document_url"),
                rs.getString("document_sha256"), rs.getBoolean("document_stored"), rs.getString("rules"),
                instant(rs.getTimestamp("sign_off_deadline")), rs.getString("published_by"),
                instant(rs.getTimestamp("published_at")), rs.getString("process_instance_id"),
                rs.getString("superseded_by"), instant(rs.getTimestamp("superseded_at")), rs.getString("approval_state"),
                rs.getString("approved_by"), instant(rs.getTimestamp("approved_at")), rs.getString("sent_back_by"),
                instant(rs.getTimestamp("sent_back_at")), rs.getString("sent_back_reason"));
    }

    private static Recipient mapRecipient(ResultSet rs, int row) throws SQLException {
        return new Recipient(rs.getString("version"), rs.getString("employee_id"), instant(rs.getTimestamp("offered_at")),
                instant(rs.getTimestamp("due_at")), rs.getBoolean("late_joiner"), instant(rs.getTimestamp("reminded_at")),
                instant(rs.getTimestamp("escalated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
