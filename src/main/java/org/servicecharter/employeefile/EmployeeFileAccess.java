package org.servicecharter.employeefile;

import java.util.List;

import org.servicecharter.identity.ReportingLines;
import org.servicecharter.identity.Roles;
import org.springframework.stereotype.Component;

/**
 * Who may read whose employee file: the employee their own; the people they report to (their manager and the
 * managers above) theirs; HR and auditors everyone's; nobody else.
 */
@Component
public class EmployeeFileAccess {

    private final ReportingLines reportingLines;

    public EmployeeFileAccess(ReportingLines reportingLines) {
        this.reportingLines = reportingLines;
    }

    public boolean mayRead(String readerId, List<String> readerGroups, String employeeId) {
        if (readerId == null) {
            return false;
        }
        if (readerId.equals(employeeId)) {
            return true;
        }
        if (readerGroups != null && (readerGroups.contains(Roles.HR) || readerGroups.contains(Roles.AUDITORS)
                || readerGroups.contains(Roles.ADMINS))) {
            return true;
        }
        return reportingLines.managerChain(employeeId).contains(readerId);
    }

    /** May read every file (and so may learn whether a user exists). */
    public boolean mayReadAll(List<String> readerGroups) {
        return readerGroups != null && (readerGroups.contains(Roles.HR) || readerGroups.contains(Roles.AUDITORS)
                || readerGroups.contains(Roles.ADMINS));
    }
}
