package org.servicecharter.correctiveaction;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.identity.Roles;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Completion listener of HR's review: only HR (never the employee themself) decides, one of the two decisions, always
 * with a reason. Throwing rolls the completion back: nothing is recorded.
 */
@ModelCallable(processes = CorrectiveActionProcess.PROCESS_KEY)
@Component("hrDecisionGuard")
public class HrDecisionGuard implements TaskListener {

    private final CorrectiveActionCases cases;

    public HrDecisionGuard(CorrectiveActionCases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        String employee = (String) task.getVariable(VAR_EMPLOYEE);
        String user = CurrentUser.of(task);
        if (user == null || user.equals(employee) || !cases.groupsOf(user, CurrentUser.groupsOf(task)).contains(Roles.HR)) {
            throw new Refused("Only HR can decide on retaining or dismissing " + employee
                    + (user == null ? "; nobody is logged in." : "; " + user + " cannot."));
        }
        Object decision = task.getVariable(VAR_HR_DECISION);
        if (!(decision instanceof String d) || !HR_DECISIONS.contains(d)) {
            throw new Rejected(VAR_HR_DECISION,
                    "Decide one of " + String.join(", ", HR_DECISIONS) + (decision == null ? "." : ", not " + decision + "."));
        }
        Object reason = task.getVariable(VAR_HR_REASON);
        if (!(reason instanceof String text) || text.isBlank()) {
            throw new Rejected(VAR_HR_REASON, "HR's decision needs a reason.");
        }
        if (text.length() > MAX_TEXT) {
            throw new Rejected(VAR_HR_REASON, "The reason must be at most " + MAX_TEXT + " characters.");
        }
        task.setVariable(VAR_HR_DECIDED_BY, user);
    }
}
