package org.servicecharter.employeefile;

import org.servicecharter.identity.Leavers;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Someone left ({@link Leavers.Left}): the employee file records it — the reason, who recorded it and when — in the
 * transaction that made them a leaver, so there is no leaver without the record.
 */
@Component
class LeaverRecords {

    /** The record type of a leaving. */
    static final String RECORD_TYPE_LEFT = "left";

    private static final int SUMMARY_MAX = 500;

    private final EmployeeFile employeeFile;

    LeaverRecords(EmployeeFile employeeFile) {
        this.employeeFile = employeeFile;
    }

    @EventListener
    public void left(Leavers.Left left) {
        String summary = "Left the department. Reason: " + left.reason();
        if (summary.length() > SUMMARY_MAX) {
            summary = summary.substring(0, SUMMARY_MAX - 1) + "…";
        }
        employeeFile.append(new EmployeeFileEntry.NewEntry(left.userId(), RECORD_TYPE_LEFT, summary, null, null,
                left.reason(), left.recordedBy() == null ? "system" : left.recordedBy(), null,
                RECORD_TYPE_LEFT + ":" + left.userId()));
    }
}
