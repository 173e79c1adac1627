package org.servicecharter.approval;

import org.servicecharter.messaging.StaffMessages;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.approval.ApprovalProcess.*;

import java.math.BigDecimal;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the approver's decision as the request's outcome (the four-eyes guard has checked who decided and set
 * decidedBy, decidedAtTier, decidedAt). A rejecter joins the excluded approvers, so that the request never reaches
 * them again should it come back (a restart or modification by an administrator).
 */
@ModelCallable(processes = ApprovalProcess.PROCESS_KEY)
@Component("recordDecisionDelegate")
public class RecordDecisionDelegate implements JavaDelegate {

    private final ApprovalRegister register;
    private final StaffMessages staffMessages;

    public RecordDecisionDelegate(ApprovalRegister register, StaffMessages staffMessages) {
        this.register = register;
        this.staffMessages = staffMessages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = DECISION_APPROVE.equals(execution.getVariable(VAR_DECISION));
        String decidedBy = (String) execution.getVariable(VAR_DECIDED_BY);
        String outcome = approved ? OUTCOME_APPROVED : OUTCOME_REJECTED;
        Number approvedAmount = approved ? (Number) execution.getVariable(VAR_APPROVED_AMOUNT) : null;
        execution.setVariable(VAR_OUTCOME, outcome);
        if (!approved) {
            execution.setVariable(VAR_APPROVED_AMOUNT, null);
            execution.setVariable(VAR_EXCLUDED_APPROVERS,
                    ApprovalTiers.withExcluded(execution.getVariable(VAR_EXCLUDED_APPROVERS), decidedBy));
        }
        register.recordOutcome(execution.getProcessBusinessKey(), outcome, false,
                approvedAmount == null ? null : BigDecimal.valueOf(approvedAmount.doubleValue()), decidedBy,
                (String) execution.getVariable(VAR_DECIDED_AT_TIER), ((Date) execution.getVariable(VAR_DECIDED_AT)).toInstant(),
                (String) execution.getVariable(VAR_DECISION_REASON));
        // the outcome, to the requester (the register's, never a variable)
        String id = execution.getProcessBusinessKey();
        register.find(id).ifPresent(request -> {
            java.util.Map<String, Object> model = new java.util.HashMap<>();
            model.put("id", id);
            model.put("type", request.type());
            model.put("outcome", outcome.toLowerCase(java.util.Locale.ROOT));
            model.put("decidedBy", decidedBy);
            model.put("approvedAmount", request.approvedAmount() == null ? null : request.approvedAmount().toPlainString());
            model.put("currency", request.currency());
            model.put("reason", request.decisionReason());
            staffMessages.toUser(request.requester(), "approval-outcome", model,
                    "approval-outcome:" + id + ":" + request.decidedAt().toEpochMilli(), id);
        });
    }
}
