package org.servicecharter.complaint;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.platform.CurrentUser;
import org.springframework.stereotype.Component;

/** Writes the resolution and who resolved it (the user who completed the handling task) to the register. */
@ModelCallable(processes = ComplaintProcess.PROCESS_KEY)
@Component("recordResolutionDelegate")
public class RecordResolutionDelegate implements JavaDelegate {

    private final ComplaintRegister register;

    public RecordResolutionDelegate(ComplaintRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String resolvedBy = CurrentUser.of(execution);
        execution.setVariable(VAR_RESOLVED_BY, resolvedBy);
        register.recordResolution(execution.getProcessBusinessKey(), (String) execution.getVariable(VAR_RESOLUTION), resolvedBy);
    }
}
