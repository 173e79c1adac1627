package org.servicecharter.correctiveaction;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.identity.PersonNames;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Refused;
import org.springframework.stereotype.Component;

/**
 * Opens the case — the one check for every door (the API starts the model without checking; Tasklist's start form
 * and complaint handling's message reach the engine without the API): the employee must exist and the concern be
 * given ({@link CaseOpeningCheck}); a case for a complaint must name a real complaint about that employee; any
 * other case must be opened by a manager in the employee's reporting line (whoever the start variables claim: the
 * opener is the authenticated user). Then the conversation lead (the employee's manager, or HR's queue when they report
 * to nobody), the chain's read access to this case, and the case register's entry of whom the case is about. A
 * refusal rolls the start back.
 */
@ModelCallable(processes = CorrectiveActionProcess.PROCESS_KEY)
@Component("openCorrectiveActionCaseDelegate")
public class OpenCorrectiveActionCaseDelegate implements JavaDelegate {

    private final CorrectiveActionCases cases;
    private final CaseOpeningCheck check;
    private final CorrectiveActionAccess access;
    private final ReportingLines reportingLines;
    private final CaseRegister register;
    private final PersonNames personNames;

    public OpenCorrectiveActionCaseDelegate(CorrectiveActionCases cases, CaseOpeningCheck check, CorrectiveActionAccess access,
            ReportingLines reportingLines, CaseRegister register, PersonNames personNames) {
        this.personNames = personNames;
        this.cases = cases;
        this.check = check;
        this.access = access;
        this.reportingLines = reportingLines;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the one check of what the case names, for the API, Tasklist's start form and complaint handling alike
        CaseOpeningCheck.Opening opening = check.check(execution.getVariable(VAR_EMPLOYEE), execution.getVariable(VAR_CONCERN));
        String employee = opening.employee();
        String concern = opening.concern();

        String complaintReference = CaseOpeningCheck.trimmed(execution.getVariable(VAR_COMPLAINT_REFERENCE));
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
        execution.setVariable(VAR_EMPLOYEE_NAME, personNames.of(employee));
        execution.setVariable(VAR_CONCERN, concern);
        execution.setVariable(VAR_COMPLAINT_REFERENCE, complaintReference);
        execution.setVariable(VAR_CONVERSATION_LEAD, reportingLines.managerOf(employee));
        execution.setVariable(VAR_MONITORING_ENDS_AT, null);
        execution.setVariable(VAR_ACKNOWLEDGEMENT_PENDING, false);
        access.grantCase(execution.getProcessInstanceId(), employee);
        register.opened(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), employee);
    }
}
