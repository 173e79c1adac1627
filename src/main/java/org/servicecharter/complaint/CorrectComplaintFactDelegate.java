package org.servicecharter.complaint;

import static org.servicecharter.complaint.ComplaintCorrectionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Corrects the fact the start form names ({@link ComplaintCorrections}), as the logged-in user who started the
 * correction (not whoever the variables name). The correction's business key becomes the complaint's reference, so the
 * auditors find both under it; what was changed, from what, to what, is left in the correction's variables (and the
 * form's field for the fact not corrected is removed). A refusal rolls the start back: nothing is started, nothing
 * changed.
 */
@ModelCallable(processes = ComplaintCorrectionProcess.PROCESS_KEY)
@Component("correctComplaintFactDelegate")
public class CorrectComplaintFactDelegate implements JavaDelegate {

    private final ComplaintCorrections corrections;

    public CorrectComplaintFactDelegate(ComplaintCorrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ComplaintCorrections.Request request = new ComplaintCorrections.Request(
                text(execution.getVariable(VAR_COMPLAINT_REFERENCE)),
                text(execution.getVariable(VAR_CORRECTION)),
                text(execution.getVariable(VAR_ABOUT_EMPLOYEE)),
                text(execution.getVariable(VAR_CUSTOMER_EMAIL)),
                text(execution.getVariable(VAR_REASON)));
        ComplaintRegister.Correction done = corrections.correct(request, CurrentUser.of(execution),
                execution.getProcessInstanceId());

        execution.setProcessBusinessKey(done.reference());
        execution.setVariable(VAR_COMPLAINT_REFERENCE, done.reference());
        execution.setVariable(VAR_FACT, done.fact());
        execution.setVariable(VAR_PREVIOUS_VALUE, done.oldValue());
        execution.setVariable(VAR_NEW_VALUE, done.newValue());
        // the form's field for the other fact was not used: it does not stay as if it had been
        if (FACT_ABOUT_EMPLOYEE.equals(done.fact())) {
            execution.setVariable(VAR_ABOUT_EMPLOYEE, done.newValue());
            execution.removeVariable(VAR_CUSTOMER_EMAIL);
        } else {
            execution.removeVariable(VAR_ABOUT_EMPLOYEE);
        }
    }

    /** A form value as text; anything but text (a number, a list) is not a value these fields take. */
    private static String text(Object value) {
        return value instanceof String text ? text : value == null ? null : String.valueOf(value);
    }
}
