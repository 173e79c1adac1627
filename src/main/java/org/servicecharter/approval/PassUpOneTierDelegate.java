package org.servicecharter.approval;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.approval.ApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Moves the request one tier up: the approver passed it up, or the tier's deadline passed without a decision. */
@ModelCallable(processes = ApprovalProcess.PROCESS_KEY)
@Component("passUpOneTierDelegate")
public class PassUpOneTierDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_CURRENT_TIER, ApprovalTiers.next((String) execution.getVariable(VAR_CURRENT_TIER)));
    }
}
