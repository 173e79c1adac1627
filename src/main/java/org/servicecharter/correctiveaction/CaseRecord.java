package org.servicecharter.correctiveaction;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.servicecharter.employeefile.EmployeeFileEntry.NewEntry;

/** Builds a case's employee-file records from its variables. */
final class CaseRecord {

    private CaseRecord() {
    }

    static NewEntry entry(DelegateExecution execution, String recordType, String summary, String recordedBy) {
        String employee = (String) execution.getVariable(VAR_EMPLOYEE);
        return new NewEntry(employee, recordType, CorrectiveActionRecords.truncate(summary, 500),
                execution.getProcessBusinessKey(), null, CorrectiveActionRecords.truncate(details(execution), 4000),
                recordedBy == null ? "system" : recordedBy, execution.getProcessInstanceId(),
                // one record per step of the case: the activity instance is unique for each pass through a step
                recordType + ":" + execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId());
    }

    static String details(DelegateExecution execution) {
        StringBuilder sb = new StringBuilder();
        line(sb, "Case", execution.getProcessBusinessKey());
        line(sb, "Complaint", execution.getVariable(VAR_COMPLAINT_REFERENCE));
        line(sb, "Concern", execution.getVariable(VAR_CONCERN));
        line(sb, "What happened", execution.getVariable(VAR_WHAT_HAPPENED));
        line(sb, "Employee's account", execution.getVariable(VAR_EMPLOYEE_ACCOUNT));
        line(sb, "Substantiated", execution.getVariable(VAR_SUBSTANTIATED));
        line(sb, "Severity", execution.getVariable(VAR_SEVERITY));
        line(sb, "Handbook rule broken", execution.getVariable(VAR_BROKEN_HANDBOOK_RULE));
        line(sb, "Documented by", execution.getVariable(VAR_DOCUMENTED_BY));
        line(sb, "Prior actions in the look-back window", execution.getVariable(VAR_PRIOR_ACTIONS_IN_WINDOW));
        line(sb, "Look-back window", execution.getVariable(VAR_LOOK_BACK_WINDOW));
        line(sb, "Step on the ladder", execution.getVariable(VAR_CORRECTIVE_ACTION));
        line(sb, "HR decision", execution.getVariable(VAR_HR_DECISION));
        line(sb, "HR's reason", execution.getVariable(VAR_HR_REASON));
        line(sb, "Decided by", execution.getVariable(VAR_HR_DECIDED_BY));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            sb.append(label).append(": ").append(value).append('\n');
        }
    }

    /** Starts (or restarts) the monitoring period and asks the employee to acknowledge. */
    static void startMonitoring(DelegateExecution execution, CorrectiveActionProperties properties) {
        Instant endsAt = Instant.now().atZone(ZoneId.systemDefault()).plus(properties.monitoringPeriod()).toInstant();
        execution.setVariable(VAR_MONITORING_ENDS_AT, Date.from(endsAt));
        execution.setVariable(VAR_ACKNOWLEDGEMENT_PENDING, true);
        execution.setVariable(VAR_ACKNOWLEDGED, null);
        execution.setVariable(VAR_EMPLOYEE_COMMENT, null);
    }
}
