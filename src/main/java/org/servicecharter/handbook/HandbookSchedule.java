package org.servicecharter.handbook;

import org.servicecharter.platform.governance.ModelCallable;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.identity.Roles;
import org.springframework.stereotype.Component;

/**
 * What the model asks about dates and routing: {@code ${handbookSchedule.reminderAt(signOffDueDate)}} and the
 * like. Durations come from {@link HandbookProperties}, so nothing is hard-coded in the model.
 */
@ModelCallable
@Component("handbookSchedule")
public class HandbookSchedule {

    private final HandbookProperties properties;
    private final HandbookRegister register;
    private final ReportingLines reportingLines;

    public HandbookSchedule(HandbookProperties properties, HandbookRegister register, ReportingLines reportingLines) {
        this.properties = properties;
        this.register = register;
        this.reportingLines = reportingLines;
    }

    /** The ids in {@code offeredEmployees}, for the multi-instance collection. */
    public List<String> employees(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** When the employee's sign-off is due (the version's deadline, later for a late joiner). */
    public Date dueDate(String version, String employee) {
        return register.recipient(version, employee).map(r -> Date.from(r.dueAt()))
                .orElseThrow(() -> new IllegalStateException("No sign-off of " + version + " was offered to " + employee));
    }

    /**
     * The reminder: {@code reminder-before} ahead of the due date, but never in the past and never before half of
     * the remaining time has passed (a short deadline still gets its reminder in between).
     */
    public Date reminderAt(Date dueDate) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant due = dueDate.toInstant();
        Instant planned = due.minus(properties.reminderBefore());
        Instant halfway = now.plus(Duration.between(now, due).dividedBy(2));
        if (due.isBefore(now)) {
            return Date.from(now);
        }
        return Date.from(planned.isAfter(halfway) ? planned : halfway);
    }

    /** How often a version in force looks for employees who joined (an ISO-8601 repeating interval). */
    public String lateJoinerCheck() {
        return properties.lateJoinerCheck();
    }

    /** The employee's manager, who follows up a missing or declined sign-off (null: nobody; HR then). */
    public String managerOf(String employee) {
        return reportingLines.managerOf(employee);
    }

    /** HR when the employee reports to nobody, so that a follow-up always has someone to do it. */
    public List<String> groupsWithoutManager(String employee) {
        return reportingLines.managerOf(employee) == null ? List.of(Roles.HR) : List.of();
    }
}
