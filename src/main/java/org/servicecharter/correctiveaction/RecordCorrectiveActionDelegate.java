package org.servicecharter.correctiveaction;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.platform.Rejected;
import org.springframework.stereotype.Component;

/**
 * The step the ladder decided (coaching, written or final warning) into the employee file; the monitoring period
 * starts. A step the ladder does not know (a DMN edited to say something else) is refused and nothing is recorded.
 */
@ModelCallable(processes = CorrectiveActionProcess.PROCESS_KEY)
@Component("recordCorrectiveActionDelegate")
public class RecordCorrectiveActionDelegate implements JavaDelegate {

    private final CorrectiveActionRecords records;
    private final CorrectiveActionProperties properties;

    public RecordCorrectiveActionDelegate(CorrectiveActionRecords records, CorrectiveActionProperties properties) {
        this.records = records;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object decided = execution.getVariable(VAR_CORRECTIVE_ACTION);
        LadderStep step = LadderStep.of(decided instanceof String s ? s : null)
                .filter(s -> LadderStep.DECIDABLE.contains(s) && s != LadderStep.HR_REVIEW)
                .orElseThrow(() -> new Rejected(VAR_CORRECTIVE_ACTION,
                        "The corrective-action ladder decided an unknown step '" + decided + "' (severity "
                                + execution.getVariable(VAR_SEVERITY) + "); known steps are coaching, written-warning, "
                                + "final-warning and hr-review. Nothing was recorded."));
        String employee = (String) execution.getVariable(VAR_EMPLOYEE);
        records.append(CaseRecord.entry(execution, step.recordType(), step.label() + " for " + employee + " (case "
                + execution.getProcessBusinessKey() + ")", (String) execution.getVariable(VAR_DOCUMENTED_BY)));
        CaseRecord.startMonitoring(execution, properties);
    }
}
