package org.servicecharter.employeefile;

import java.time.Instant;

/**
 * One record in an employee's file: a fact about the employee that they are accountable for or credited with
 * (a handbook acknowledgement, a recognition, a corrective action...). Records are never changed or removed.
 *
 * @param recordType       what kind of record, e.g. {@code handbook-acknowledgement}
 * @param summary          one sentence a person reads
 * @param subjectReference what it is about, e.g. the handbook version
 * @param documentSha256   the SHA-256 of the document it refers to, if any
 * @param recordedBy       the user whose action produced the record (for a signature: the signer)
 * @param uniqueKey        the fact's identity: a second record with the same key is refused
 */
public record EmployeeFileEntry(long id, String employeeId, Instant recordedAt, String recordType, String summary,
        String subjectReference, String documentSha256, String details, String recordedBy, String processInstanceId,
        String uniqueKey) {

    /** A record to append; the file gives it its id and the server time. */
    public record NewEntry(String employeeId, String recordType, String summary, String subjectReference,
            String documentSha256, String details, String recordedBy, String processInstanceId, String uniqueKey) {
    }
}
