package org.servicecharter.complaint;

import org.servicecharter.platform.governance.ModelCallable;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Marks a complaint about an employee in the register as handed to corrective action. The hand-over itself is the
 * model's next step, a message named in the model ({@code ServiceTask_HandToCorrectiveAction}, sent by the platform's
 * {@code correlateMessageDelegate}): this class knows nothing of corrective action. Who the complaint is about is the
 * register's (as taken at intake), not the process variable.
 */
@ModelCallable(processes = ComplaintProcess.PROCESS_KEY)
@Component("flagForCorrectiveActionDelegate")
public class FlagForCorrectiveActionDelegate implements JavaDelegate {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FlagForCorrectiveActionDelegate.class);

    private final ComplaintRegister register;

    public FlagForCorrectiveActionDelegate(ComplaintRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        // who the complaint is about: from the register, as taken at intake, never from a variable
        ComplaintRegister.Entry complaint = register.find(reference).orElse(null);
        String employee = complaint == null ? null : complaint.aboutEmployee();
        if (employee == null || employee.isBlank()) {
            log.warn("Complaint {} names nobody in the register; it is not flagged for corrective action", reference);
            return;
        }
        register.flagForCorrectiveAction(reference);
    }
}
