package org.servicecharter.handbook;

import static org.servicecharter.handbook.HandbookProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry.NewEntry;

/**
 * Writes the employee's answer to the employee file: who (the employee, who the signature guard checked is the
 * logged-in user), when (server time), which version, the document's SHA-256, and for a decline the reason.
 */
abstract class RecordAnswerDelegate implements JavaDelegate {

    private final EmployeeFile employeeFile;

    RecordAnswerDelegate(EmployeeFile employeeFile) {
        this.employeeFile = employeeFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String version = (String) execution.getVariable(VAR_VERSION);
        String employee = (String) execution.getVariable(VAR_EMPLOYEE);
        String answeredBy = (String) execution.getVariable(VAR_ANSWERED_BY);
        employeeFile.append(entry(execution, version, employee, answeredBy == null ? employee : answeredBy));
    }

    abstract NewEntry entry(DelegateExecution execution, String version, String employee, String answeredBy);

    static String about(DelegateExecution execution) {
        return "Handbook \"" + execution.getVariable(VAR_TITLE) + "\", document " + execution.getVariable(VAR_DOCUMENT_URL);
    }
}
