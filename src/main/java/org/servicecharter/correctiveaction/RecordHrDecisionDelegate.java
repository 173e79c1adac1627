package org.servicecharter.correctiveaction;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.identity.Leavers;
import org.springframework.stereotype.Component;

/**
 * HR's decision and reason into the employee file; retaining (with a final warning) starts a monitoring period,
 * dismissing makes the employee a leaver ({@link Leavers}: the account is disabled, their open tasks go back, the file
 * records that they left).
 */
@ModelCallable(processes = CorrectiveActionProcess.PROCESS_KEY)
@Component("recordHrDecisionDelegate")
public class RecordHrDecisionDelegate implements JavaDelegate {

    private final CorrectiveActionRecords records;
    private final CorrectiveActionProperties properties;
    private final Leavers leavers;
    private final CaseRegister cases;

    public RecordHrDecisionDelegate(CorrectiveActionRecords records, CorrectiveActionProperties properties, Leavers leavers,
            CaseRegister cases) {
        this.records = records;
        this.properties = properties;
        this.leavers = leavers;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean dismiss = HR_DISMISS.equals(execution.getVariable(VAR_HR_DECISION));
        LadderStep step = dismiss ? LadderStep.HR_DISMISSED : LadderStep.HR_RETAINED;
        records.append(CaseRecord.entry(execution, step.recordType(), step.label() + ": " + execution.getVariable(VAR_EMPLOYEE)
                + " (case " + execution.getProcessBusinessKey() + "). Reason: " + execution.getVariable(VAR_HR_REASON),
                (String) execution.getVariable(VAR_HR_DECIDED_BY)));
        if (dismiss) {
            execution.setVariable(VAR_OUTCOME, OUTCOME_DISMISSED);
            // who leaves is whom the case was opened for (the register of record), never the variable, which an
            // administrator can overwrite
            String employee = cases.employeeOf(execution.getProcessInstanceId()).orElseThrow(() -> new IllegalStateException(
                    "The case " + execution.getProcessBusinessKey() + " is not in the register of cases; nobody was dismissed."));
            if (!leavers.isLeaver(employee)) { // dismissed in another case already: they left once
                leavers.markLeft(employee, "Dismissed by HR's decision in corrective-action case "
                        + execution.getProcessBusinessKey() + ": " + execution.getVariable(VAR_HR_REASON),
                        (String) execution.getVariable(VAR_HR_DECIDED_BY));
            }
        } else {
            CaseRecord.startMonitoring(execution, properties);
        }
    }
}
