package org.servicecharter.handbook;

import static org.servicecharter.handbook.HandbookProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Records the publisher's answer to a version sent back: resubmitted with the revised title and rules (awaiting
 * approval again; the head of service's previous answer is cleared for the next decision), or withdrawn (never offered).
 */
@ModelCallable(processes = HandbookProcess.PROCESS_KEY)
@Component("recordHandbookRevisionDelegate")
public class RecordHandbookRevisionDelegate implements JavaDelegate {

    private final HandbookRegister register;

    public RecordHandbookRevisionDelegate(HandbookRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String version = (String) execution.getVariable(VAR_VERSION);
        if (REVISION_RESUBMIT.equals(execution.getVariable(VAR_REVISION_DECISION))) {
            String title = ((String) execution.getVariable(VAR_TITLE)).trim();
            String rules = ((String) execution.getVariable(VAR_RULES)).trim();
            register.markRevised(version, title, rules);
            execution.setVariable(VAR_TITLE, title);
            execution.setVariable(VAR_RULES, rules);
            execution.removeVariable(VAR_APPROVAL_DECISION);
            execution.removeVariable(VAR_APPROVAL_DECIDED_BY);
        } else {
            register.markWithdrawn(version);
        }
    }
}
