package org.servicecharter.handbook;

import static org.servicecharter.handbook.HandbookProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry.NewEntry;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * The outcome of the manager's conversation about a declined handbook, with the notes, into the employee file: the
 * employee will sign the same version now (they get the sign task again, a new round) or the decline stands. An
 * answer without an outcome is refused, which rolls the completion of the conversation task back.
 */
@ModelCallable(processes = HandbookProcess.EMPLOYEE_PROCESS_KEY)
@Component("recordConversationOutcomeDelegate")
public class RecordConversationOutcomeDelegate implements JavaDelegate {

    static final int MAX_NOTE = 2000;

    private final EmployeeFile employeeFile;

    public RecordConversationOutcomeDelegate(EmployeeFile employeeFile) {
        this.employeeFile = employeeFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String version = (String) execution.getVariable(VAR_VERSION);
        String employee = (String) execution.getVariable(VAR_EMPLOYEE);
        Object outcome = execution.getVariable(VAR_CONVERSATION_OUTCOME);
        boolean willSign = OUTCOME_WILL_SIGN.equals(outcome);
        if (!willSign && !OUTCOME_DECLINE_STANDS.equals(outcome)) {
            throw new Rejected(VAR_CONVERSATION_OUTCOME,
                    "Choose the outcome of the conversation: the employee will sign now, or the decline stands.");
        }
        Object note = execution.getVariable(VAR_CONVERSATION_NOTE);
        if (!(note instanceof String text) || text.isBlank()) {
            throw new Rejected(VAR_CONVERSATION_NOTE, "Note what was said in the conversation.");
        }
        if (text.length() > MAX_NOTE) {
            throw new Rejected(VAR_CONVERSATION_NOTE, "The notes must be at most " + MAX_NOTE + " characters.");
        }
        int round = round(execution);
        String manager = CurrentUser.of(execution);
        employeeFile.append(new NewEntry(employee, willSign ? RECORD_HANDBOOK_WILL_SIGN : RECORD_HANDBOOK_DECLINE_STANDS,
                willSign ? "After the conversation about the declined handbook version " + version + ", will sign it."
                        : "After the conversation about the declined handbook version " + version + ", the decline stands.",
                version, (String) execution.getVariable(VAR_DOCUMENT_SHA256), text.trim(),
                manager == null ? "system" : manager, execution.getProcessInstanceId(),
                conversationKey(version, employee, round)));
        if (willSign) {
            // a new round: the sign task starts from a blank answer
            execution.setVariable(VAR_SIGN_OFF_ROUND, round + 1);
            execution.removeVariable(VAR_DECISION);
            execution.removeVariable(VAR_DECLINE_REASON);
            execution.removeVariable(VAR_ACKNOWLEDGED);
            execution.removeVariable(VAR_ANSWERED_BY);
        }
    }

    static int round(DelegateExecution execution) {
        return execution.getVariable(VAR_SIGN_OFF_ROUND) instanceof Integer round ? round : 1;
    }
}
