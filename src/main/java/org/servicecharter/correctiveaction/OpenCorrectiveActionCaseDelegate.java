package org.servicecharter.correctiveaction;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.springframework.stereotype.Component;

/**
 * Opens the case: the employee must exist; a case for a complaint must name a real complaint about that employee; any
 * other case must be opened by a manager in the employee's reporting line (whoever the start variables claim: the
 * opener is the authenticated user). Then the conversation lead (the employee's manager, or HR's queue when they report
 * to nobody), the chain's read access to this case, and the case register's entry of whom the case is about. A
 * refusal rolls the start back.
 */
@ModelCallable(processes = CorrectiveActionProcess.PROCESS_KEY)
@Component("openCorrectiveActionCaseDelegate")
public class OpenCorrectiveActionCaseDelegate implements JavaDelegate {

    private final CorrectiveActionCases cases;
    private final CorrectiveActionAccess access;
    private final ReportingLines reportingLines;
    private final CaseRegister register;

    public OpenCorrectiveActionCaseDelegate(CorrectiveActionCases cases, CorrectiveActionAccess access,
            ReportingLines reportingLines, CaseRegister register) {
        this.cases = cases;
        this.access = access;
        this.reportingLines = reportingLines;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String employee = trimmed(execution.getVariable(VAR_EMPLOYEE));
        if (employee == null || !cases.userExists(employee)) {
            throw new Rejected(VAR_EMPLOYEE,
                    employee == null ? "Name the employee the case is about." : "There is no employee " + employee + ".");
        }
        String concern = trimmed(execution.getVariable(VAR_CONCERN));
        if (concern == null) {
            throw new Rejected(VAR_CONCERN, "Describe the behaviour or complaint the case is about.");
        }
        if (concern.length() > CorrectiveActionCases.MAX_CONCERN) {
            throw new Rejected(VAR_CONCERN,
                    "The description must be at most " + CorrectiveActionCases.MAX_CONCERN + " characters.");
        }

        String complaintReference = trimmed(execution.getVariable(VAR_COMPLAINT_REFERENCE));
        String user = CurrentUser.of(execution);
        if (complaintReference != null) {
            if (!cases.complaintAbout(complaintReference, employee)) {
                // only complaint handling opens cases for complaints; a message naming no such complaint is not allowed
                throw new Refused("There is no complaint " + complaintReference + " about "
                        + employee + ": a case for a complaint is opened by complaint handling only.");
            }
            execution.setVariable(VAR_REQUESTED_BY, null);
        } else {
            if (!cases.inReportingLine(user, employee)) {
                throw new Refused((user == null ? "Nobody is logged in" : user + " is not in "
                        + employee + "'s reporting line") + ": only the managers " + employee
                        + " reports to may open a corrective-action case for them.");
            }
            execution.setVariable(VAR_REQUESTED_BY, user);
        }

        if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
            execution.setProcessBusinessKey(complaintReference != null ? complaintReference : cases.newReference());
        }
        execution.setVariable(VAR_EMPLOYEE, employee);
        execution.setVariable(VAR_CONCERN, concern);
        execution.setVariable(VAR_COMPLAINT_REFERENCE, complaintReference);
        execution.setVariable(VAR_CONVERSATION_LEAD, reportingLines.managerOf(employee));
        execution.setVariable(VAR_MONITORING_ENDS_AT, null);
        execution.setVariable(VAR_ACKNOWLEDGEMENT_PENDING, false);
        access.grantCase(execution.getProcessInstanceId(), employee);
        register.opened(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), employee);
    }

    static String trimmed(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        return text.trim();
    }
}
