package org.servicecharter.complaint;

import static org.servicecharter.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Writes the resolution and who resolved it (the user who completed the handling task) to the register. */
@Component("recordResolutionDelegate")
public class RecordResolutionDelegate implements JavaDelegate {

    private final ComplaintRegister register;

    public RecordResolutionDelegate(ComplaintRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String resolvedBy = current != null ? current.getUserId() : null;
        execution.setVariable(VAR_RESOLVED_BY, resolvedBy);
        register.recordResolution(execution.getProcessBusinessKey(), (String) execution.getVariable(VAR_RESOLUTION), resolvedBy);
    }
}
