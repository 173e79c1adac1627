package org.servicecharter.approval;

import org.servicecharter.messaging.StaffMessages;

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
    private final StaffMessages staffMessages;
    private final EmployeeFile employeeFile;

    public ApprovalRecognitions(ApprovalRegister register, EmployeeFile employeeFile, StaffMessages staffMessages) {
        this.register = register;
        this.staffMessages = staffMessages;
        this.employeeFile = employeeFile;
    }

    public EmployeeFileEntry recognise(String requestId, String recognisedBy, String note, String processInstanceId) {
        ApprovalRegister.Entry request = register.find(requestId)
                .orElseThrow(() -> new IllegalStateException("No approval request " + requestId));
        // what was decided, not what was asked: an approver may approve less than the request
        String amount = (request.approvedAmount() != null ? request.approvedAmount() : request.amount())
                .setScale(2, RoundingMode.HALF_UP).toPlainString();
        String what = request.type() + " of " + amount + " " + request.currency() + (request.complaintReference() == null ? "" : " for complaint " + request.complaintReference());
        String summary = "Recognised by " + recognisedBy + " for a good decision: the " + what + " (" + requestId + ").";
        EmployeeFileEntry entry = employeeFile.append(new EmployeeFileEntry.NewEntry(request.requester(), RECORD_RECOGNITION,
                summary, requestId, null, note == null || note.isBlank() ? null : note.trim(), recognisedBy, processInstanceId,
                recognitionKey(requestId)));
        java.util.Map<String, Object> model = new java.util.HashMap<>();
        model.put("id", requestId);
        model.put("type", request.type());
        model.put("amount", amount);
        model.put("currency", request.currency());
        model.put("complaintReference", request.complaintReference());
        model.put("recognisedBy", recognisedBy);
        model.put("note", entry.details());
        staffMessages.toUser(request.requester(), "recognition", model, recognitionKey(requestId), requestId);
        return entry;
    }

    public Optional<EmployeeFileEntry> find(String requestId) {
        return employeeFile.find(recognitionKey(requestId));
    }
}
