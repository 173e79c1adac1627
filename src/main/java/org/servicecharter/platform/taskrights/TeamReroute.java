package org.servicecharter.platform.taskrights;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.servicecharter.platform.Refused;

/**
 * <b>Managers re-route their people's tasks.</b> Reassigning, delegating, changing a task's candidates, owner, due date
 * or priority is Camunda's TASK_ASSIGN, which administrators hold everywhere and a feature may grant per process
 * definition (supervisors and managers on complaint handling). What no grant can say is "the tasks of the people who
 * report to me": this checker, the engine's own authorization checker with one check widened, lets a logged-in user
 * re-route a task also when
 * <ul>
 * <li>it is held by or offered to someone who reports to them, directly or further down ({@link Teams}): its assignee
 * (or the one it was just taken from), its owner, a candidate user, or a member of a candidate group;</li>
 * <li>and they may see it (READ on the task or READ_TASK on its definition) — so a confidential case stays out of reach
 * of a manager outside its line, even when one of her people is offered it;</li>
 * </ul>
 * and refuses, whoever they are (administrators excepted), to let someone re-route a task of their own case
 * ({@link CaseSubjects#stakeholders}): nobody chooses who handles a complaint about them or decides their request.
 * Refusals are {@link Refused} (403) in a sentence; one about a task the user may not see names
 * nothing of it.
 *
 * <p>Every command that re-routes a task asks the command checkers' {@code checkTaskAssign} (assign and unclaim, owner,
 * candidates added and removed, due and follow-up date, name, priority, delegate, save), so one method covers them
 * all. {@link TaskRightsGuard} (a claimed task is its assignee's) and {@link TaskNotesGuard} (who writes notes) ask
 * {@link #leads} for the same answer. Installed by {@link TeamReroutePlugin} in place of the engine's
 * {@link AuthorizationCommandChecker}; standalone tasks, administrators, calls without a user and commands run with
 * authorization off get the engine's own check unchanged.
 */
public class TeamReroute extends AuthorizationCommandChecker {

    private final Supplier<Teams> teams;
    private final Supplier<List<CaseSubjects>> subjectRules;

    public TeamReroute(Supplier<Teams> teams, Supplier<List<CaseSubjects>> subjectRules) {
        this.teams = teams;
        this.subjectRules = subjectRules;
    }

    @Override
    public void checkTaskAssign(TaskEntity task) {
        CommandContext context = Context.getCommandContext();
        Authentication authentication = context == null ? null : context.getAuthentication();
        if (!checked(context, authentication) || task.getExecutionId() == null
                || context.getAuthorizationManager().isCamundaAdmin(authentication)) {
            super.checkTaskAssign(task);
            return;
        }
        String user = authentication.getUserId();
        boolean visible = mayRead(context, authentication, task);
        if (!visible) {
            // not a word about a task the user may not see: not even that it is about them
            if (stakeholders(task).contains(user) || !granted(context, authentication, task)) {
                throw new Refused(user + " may not re-route the task " + task.getId() + " (assign, delegate,"
                        + " change its candidates or due date): a manager re-routes the tasks they can see of the people"
                        + " who report to them, an administrator any task.");
            }
            return;
        }
        if (stakeholders(task).contains(user)) {
            throw new Refused("The task '" + task.getName() + "' is about " + user + " (their own case): "
                    + user + " does not choose who handles it; their manager or an administrator re-routes it.");
        }
        if (granted(context, authentication, task) || leadsSomeoneOn(context, user, task)) {
            return;
        }
        Holders holders = holders(task);
        if (holders.users().contains(user)) {
            throw new Refused(user + " works the task '" + task.getName() + "' but does not re-route it"
                    + " (assign, delegate, change its candidates or due date): the manager of someone it is held by or"
                    + " offered to does, or an administrator.");
        }
        throw new Refused(user + " may not re-route the task '" + task.getName() + "' (assign, delegate,"
                + " change its candidates or due date): it is held by or offered to " + describe(holders)
                + ", and nobody there reports to " + user + ". A manager re-routes the tasks of the people who report to"
                + " them, directly or further down; an administrator any task.");
    }

    /**
     * Whether the logged-in user may re-route the task as a lead: someone it is held by or offered to reports to them,
     * they may see it, and it is not their own case. False when the engine runs without this checker.
     */
    public static boolean leads(CommandContext context, Authentication authentication, TaskEntity task) {
        if (authentication == null || authentication.getUserId() == null || task.getExecutionId() == null) {
            return false;
        }
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            if (checker instanceof TeamReroute reroute) {
                String user = authentication.getUserId();
                return !reroute.stakeholders(task).contains(user) && mayRead(context, authentication, task)
                        && reroute.leadsSomeoneOn(context, user, task);
            }
        }
        return false;
    }

    private static boolean checked(CommandContext context, Authentication authentication) {
        return context != null && context.getProcessEngineConfiguration().isAuthorizationEnabled()
                && context.isAuthorizationCheckEnabled() && authentication != null && authentication.getUserId() != null;
    }

    /** The engine's own rule: TASK_ASSIGN (or the full UPDATE) on the task or its process definition. */
    private static boolean granted(CommandContext context, Authentication authentication, TaskEntity task) {
        String key = task.getProcessDefinition().getKey();
        return context.getAuthorizationManager().isAuthorized(authentication.getUserId(), authentication.getGroupIds(),
                new PermissionCheckBuilder().disjunctive()
                        .atomicCheckForResourceId(Resources.TASK, task.getId(), Permissions.TASK_ASSIGN)
                        .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, key, Permissions.TASK_ASSIGN)
                        .atomicCheckForResourceId(Resources.TASK, task.getId(), Permissions.UPDATE)
                        .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, key, Permissions.UPDATE_TASK)
                        .build());
    }

    /** READ on the task, or READ_TASK on its process definition: what the task list shows the user. */
    static boolean mayRead(CommandContext context, Authentication authentication, TaskEntity task) {
        PermissionCheckBuilder check = new PermissionCheckBuilder().disjunctive()
                .atomicCheckForResourceId(Resources.TASK, task.getId(), Permissions.READ);
        if (task.getProcessDefinition() != null) {
            check.atomicCheckForResourceId(Resources.PROCESS_DEFINITION, task.getProcessDefinition().getKey(), Permissions.READ_TASK);
        }
        return context.getAuthorizationManager().isAuthorized(authentication.getUserId(), authentication.getGroupIds(), check.build());
    }

    private boolean leadsSomeoneOn(CommandContext context, String user, TaskEntity task) {
        Teams lines = teams.get();
        Set<String> team = lines == null ? Set.of() : lines.teamOf(user);
        if (team == null || team.isEmpty()) {
            return false;
        }
        Holders holders = holders(task);
        if (holders.users().stream().anyMatch(team::contains)) {
            return true;
        }
        if (holders.groups().isEmpty()) {
            return false;
        }
        String[] members = team.toArray(String[]::new);
        return context.runWithoutAuthorization(() -> holders.groups().stream().anyMatch(group -> context.getReadOnlyIdentityProvider()
                .createUserQuery(context).userIdIn(members).memberOfGroup(group).count() > 0));
    }

    /** The people and groups a task is held by or offered to. */
    record Holders(Set<String> users, Set<String> groups) {
    }

    static Holders holders(TaskEntity task) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        add(users, task.getAssignee());
        PropertyChange assigneeChange = task.getPropertyChanges().get(TaskEntity.ASSIGNEE);
        if (assigneeChange != null && assigneeChange.getOrgValue() instanceof String previous) {
            add(users, previous);
        }
        add(users, task.getOwner());
        for (IdentityLinkEntity link : task.getIdentityLinks()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                add(users, link.getUserId());
                add(groups, link.getGroupId());
            }
        }
        return new Holders(users, groups);
    }

    private static void add(Set<String> to, String id) {
        if (id != null && !id.isBlank()) {
            to.add(id);
        }
    }

    private static String describe(Holders holders) {
        List<String> parts = new ArrayList<>(holders.users());
        holders.groups().forEach(group -> parts.add("the group " + group));
        return parts.isEmpty() ? "nobody in particular" : String.join(", ", parts);
    }

    private Collection<String> stakeholders(TaskEntity task) {
        if (task.getProcessDefinition() == null) {
            return List.of();
        }
        String key = task.getProcessDefinition().getKey();
        for (CaseSubjects rule : subjectRules.get()) {
            if (key.equals(rule.processDefinitionKey())) {
                Collection<String> people = rule.stakeholders(task);
                return people == null ? List.of() : people;
            }
        }
        return List.of();
    }
}
