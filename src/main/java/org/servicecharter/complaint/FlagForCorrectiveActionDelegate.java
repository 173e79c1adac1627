package org.servicecharter.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks a complaint about an employee in the register so that corrective action can pick it up. */
@Component("flagForCorrectiveActionDelegate")
public class FlagForCorrectiveActionDelegate implements JavaDelegate {

    private final ComplaintRegister register;

    public FlagForCorrectiveActionDelegate(ComplaintRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        register.flagForCorrectiveAction(execution.getProcessBusinessKey());
    }
}
