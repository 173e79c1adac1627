package org.servicecharter.correctiveaction;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The employee's corrective actions within the look-back window (from the DMN), read from the employee file. */
@ModelCallable(processes = CorrectiveActionProcess.PROCESS_KEY)
@Component("countPriorActionsDelegate")
public class CountPriorActionsDelegate implements JavaDelegate {

    private final CorrectiveActionRecords records;

    public CountPriorActionsDelegate(CorrectiveActionRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CorrectiveActionRecords.PriorActions prior = records.priorActions((String) execution.getVariable(VAR_EMPLOYEE),
                CorrectiveActionRecords.parseWindow((String) execution.getVariable(VAR_LOOK_BACK_WINDOW)), Instant.now());
        execution.setVariable(VAR_PRIOR_ACTIONS_IN_WINDOW, prior.count());
        execution.setVariable(VAR_HIGHEST_PRIOR_RUNG, prior.highestRank());
    }
}
