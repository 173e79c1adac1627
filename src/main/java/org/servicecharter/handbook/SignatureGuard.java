package org.servicecharter.handbook;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.handbook.HandbookProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.springframework.stereotype.Component;

/**
 * Completion listener of the sign-off task: only the employee the sign-off belongs to may sign or decline it,
 * whoever else can see or has claimed the task (Camunda lets any candidate, or an administrator, complete it).
 * It also refuses an incomplete answer: signing needs the explicit acknowledgement, declining a reason. Throwing
 * rolls the completion back, so nothing is recorded.
 */
@ModelCallable(processes = {HandbookProcess.PROCESS_KEY, HandbookProcess.EMPLOYEE_PROCESS_KEY})
@Component("signatureGuard")
public class SignatureGuard implements TaskListener {

    static final int MAX_REASON = 2000;

    @Override
    public void notify(DelegateTask task) {
        String employee = (String) task.getVariable(VAR_EMPLOYEE);
        String user = CurrentUser.of(task);
        if (user == null || !user.equals(employee)) {
            throw new Refused("Only " + employee + " can sign or decline their own handbook sign-off"
                    + (user == null ? "; nobody is logged in." : "; " + user + " cannot."));
        }
        Object decision = task.getVariable(VAR_DECISION);
        if (DECISION_SIGN.equals(decision)) {
            if (!Boolean.TRUE.equals(task.getVariable(VAR_ACKNOWLEDGED))) {
                throw new Rejected(VAR_ACKNOWLEDGED,
                        "To sign, confirm the statement: " + task.getVariable(VAR_STATEMENT));
            }
        } else if (DECISION_DECLINE.equals(decision)) {
            Object reason = task.getVariable(VAR_DECLINE_REASON);
            if (!(reason instanceof String text) || text.isBlank()) {
                throw new Rejected(VAR_DECLINE_REASON, "Declining needs a reason.");
            }
            if (text.length() > MAX_REASON) {
                throw new Rejected(VAR_DECLINE_REASON, "The reason must be at most " + MAX_REASON + " characters.");
            }
        } else {
            throw new Rejected(VAR_DECISION, "Choose to sign or to decline.");
        }
        task.setVariable(VAR_ANSWERED_BY, user);
    }
}
