package org.servicecharter.correctiveaction;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * The conversation's listener. On create it clears the previous incident's answers (see {@link #freshConversation});
 * on complete: only a manager in the employee's reporting line (HR when the employee reports
 * to nobody) may document it, whoever else the task was handed to; the documentation must be complete. Throwing rolls
 * the completion back: nothing is recorded.
 */
@ModelCallable(processes = CorrectiveActionProcess.PROCESS_KEY)
@Component("conversationGuard")
public class ConversationGuard implements TaskListener {

    private final CorrectiveActionCases cases;

    public ConversationGuard(CorrectiveActionCases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            freshConversation(task);
            return;
        }
        String employee = (String) task.getVariable(VAR_EMPLOYEE);
        String user = CurrentUser.of(task);
        if (!cases.mayDocument(user, cases.groupsOf(user, CurrentUser.groupsOf(task)), employee)) {
            throw new Refused((user == null ? "Nobody is logged in" : user + " is not in "
                    + employee + "'s reporting line") + ": only " + employee
                    + "'s managers can document the conversation with them.");
        }
        requireText(task, VAR_WHAT_HAPPENED, "Describe what happened.");
        requireText(task, VAR_EMPLOYEE_ACCOUNT, "Record the employee's account of it.");
        Object substantiated = task.getVariable(VAR_SUBSTANTIATED);
        if (!(substantiated instanceof Boolean)) {
            throw new Rejected(VAR_SUBSTANTIATED, "Say whether the complaint is substantiated (true or false).");
        }
        Object severity = task.getVariable(VAR_SEVERITY);
        if ((Boolean) substantiated || severity != null) {
            if (!(severity instanceof String s) || !SEVERITIES.contains(s)) {
                throw new Rejected(VAR_SEVERITY,
                        "The severity must be one of " + String.join(", ", SEVERITIES) + (severity == null ? "." : ", not " + severity + "."));
            }
        }
        Object rule = task.getVariable(VAR_BROKEN_HANDBOOK_RULE);
        if (rule != null && !(rule instanceof String)) {
            throw new Rejected(VAR_BROKEN_HANDBOOK_RULE, "The handbook rule is text: the rule as the handbook words it.");
        }
        if (rule instanceof String text && text.length() > MAX_RULE) {
            throw new Rejected(VAR_BROKEN_HANDBOOK_RULE, "The handbook rule must be at most " + MAX_RULE + " characters.");
        }
        task.setVariable(VAR_DOCUMENTED_BY, user);
    }

    static final int MAX_RULE = 500;

    /**
     * Each incident gets its own conversation: a repeat complaint comes back to this task in the same case, and the
     * form must not show the previous incident's account as if it were this one's (it is in the employee file already).
     */
    static void freshConversation(DelegateTask task) {
        for (String answer : CONVERSATION_ANSWERS) {
            task.getExecution().removeVariable(answer);
        }
    }

    static final java.util.List<String> CONVERSATION_ANSWERS = java.util.List.of(VAR_WHAT_HAPPENED, VAR_EMPLOYEE_ACCOUNT,
            VAR_SUBSTANTIATED, VAR_SEVERITY, VAR_BROKEN_HANDBOOK_RULE);

    static void requireText(DelegateTask task, String name, String message) {
        Object value = task.getVariable(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new Rejected(name, message);
        }
        if (text.length() > MAX_TEXT) {
            throw new Rejected(name, name + " must be at most " + MAX_TEXT + " characters.");
        }
    }
}
