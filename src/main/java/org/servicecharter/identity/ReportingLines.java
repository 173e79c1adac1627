package org.servicecharter.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.servicecharter.platform.taskrights.Teams;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who reports to whom. Models call it as {@code ${reportingLines.managerOf(employee)}} to escalate to a
 * person's manager; features use it to check a manager's reach; the task rights ask it whose tasks a manager re-routes
 * ({@link Teams}). A change is announced as a {@link Changed} event (the leads' Tasklist team filters follow it,
 * {@link TeamFilters}).
 */
@Component("reportingLines")
public class ReportingLines implements Teams {

    /** The employee's manager was set or changed. */
    public record Changed(String employeeId, String managerId) {
    }

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    public ReportingLines(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The manager of the employee, or null when the employee reports to nobody. */
    public String managerOf(String employeeId) {
        return findManager(employeeId).orElse(null);
    }

    public Optional<String> findManager(String employeeId) {
        return jdbc.query("SELECT manager_id FROM reporting_line WHERE employee_id = ?",
                (rs, i) -> rs.getString(1), employeeId).stream().findFirst();
    }

    /** The chain of managers above the employee, nearest first. */
    public List<String> managerChain(String employeeId) {
        List<String> chain = new ArrayList<>();
        Optional<String> next = findManager(employeeId);
        while (next.isPresent() && !chain.contains(next.get()) && !next.get().equals(employeeId)) {
            chain.add(next.get());
            next = findManager(next.get());
        }
        return chain;
    }

    /** Everyone below the lead, directly or further down, one query per level; a loop in the lines ends where it closes. */
    @Override
    public Set<String> teamOf(String lead) {
        Set<String> team = new LinkedHashSet<>();
        List<String> level = List.of(lead);
        while (!level.isEmpty()) {
            String in = String.join(", ", Collections.nCopies(level.size(), "?"));
            level = jdbc.queryForList("SELECT employee_id FROM reporting_line WHERE manager_id IN (" + in + ")", String.class,
                    level.toArray()).stream().filter(employee -> !employee.equals(lead) && team.add(employee)).toList();
        }
        return team;
    }

    /** The people who report to the manager directly. */
    public List<String> directReportsOf(String managerId) {
        return jdbc.queryForList("SELECT employee_id FROM reporting_line WHERE manager_id = ? ORDER BY employee_id",
                String.class, managerId);
    }

    /** Records (or changes) the employee's manager; a null manager: the employee reports to nobody from now on. */
    public void setManager(String employeeId, String managerId) {
        if (managerId == null) {
            jdbc.update("DELETE FROM reporting_line WHERE employee_id = ?", employeeId);
            events.publishEvent(new Changed(employeeId, null));
            return;
        }
        int updated = jdbc.update("UPDATE reporting_line SET manager_id = ? WHERE employee_id = ?", managerId, employeeId);
        if (updated == 0) {
            jdbc.update("INSERT INTO reporting_line (employee_id, manager_id) VALUES (?, ?)", employeeId, managerId);
        }
        events.publishEvent(new Changed(employeeId, managerId));
    }

    /** Every reporting line at once: employee to manager. */
    public Map<String, String> all() {
        Map<String, String> lines = new LinkedHashMap<>();
        jdbc.query("SELECT employee_id, manager_id FROM reporting_line ORDER BY employee_id",
                rs -> {
                    lines.put(rs.getString(1), rs.getString(2));
                });
        return lines;
    }
}
