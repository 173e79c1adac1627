package org.servicecharter.complaint;

import org.servicecharter.platform.governance.ModelCallable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Component;

/**
 * Marks a complaint about an employee in the register and hands it to corrective action, by BPMN message (by name; the
 * two features do not import each other): if a corrective-action case for that employee is in its monitoring period,
 * the complaint is a repeat and goes to that case ({@value #MESSAGE_REPEAT_COMPLAINT}, correlated by the case's variable
 * {@code employee}); otherwise it opens a new case ({@value #MESSAGE_CORRECTIVE_ACTION_REQUESTED}) whose business key is
 * the complaint reference. Runs after the complaint's facts are registered, in the same transaction. The employee and
 * the concern are the register's (as taken at intake), not the process variables.
 */
@ModelCallable(processes = ComplaintProcess.PROCESS_KEY)
@Component("flagForCorrectiveActionDelegate")
public class FlagForCorrectiveActionDelegate implements JavaDelegate {

    static final String MESSAGE_CORRECTIVE_ACTION_REQUESTED = "CorrectiveActionRequested";
    static final String MESSAGE_REPEAT_COMPLAINT = "CorrectiveActionRepeatComplaint";
    static final String CASE_EMPLOYEE = "employee";
    static final String CASE_COMPLAINT_REFERENCE = "complaintReference";
    static final String CASE_CONCERN = "concern";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FlagForCorrectiveActionDelegate.class);

    private final ComplaintRegister register;

    public FlagForCorrectiveActionDelegate(ComplaintRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        // who the complaint is about and what happened: from the register, as taken at intake, never from a variable
        ComplaintRegister.Entry complaint = register.find(reference).orElse(null);
        String employee = complaint == null ? null : complaint.aboutEmployee();
        if (employee == null || employee.isBlank()) {
            log.warn("Complaint {} names nobody in the register; no corrective action is opened", reference);
            return;
        }
        register.flagForCorrectiveAction(reference);

        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_EMPLOYEE, employee);
        variables.put(CASE_COMPLAINT_REFERENCE, reference);
        variables.put(CASE_CONCERN, complaint.description());

        RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
        List<Execution> inMonitoring = runtimeService.createExecutionQuery()
                .messageEventSubscriptionName(MESSAGE_REPEAT_COMPLAINT)
                .processVariableValueEquals(CASE_EMPLOYEE, employee)
                .list();
        if (!inMonitoring.isEmpty()) {
            runtimeService.createMessageCorrelation(MESSAGE_REPEAT_COMPLAINT)
                    .processInstanceId(inMonitoring.get(0).getProcessInstanceId())
                    .setVariables(variables)
                    .correlateWithResult();
        } else {
            runtimeService.createMessageCorrelation(MESSAGE_CORRECTIVE_ACTION_REQUESTED)
                    .processInstanceBusinessKey(reference)
                    .setVariables(variables)
                    .correlateStartMessage();
        }
    }
}
