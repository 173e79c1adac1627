package org.servicecharter.correctiveaction;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.springframework.stereotype.Component;

/** Completion listener of the acknowledgement: only the employee acknowledges their own corrective action, explicitly. */
@ModelCallable(processes = CorrectiveActionProcess.PROCESS_KEY)
@Component("acknowledgementGuard")
public class AcknowledgementGuard implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String employee = (String) task.getVariable(VAR_EMPLOYEE);
        String user = CurrentUser.of(task);
        if (user == null || !user.equals(employee)) {
            throw new Refused("Only " + employee + " can acknowledge their own corrective action"
                    + (user == null ? "; nobody is logged in." : "; " + user + " cannot."));
        }
        if (!Boolean.TRUE.equals(task.getVariable(VAR_ACKNOWLEDGED))) {
            throw new Rejected(VAR_ACKNOWLEDGED, "Confirm that you have been told about the corrective action.");
        }
        Object comment = task.getVariable(VAR_EMPLOYEE_COMMENT);
        if (comment instanceof String text && text.length() > MAX_TEXT) {
            throw new Rejected(VAR_EMPLOYEE_COMMENT, "The comment must be at most " + MAX_TEXT + " characters.");
        }
    }
}
