package org.servicecharter.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, created once (a process owner may edit them afterwards; they are never
 * overwritten). Each is readable by the groups it serves.
 */
@Component
public class TasklistFilters {

    private final FilterService filterService;
    private final TaskService taskService;
    private final RoleAuthorizations roles;
    private final ObjectProvider<TaskCardFields> cardFields;

    public TasklistFilters(FilterService filterService, TaskService taskService, RoleAuthorizations roles,
            ObjectProvider<TaskCardFields> cardFields) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.roles = roles;
        this.cardFields = cardFields;
    }

    /**
     * The business fields every shared filter shows on its task cards: the features' {@link TaskCardFields}, each
     * variable once, as Tasklist reads them (filter property {@code variables}: name and label).
     */
    public List<Map<String, String>> cardVariables() {
        Map<String, String> byName = new LinkedHashMap<>();
        cardFields.orderedStream().flatMap(f -> f.fields().stream()).forEach(f -> byName.putIfAbsent(f.variable(), f.label()));
        List<Map<String, String>> variables = new ArrayList<>();
        byName.forEach((name, label) -> variables.add(Map.of("name", name, "label", label)));
        return variables;
    }

    /**
     * A filter's properties with the task cards' fields, unless it has a list of its own (a process owner's choice is
     * kept); a list the application wrote follows today's fields. Whether anything changed.
     */
    public boolean withCardVariables(Map<String, Object> properties) {
        List<Map<String, String>> current = cardVariables();
        if (properties.get("variables") instanceof List<?> own && !own.isEmpty()) {
            if (!Boolean.TRUE.equals(properties.get(CARD_FIELDS_BY_APPLICATION)) && !earlierApplicationList(own, current)) {
                return false; // a process owner's choice
            }
            if (own.equals(current) && Boolean.TRUE.equals(properties.get(CARD_FIELDS_BY_APPLICATION))) {
                return false;
            }
        }
        properties.put("variables", current);
        properties.put(CARD_FIELDS_BY_APPLICATION, true);
        return true;
    }

    /** Filter property marking a card-field list the application wrote (and keeps up to date), not a process owner. */
    static final String CARD_FIELDS_BY_APPLICATION = "cardFieldsByApplication";

    /**
     * A list written before the application marked its lists: every field is one of today's or the id or code a
     * companion stands for today ({@code employee} before {@code employeeName}, {@code category} before
     * {@code categoryLabel}).
     */
    private static boolean earlierApplicationList(List<?> own, List<Map<String, String>> current) {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (Map<String, String> field : current) {
            known.add(field.get("name"));
            for (String companion : List.of("Name", "Label")) {
                if (field.get("name").endsWith(companion)) {
                    known.add(field.get("name").substring(0, field.get("name").length() - companion.length()));
                }
            }
        }
        return own.stream().allMatch(field -> field instanceof Map<?, ?> map && known.contains(String.valueOf(map.get("name"))));
    }

    public void create() {
        create("My tasks", -10, "Tasks assigned to me",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), Roles.EMPLOYEES);
        create("My group's tasks", -5, "Unclaimed tasks offered to my groups",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"), Roles.EMPLOYEES);
        // tasks offered to named people rather than groups (e.g. an approval, whose requester must not see it)
        create("Offered to me", -7, "Unclaimed tasks offered to me by name",
                taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}"), Roles.EMPLOYEES);
        create("Overdue", 0, "My and my groups' tasks past their due date",
                taskService.createTaskQuery().or()
                        .taskAssigneeExpression("${currentUser()}")
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks()
                        .endOr()
                        .dueBeforeExpression("${now()}"), Roles.EMPLOYEES);
        create("Supervisors' queue", 5, "Everything offered to the supervisors",
                taskService.createTaskQuery().taskCandidateGroup(Roles.SUPERVISORS).includeAssignedTasks(), Roles.SUPERVISORS);
        create("Managers' queue", 5, "Everything offered to the managers",
                taskService.createTaskQuery().taskCandidateGroup(Roles.MANAGERS).includeAssignedTasks(), Roles.MANAGERS);
        create("HR queue", 5, "Everything offered to HR",
                taskService.createTaskQuery().taskCandidateGroup(Roles.HR).includeAssignedTasks(), Roles.HR);
    }

    /**
     * A shared filter, readable by the groups (FILTER READ); created once, then left as a process owner may have
     * edited it. For features' filters ({@link FeatureFilters}).
     */
    public void shared(String name, int priority, String description, TaskQuery query, String... readerGroups) {
        for (String group : readerGroups) {
            create(name, priority, description, query, group);
        }
    }

    /** A task query to build a filter from. */
    public TaskQuery newQuery() {
        return taskService.createTaskQuery();
    }

    private void create(String name, int priority, String description, TaskQuery query, String readerGroup) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("priority", priority);
            properties.put("description", description);
            properties.put("refresh", true);
            withCardVariables(properties);
            filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
            filterService.saveFilter(filter);
        } else {
            // a filter made before the cards had fields gets them, once
            Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties() == null ? Map.of() : filter.getProperties());
            if (withCardVariables(properties)) {
                filterService.saveFilter(filter.setProperties(properties));
            }
        }
        roles.grant(readerGroup, Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
