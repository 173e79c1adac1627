package org.servicecharter.platform.taskrights;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.TaskLinks;

/**
 * Built into every user task of every model by {@link TaskRightsPlugin} (a built-in listener: no model shows it, no
 * process owner can leave it out), on {@code create}, {@code assignment} and {@code complete}:
 * <ul>
 * <li><b>A claimed task is its assignee's.</b> Completing a task that someone else holds, or taking it away from them
 * (unclaim), is refused — Camunda lets any candidate with TASK_WORK do both. Exempt are the people who may re-route
 * the task anyway: those holding TASK_ASSIGN on it (per task, or per process definition — supervisors and managers,
 * granted by each feature) and administrators. Reassigning, delegating and changing candidates need TASK_ASSIGN in the
 * engine itself already.</li>
 * <li><b>No one handles their own case.</b> A task whose case is about someone ({@link CaseSubjects}, declared by the
 * feature) is never given to them (claim, set assignee, delegate — whoever does it) and never completed by them
 * (administrators included), nor finds it in their task lists ({@link #keepOutOfTheirLists}).</li>
 * </ul>
 * Nothing is checked when nobody is logged in (the job executor, the application's own calls without a user) or when
 * authorization is off. Refusals are {@link Refused} (403); throwing rolls the claim or
 * completion back. A claim race lost to a colleague stays 409: the engine refuses it before any listener runs.
 */
public class TaskRightsGuard implements TaskListener {

    private final Supplier<List<CaseSubjects>> subjectRules;

    public TaskRightsGuard(Supplier<List<CaseSubjects>> subjectRules) {
        this.subjectRules = subjectRules;
    }

    @Override
    public void notify(DelegateTask delegateTask) {
        CommandContext context = Context.getCommandContext();
        if (context == null || !context.getProcessEngineConfiguration().isAuthorizationEnabled()
                || !(delegateTask instanceof TaskEntity task)) {
            return;
        }
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            keepOutOfTheirLists(task);
            return;
        }
        Authentication authentication = context.getAuthentication();
        String user = authentication == null ? null : authentication.getUserId();
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            String assignee = task.getAssignee();
            if (assignee != null && subjects(task).contains(assignee)) {
                throw new Refused("The task '" + task.getName() + "' is about " + assignee
                        + ": it is never given to them; someone else handles it.");
            }
            PropertyChange change = task.getPropertyChanges().get(TaskEntity.ASSIGNEE);
            String previous = change == null ? null : (String) change.getOrgValue();
            if (user != null && previous != null && !previous.equals(user) && !mayReroute(context, authentication, task)) {
                throw new Refused("The task '" + task.getName() + "' is held by " + previous + "; only "
                        + previous + " gives it back, or a supervisor, manager or administrator re-routes it. " + user
                        + " cannot.");
            }
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName()) || user == null) {
            return;
        }
        refuseOwnCase(task, user);
        String assignee = task.getAssignee();
        if (assignee != null && !assignee.equals(user) && !mayReroute(context, authentication, task)) {
            throw new Refused("The task '" + task.getName() + "' is held by " + assignee
                    + "; only they complete it (or a supervisor re-routes it first). " + user + " cannot.");
        }
    }

    /**
     * The people the task's case is about do not find it in their task lists, although a group of theirs is offered
     * it: an identity link of type {@link TaskLinks#EXCLUDED} per person, which the task query honours
     * (and the history keeps). Gone with the task.
     */
    void keepOutOfTheirLists(TaskEntity task) {
        for (String subject : subjects(task)) {
            task.addIdentityLink(subject, null, TaskLinks.EXCLUDED);
        }
    }

    /** Refuses (403) when the task's case is about the user: nobody handles their own case, administrators included. */
    void refuseOwnCase(TaskEntity task, String user) {
        if (subjects(task).contains(user)) {
            throw new Refused("The task '" + task.getName() + "' is about " + user
                    + ", who does not handle their own case; someone else completes it.");
        }
    }

    /**
     * Administrators, whoever holds TASK_ASSIGN (or the full UPDATE) on the task or on its process definition, and the
     * managers of the people it is held by or offered to ({@link TeamReroute}).
     */
    static boolean mayReroute(CommandContext context, Authentication authentication, TaskEntity task) {
        if (context.getAuthorizationManager().isCamundaAdmin(authentication)) {
            return true;
        }
        PermissionCheckBuilder builder = new PermissionCheckBuilder().disjunctive()
                .atomicCheckForResourceId(Resources.TASK, task.getId(), Permissions.TASK_ASSIGN)
                .atomicCheckForResourceId(Resources.TASK, task.getId(), Permissions.UPDATE);
        if (task.getProcessDefinition() != null) {
            String key = task.getProcessDefinition().getKey();
            builder.atomicCheckForResourceId(Resources.PROCESS_DEFINITION, key, Permissions.TASK_ASSIGN)
                    .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, key, Permissions.UPDATE_TASK);
        }
        CompositePermissionCheck check = builder.build();
        return context.getAuthorizationManager().isAuthorized(authentication.getUserId(), authentication.getGroupIds(), check)
                || TeamReroute.leads(context, authentication, task);
    }

    private Collection<String> subjects(TaskEntity task) {
        if (task.getProcessDefinition() == null) {
            return List.of();
        }
        String key = task.getProcessDefinition().getKey();
        for (CaseSubjects rule : subjectRules.get()) {
            if (key.equals(rule.processDefinitionKey())) {
                Collection<String> subjects = rule.of(task);
                return subjects == null ? List.of() : subjects;
            }
        }
        return List.of();
    }
}
