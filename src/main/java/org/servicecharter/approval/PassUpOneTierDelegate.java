package org.servicecharter.approval;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.approval.ApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.servicecharter.identity.StaffNames;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Moves the request one tier up: the approver passed it up, or the tier's deadline passed without a decision. */
@ModelCallable(processes = ApprovalProcess.PROCESS_KEY)
@Component("passUpOneTierDelegate")
public class PassUpOneTierDelegate implements JavaDelegate {

    private final StaffNames names;

    public PassUpOneTierDelegate(StaffNames names) {
        this.names = names;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tier = (String) execution.getVariable(VAR_CURRENT_TIER);
        String tierInWords = tier == null ? "" : tier.replace('-', ' ');
        // the next tier reads why the request comes to them; the answer itself is cleared when it is offered again
        String reason;
        if (DECISION_PASS_UP.equals(execution.getVariable(VAR_DECISION))) {
            Object given = execution.getVariable(VAR_DECISION_REASON);
            reason = "Passed up by " + names.name((String) execution.getVariable(VAR_PASSED_UP_BY)) + " at the " + tierInWords + " tier"
                    + (given instanceof String text && !text.isBlank() ? ": " + text.trim() : " (no reason given).");
        } else {
            reason = "The " + tierInWords + " tier's deadline passed without a decision.";
        }
        execution.setVariable(VAR_PASSED_UP_REASON, reason);
        execution.setVariable(VAR_CURRENT_TIER, ApprovalTiers.next(tier));
    }
}
