package org.servicecharter.approval;

import static org.servicecharter.approval.ApprovalProcess.*;

import java.math.RoundingMode;
import java.util.Optional;

import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry;
import org.springframework.stereotype.Service;

/**
 * Recognition of a good decision: when an approver marks the requester's request as a good decision, the
 * requester's employee file gets a {@code recognition} record (once per request) and the requester a message.
 */
@Service
public class ApprovalRecognitions {

    static final int MAX_NOTE = 500;

    private final ApprovalRegister register;
    private final EmployeeFile employeeFile;

    public ApprovalRecognitions(ApprovalRegister register, EmployeeFile employeeFile) {
        this.register = register;
        this.employeeFile = employeeFile;
    }

    public EmployeeFileEntry recognise(String requestId, String recognisedBy, String note, String processInstanceId) {
        ApprovalRegister.Entry request = register.find(requestId)
                .orElseThrow(() -> new IllegalStateException("No approval request " + requestId));
        String what = request.type() + " of " + request.amount().setScale(2, RoundingMode.HALF_UP).toPlainString() + " "
                + request.currency() + (request.complaintReference() == null ? "" : " for complaint " + request.complaintReference());
        String summary = "Recognised by " + recognisedBy + " for a good decision: the " + what + " (" + requestId + ").";
        EmployeeFileEntry entry = employeeFile.append(new EmployeeFileEntry.NewEntry(request.requester(), RECORD_RECOGNITION,
                summary, requestId, null, note == null || note.isBlank() ? null : note.trim(), recognisedBy, processInstanceId,
                recognitionKey(requestId)));
        register.notifyEmployee(request.requester(), "Well done: your decision was recognised",
                recognisedBy + " recognised your decision on the " + what + " as a good one"
                        + (entry.details() == null ? "." : ": \"" + entry.details() + "\".")
                        + " It is recorded in your employee file.", requestId);
        return entry;
    }

    public Optional<EmployeeFileEntry> find(String requestId) {
        return employeeFile.find(recognitionKey(requestId));
    }
}
