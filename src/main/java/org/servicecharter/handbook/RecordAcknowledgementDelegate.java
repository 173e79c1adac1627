package org.servicecharter.handbook;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.handbook.HandbookProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry.NewEntry;
import org.springframework.stereotype.Component;

/** The signed acknowledgement, into the employee file. */
@ModelCallable(processes = {HandbookProcess.PROCESS_KEY, HandbookProcess.EMPLOYEE_PROCESS_KEY})
@Component("recordAcknowledgementDelegate")
public class RecordAcknowledgementDelegate extends RecordAnswerDelegate {

    public RecordAcknowledgementDelegate(EmployeeFile employeeFile) {
        super(employeeFile);
    }

    @Override
    NewEntry entry(DelegateExecution execution, String version, String employee, String answeredBy) {
        return new NewEntry(employee, RECORD_HANDBOOK_ACKNOWLEDGEMENT, "Signed: " + statement(version), version,
                (String) execution.getVariable(VAR_DOCUMENT_SHA256), about(execution), answeredBy,
                execution.getProcessInstanceId(), answerKey(version, employee));
    }
}
