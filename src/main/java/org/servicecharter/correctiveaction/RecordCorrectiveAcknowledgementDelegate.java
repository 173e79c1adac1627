package org.servicecharter.correctiveaction;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The employee's acknowledgement (and comment, if any) into their file. */
@ModelCallable(processes = CorrectiveActionProcess.PROCESS_KEY)
@Component("recordCorrectiveAcknowledgementDelegate")
public class RecordCorrectiveAcknowledgementDelegate implements JavaDelegate {

    private final CorrectiveActionRecords records;

    public RecordCorrectiveAcknowledgementDelegate(CorrectiveActionRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String employee = (String) execution.getVariable(VAR_EMPLOYEE);
        Object comment = execution.getVariable(VAR_EMPLOYEE_COMMENT);
        records.append(CaseRecord.entry(execution, RECORD_TYPE_ACKNOWLEDGED, employee + " acknowledged the corrective action ("
                + execution.getVariable(VAR_CORRECTIVE_ACTION) + ", case " + execution.getProcessBusinessKey() + ")"
                + (comment instanceof String c && !c.isBlank() ? ". Comment: " + c : ""), employee));
        execution.setVariable(VAR_ACKNOWLEDGEMENT_PENDING, false);
    }
}
