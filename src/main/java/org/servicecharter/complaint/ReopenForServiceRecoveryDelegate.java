package org.servicecharter.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/** A poor survey answer: the complaint is reopened in the register (status RECOVERY) for the supervisors. */
@ModelCallable(processes = ComplaintProcess.PROCESS_KEY)
@Component("reopenForServiceRecoveryDelegate")
public class ReopenForServiceRecoveryDelegate implements JavaDelegate {

    private final ComplaintRegister register;

    public ReopenForServiceRecoveryDelegate(ComplaintRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        register.reopenForServiceRecovery(execution.getProcessBusinessKey());
    }
}
