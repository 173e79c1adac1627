package org.servicecharter.correctiveaction;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The conversation found the complaint not substantiated: recorded (it clears the employee), never counted. */
@ModelCallable(processes = CorrectiveActionProcess.PROCESS_KEY)
@Component("recordNotSubstantiatedDelegate")
public class RecordNotSubstantiatedDelegate implements JavaDelegate {

    private final CorrectiveActionRecords records;

    public RecordNotSubstantiatedDelegate(CorrectiveActionRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.append(CaseRecord.entry(execution, RECORD_TYPE_NOT_SUBSTANTIATED, "Complaint not substantiated after a conversation with "
                + execution.getVariable(VAR_EMPLOYEE) + " (case " + execution.getProcessBusinessKey() + ")",
                (String) execution.getVariable(VAR_DOCUMENTED_BY)));
        if (execution.getVariable(VAR_MONITORING_ENDS_AT) == null) {
            execution.setVariable(VAR_OUTCOME, OUTCOME_NOT_SUBSTANTIATED);
        }
    }
}
