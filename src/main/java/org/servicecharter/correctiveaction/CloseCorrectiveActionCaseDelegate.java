package org.servicecharter.correctiveaction;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A monitoring period without a substantiated repeat complaint: the case closes, and the file says so. */
@ModelCallable(processes = CorrectiveActionProcess.PROCESS_KEY)
@Component("closeCorrectiveActionCaseDelegate")
public class CloseCorrectiveActionCaseDelegate implements JavaDelegate {

    private final CorrectiveActionRecords records;

    public CloseCorrectiveActionCaseDelegate(CorrectiveActionRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.append(CaseRecord.entry(execution, RECORD_TYPE_CLOSED, "Monitoring period passed without a substantiated complaint; case "
                + execution.getProcessBusinessKey() + " closed", null));
        execution.setVariable(VAR_OUTCOME, OUTCOME_CLOSED);
    }
}
