package org.servicecharter.handbook;

import org.servicecharter.messaging.StaffMessages;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.handbook.HandbookProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The deadline passed unsigned: the status report shows the sign-off as overdue from now on. */
@ModelCallable(processes = {HandbookProcess.PROCESS_KEY, HandbookProcess.EMPLOYEE_PROCESS_KEY})
@Component("markSignOffOverdueDelegate")
public class MarkSignOffOverdueDelegate implements JavaDelegate {

    private final HandbookRegister register;
    private final StaffMessages staffMessages;

    public MarkSignOffOverdueDelegate(HandbookRegister register, StaffMessages staffMessages) {
        this.register = register;
        this.staffMessages = staffMessages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String version = (String) execution.getVariable(VAR_VERSION);
        String employee = (String) execution.getVariable(VAR_EMPLOYEE);
        register.markEscalated(version, employee);
        // the overdue notice to the employee (their manager hears of it with the follow-up task: HandbookMails)
        staffMessages.toUser(employee, "handbook-overdue", java.util.Map.of("version", version),
                "handbook-overdue:" + version + ":" + employee, execution.getProcessBusinessKey());
    }
}
