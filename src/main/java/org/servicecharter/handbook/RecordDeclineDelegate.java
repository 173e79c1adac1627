package org.servicecharter.handbook;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.handbook.HandbookProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry.NewEntry;
import org.springframework.stereotype.Component;

/** The declined sign-off, its reason as the details, into the employee file; the manager talks with the employee next. */
@ModelCallable(processes = {HandbookProcess.PROCESS_KEY, HandbookProcess.EMPLOYEE_PROCESS_KEY})
@Component("recordDeclineDelegate")
public class RecordDeclineDelegate extends RecordAnswerDelegate {

    public RecordDeclineDelegate(EmployeeFile employeeFile) {
        super(employeeFile);
    }

    @Override
    NewEntry entry(DelegateExecution execution, String version, String employee, String answeredBy) {
        return new NewEntry(employee, RECORD_HANDBOOK_DECLINED, "Declined to sign the handbook version " + version + ".",
                version, (String) execution.getVariable(VAR_DOCUMENT_SHA256),
                (String) execution.getVariable(VAR_DECLINE_REASON), answeredBy,
                execution.getProcessInstanceId(),
                declineKey(version, employee, RecordConversationOutcomeDelegate.round(execution)));
    }
}
