package org.servicecharter.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.servicecharter.platform.SystemAccess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each lead's own Tasklist filters of their team — everyone below them in the reporting lines, directly or further
 * down: "Overdue in my team" (their tasks past the due date) and "My team's tasks" (all their open tasks), from
 * which a supervisor or manager re-routes.
 *
 * <p>A Tasklist filter is a stored task query: it can say {@code assignee in (…)}, {@code candidate group in
 * ${currentUserGroups()}}, {@code due before ${now()}}, but it cannot join the {@code reporting_line} table, and no
 * filter expression names "the people who report to me". So each lead gets a filter of their own, holding their team
 * as an {@code assigneeIn} list, readable by that lead only (a user grant of FILTER READ: they use it, they cannot
 * edit or delete it). Each is named with its lead's name — "Overdue in my team (Sam Supervisor)" — because an
 * administrator sees every filter, and three filters called "Overdue in my team" could not be told apart. The lists follow the reporting lines: rebuilt at start-up and whenever
 * {@link ReportingLines#setManager} changes a line ({@link ReportingLines.Changed}); a change made in the table by hand
 * is picked up at the next start. Someone who no longer leads anyone loses their filters.
 *
 * <p>A filter shows only what its user may read: the tasks of the procedures whose tasks the leads read (complaint
 * handling, approvals, handbook sign-offs and plan reviews, granted by each feature; a corrective-action case to its
 * employee's managers). From it a lead re-routes a task of someone who reports to them
 * ({@code platform.taskrights.TeamReroute}). Unclaimed work is in the group queues ("Agents' open complaints",
 * "Supervisors' queue", ...).
 */
@Component
public class TeamFilters {

    public static final String OVERDUE_IN_MY_TEAM = "Overdue in my team";
    public static final String MY_TEAMS_TASKS = "My team's tasks";
    /** Filter property naming the lead whose team the filter shows. */
    static final String TEAM_OF = "teamOf";
    /** Filter property saying which of the team filters it is (its name carries the lead's name). */
    static final String TEAM_FILTER = "teamFilter";

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final IdentityService identityService;
    private final ReportingLines reportingLines;

    private final TasklistFilters tasklistFilters;

    public TeamFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
            IdentityService identityService, ReportingLines reportingLines, TasklistFilters tasklistFilters) {
        this.tasklistFilters = tasklistFilters;
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.identityService = identityService;
        this.reportingLines = reportingLines;
    }

    @EventListener
    public void reportingLineChanged(ReportingLines.Changed changed) {
        refresh();
    }

    /** Brings every lead's team filters in step with the reporting lines; changes nothing when they already are. */
    public synchronized void refresh() {
        SystemAccess.run(identityService, () -> {
            Map<String, SortedSet<String>> teams = teams(reportingLines.all());
            sync(OVERDUE_IN_MY_TEAM, 2, "Tasks of the people who report to me (directly or further down) past their due date",
                    teams, team -> taskService.createTaskQuery().taskAssigneeIn(team).dueBeforeExpression("${now()}"));
            sync(MY_TEAMS_TASKS, 3, "Open tasks of the people who report to me (directly or further down)",
                    teams, team -> taskService.createTaskQuery().taskAssigneeIn(team));
        });
    }

    /** Lead to everyone below them. A loop in the lines ends where it closes. */
    static Map<String, SortedSet<String>> teams(Map<String, String> lines) {
        Map<String, SortedSet<String>> teams = new TreeMap<>();
        lines.forEach((employee, manager) -> {
            Set<String> seen = new HashSet<>();
            seen.add(employee);
            String lead = manager;
            while (lead != null && seen.add(lead)) {
                teams.computeIfAbsent(lead, l -> new TreeSet<>()).add(employee);
                lead = lines.get(lead);
            }
        });
        return teams;
    }

    private interface QueryOfTeam {
        TaskQuery of(String[] team);
    }

    /** Whether the filter is the lead's own team filter of that kind ({@link #OVERDUE_IN_MY_TEAM}, {@link #MY_TEAMS_TASKS}). */
    public static boolean isTeamFilterOf(Filter filter, String kind, String lead) {
        Map<String, Object> properties = filter.getProperties() == null ? Map.of() : filter.getProperties();
        return lead != null && lead.equals(properties.get(TEAM_OF))
                && (kind.equals(properties.get(TEAM_FILTER)) || properties.get(TEAM_FILTER) == null && kind.equals(filter.getName()));
    }

    /** The filter's name as Tasklist lists it: the kind, then whose team it is. */
    static String nameFor(String kind, String leadsName) {
        return kind + " (" + leadsName + ")";
    }

    private String leadsName(String lead) {
        return org.servicecharter.platform.PersonName.of(identityService.createUserQuery().userId(lead).singleResult(), lead);
    }

    private void sync(String name, int priority, String description, Map<String, SortedSet<String>> teams, QueryOfTeam query) {
        Map<String, Filter> existing = new LinkedHashMap<>();
        List<Filter> orphans = new ArrayList<>();
        for (Filter filter : filterService.createFilterQuery().filterResourceType(org.camunda.bpm.engine.EntityTypes.TASK).list()) {
            Map<String, Object> props = filter.getProperties() == null ? Map.of() : filter.getProperties();
            Object lead = props.get(TEAM_OF);
            // ours: made for a lead, of this kind (filters made before the kind was recorded carry the bare name)
            boolean ofThisKind = name.equals(props.get(TEAM_FILTER)) || (props.get(TEAM_FILTER) == null && name.equals(filter.getName()));
            if (lead == null || !ofThisKind) {
                continue; // not one of ours (e.g. a process owner's own filter of that name)
            }
            if (teams.containsKey(lead.toString()) && !existing.containsKey(lead.toString())) {
                existing.put(lead.toString(), filter);
            } else {
                orphans.add(filter);
            }
        }
        for (Filter orphan : orphans) {
            filterService.deleteFilter(orphan.getId());
        }
        teams.forEach((lead, team) -> {
            Filter filter = existing.get(lead);
            if (filter == null) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("priority", priority);
                properties.put("description", description);
                properties.put("refresh", true);
                properties.put(TEAM_OF, lead);
                properties.put(TEAM_FILTER, name);
                tasklistFilters.withCardVariables(properties);
                filter = filterService.newTaskFilter(nameFor(name, leadsName(lead))).setProperties(properties)
                        .setQuery(query.of(team.toArray(String[]::new)));
                filter = filterService.saveFilter(filter);
            } else {
                boolean changed = false;
                if (!Objects.equals(assignees(filter), team)) {
                    filter.setQuery(query.of(team.toArray(String[]::new)));
                    changed = true;
                }
                // a team filter made before the task cards had fields gets them, once
                Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties() == null ? Map.of() : filter.getProperties());
                if (tasklistFilters.withCardVariables(properties)) {
                    changed = true;
                }
                // named after its lead (a filter made before was not; the lead's name may have changed)
                if (properties.putIfAbsent(TEAM_FILTER, name) == null) {
                    changed = true;
                }
                String named = nameFor(name, leadsName(lead));
                if (!named.equals(filter.getName())) {
                    filter.setName(named);
                    changed = true;
                }
                if (changed) {
                    filter.setProperties(properties);
                }
                if (changed) {
                    filter = filterService.saveFilter(filter);
                }
            }
            grantRead(lead, filter.getId());
        });
    }

    private static Set<String> assignees(Filter filter) {
        Object query = filter.getQuery();
        return query instanceof TaskQueryImpl task && task.getAssigneeIn() != null ? new TreeSet<>(task.getAssigneeIn()) : null;
    }

    private void grantRead(String userId, String filterId) {
        Authorization grant = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).userIdIn(userId)
                .resourceType(Resources.FILTER).resourceId(filterId).singleResult();
        if (grant == null) {
            grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            grant.setUserId(userId);
            grant.setResource(Resources.FILTER);
            grant.setResourceId(filterId);
        } else if (grant.isPermissionGranted(Permissions.READ)) {
            return;
        }
        grant.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(grant);
    }
}
