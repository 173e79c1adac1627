package org.servicecharter.complaint;

import static org.servicecharter.complaint.ComplaintProcess.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Writes what the supervisor did to put things right, the outcome and who did it (the user who completed the
 * recovery task) to the complaints register, and closes the complaint again. A missing action or an outcome the form
 * does not offer rolls the completion back with the field.
 */
@ModelCallable(processes = ComplaintProcess.PROCESS_KEY)
@Component("recordRecoveryOutcomeDelegate")
public class RecordRecoveryOutcomeDelegate implements JavaDelegate {

    private final ComplaintRegister register;

    public RecordRecoveryOutcomeDelegate(ComplaintRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<FieldError> errors = new ArrayList<>();
        Object action = execution.getVariable(VAR_RECOVERY_ACTION);
        if (!(action instanceof String text) || text.isBlank() || text.length() > 4000) {
            errors.add(new FieldError(VAR_RECOVERY_ACTION, "is required: what was done for the customer (at most 4000 characters)"));
        }
        Object outcome = execution.getVariable(VAR_RECOVERY_OUTCOME);
        if (!(outcome instanceof String chosen) || !RECOVERY_OUTCOMES.contains(chosen)) {
            errors.add(new FieldError(VAR_RECOVERY_OUTCOME, "must be one of " + RECOVERY_OUTCOMES));
        }
        if (!errors.isEmpty()) {
            throw Rejected.of("The form cannot be completed", errors);
        }
        String recoveredBy = CurrentUser.of(execution);
        execution.setVariable(VAR_RECOVERED_BY, recoveredBy);
        register.recordRecoveryOutcome(execution.getProcessBusinessKey(), ((String) action).trim(), (String) outcome, recoveredBy);
    }
}
