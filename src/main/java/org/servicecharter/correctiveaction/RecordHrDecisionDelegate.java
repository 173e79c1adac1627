package org.servicecharter.correctiveaction;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** HR's decision and reason into the employee file; retaining (with a final warning) starts a monitoring period. */
@ModelCallable(processes = CorrectiveActionProcess.PROCESS_KEY)
@Component("recordHrDecisionDelegate")
public class RecordHrDecisionDelegate implements JavaDelegate {

    private final CorrectiveActionRecords records;
    private final CorrectiveActionProperties properties;

    public RecordHrDecisionDelegate(CorrectiveActionRecords records, CorrectiveActionProperties properties) {
        this.records = records;
        this.properties = properties;
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
        } else {
            CaseRecord.startMonitoring(execution, properties);
        }
    }
}
