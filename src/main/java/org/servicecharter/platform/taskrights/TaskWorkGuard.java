package org.servicecharter.platform.taskrights;

import static org.servicecharter.platform.taskrights.TaskFormFieldsGuard.COMPLETE_TASK;
import static org.servicecharter.platform.taskrights.TaskFormFieldsGuard.ERROR_TASK;
import static org.servicecharter.platform.taskrights.TaskFormFieldsGuard.ESCALATION_TASK;
import static org.servicecharter.platform.taskrights.TaskFormFieldsGuard.SUBMIT_TASK;
import static org.servicecharter.platform.taskrights.TaskFormFieldsGuard.field;
import static org.servicecharter.platform.taskrights.TaskFormFieldsGuard.read;

import java.lang.reflect.Field;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.servicecharter.platform.Conflict;
import org.servicecharter.platform.Refused;

/**
 * One works the tasks offered to one. Camunda lets whoever holds TASK_WORK on a task claim it — also <em>for someone
 * else</em> ({@code POST /task/{id}/claim {"userId": "henry"}} hands it to henry) — and finish it with a BPMN error or
 * escalation; and since candidate groups hold TASK_WORK on a whole process definition ({@link DefinitionTaskGrants}),
 * TASK_WORK alone no longer says the task was offered to the user. This command interceptor (installed by
 * {@link TaskRightsPlugin}) refuses with 403, after the engine's own TASK_WORK check:
 * <ul>
 * <li>claiming a task for someone else (that is assigning: only for those who may re-route it,
 * {@link TaskRightsGuard#mayReroute});</li>
 * <li>claiming or completing (form, complete, BPMN error, escalation) an unclaimed task by someone who is not one of its
 * candidates — in person or through a group — supervisors included: they re-route a task (assign it, also to
 * themselves), they do not pick up their team's work as if it were offered to them;</li>
 * <li>finishing a task someone else holds (what {@link TaskRightsGuard} refuses for completion, here also for a BPMN
 * error or escalation), and one about oneself.</li>
 * </ul>
 * And one gives back a task one holds: the "unclaim" of Tasklist and the REST API is {@code setAssignee(null)}, which
 * needs TASK_ASSIGN; for the task's own assignee it runs as Camunda's claim with no user, which needs TASK_WORK.
 * Administrators are exempt but for their own case. Nothing is checked
 * without a logged-in user or with authorization off. A claim of a task that someone else already holds is left to
 * the engine: a lost race stays 409.
 */
public class TaskWorkGuard extends CommandInterceptor {

    private static final Field CLAIM_TASK = field(ClaimTaskCmd.class, "taskId", String.class);
    private static final Field CLAIM_USER = field(ClaimTaskCmd.class, "userId", String.class);
    private static final Field ASSIGN_TASK = field(AbstractSetTaskPropertyCmd.class, "taskId", String.class);
    private static final Field ASSIGN_USER = field(AbstractAddIdentityLinkCmd.class, "userId", String.class);

    private final TaskRightsGuard rights;

    public TaskWorkGuard(TaskRightsGuard rights) {
        this.rights = rights;
    }

    /** Resolves the fields (loading this class), so that a changed engine fails the start. */
    static List<Field> verify() {
        return List.of(CLAIM_TASK, CLAIM_USER, ASSIGN_TASK, ASSIGN_USER);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
        if (command instanceof AssignTaskCmd && read(ASSIGN_USER, command) == null
                && givesBackOwnTask((String) read(ASSIGN_TASK, command))) {
            // Tasklist's and the REST API's "unclaim" is setAssignee(null), which needs TASK_ASSIGN; giving back one's
            // own task is work (TASK_WORK), as Camunda's own claim command with no user has it
            return (T) next.execute(new ClaimTaskCmd((String) read(ASSIGN_TASK, command), null));
        }
        if (command instanceof ClaimTaskCmd) {
            String claimant = (String) read(CLAIM_USER, command);
            if (claimant != null) {
                check((String) read(CLAIM_TASK, command), claimant, Work.CLAIM);
            }
        } else if (command instanceof CompleteTaskCmd) {
            check((String) read(COMPLETE_TASK, command), null, Work.COMPLETE);
        } else if (command instanceof SubmitTaskFormCmd) {
            check((String) read(SUBMIT_TASK, command), null, Work.COMPLETE);
        } else if (command instanceof HandleTaskBpmnErrorCmd) {
            check((String) read(ERROR_TASK, command), null, Work.END);
        } else if (command instanceof HandleTaskEscalationCmd) {
            check((String) read(ESCALATION_TASK, command), null, Work.END);
        }
        return next.execute(command);
    }

    enum Work {
        CLAIM("claim"), COMPLETE("complete"), END("end with a BPMN error or escalation");

        final String verb;

        Work(String verb) {
            this.verb = verb;
        }
    }

    private void check(String taskId, String claimant, Work work) {
        CommandContext context = Context.getCommandContext();
        if (taskId == null || context == null || !context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
            return;
        }
        Authentication authentication = context.getAuthentication();
        String user = authentication == null ? null : authentication.getUserId();
        if (user == null) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return; // the command answers: not found
        }
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkTaskWork(task);
        }
        String assignee = task.getAssignee();
        if (work == Work.CLAIM && assignee != null) {
            return; // the engine answers: already one's own, or someone else's (409)
        }
        if (work == Work.END) {
            rights.refuseOwnCase(task, user);
        }
        if (context.getAuthorizationManager().isCamundaAdmin(authentication)) {
            return;
        }
        if (work == Work.CLAIM && !claimant.equals(user)) {
            if (TaskRightsGuard.mayReroute(context, authentication, task)) {
                return; // a supervisor handing the task to someone: assigning
            }
            throw new Refused(user + " cannot claim the task '" + task.getName() + "' for "
                    + claimant + ": one claims a task for oneself; a supervisor, manager or administrator assigns it.");
        }
        if (assignee != null && !assignee.equals(user)) {
            throw new Refused("The task '" + task.getName() + "' is held by " + assignee
                    + "; only they " + work.verb + " it (or a supervisor re-routes it first). " + user + " cannot.");
        }
        if (assignee == null && !offeredTo(task, authentication)) {
            if (!stillThere(context, taskId)) {
                // read before someone else's completion committed, its candidates after: a lost race, not a refusal
                throw new Conflict("This task has already been completed (by someone else at the same moment, or earlier);"
                        + " nothing of yours was saved.");
            }
            throw new Refused("The task '" + task.getName() + "' is not offered to " + user
                    + " or their groups, so " + user + " cannot " + work.verb + " it; its candidates do, or a supervisor"
                    + " assigns it.");
        }
    }

    /**
     * Whether the task's row is still in the database, read now (not from the command's cache): the task entity may
     * have been read just before another transaction completed it, and its candidate links just after.
     */
    static boolean stillThere(CommandContext context, String taskId) {
        String table = context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_RU_TASK";
        try (java.sql.PreparedStatement select = context.getDbSqlSession().getSqlSession().getConnection()
                .prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE ID_ = ?")) {
            select.setString(1, taskId);
            try (java.sql.ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the task " + taskId, e);
        }
    }

    /** The logged-in user holds the task and sets its assignee to nobody: giving it back. */
    private static boolean givesBackOwnTask(String taskId) {
        CommandContext context = Context.getCommandContext();
        if (taskId == null || context == null || !context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
            return false;
        }
        Authentication authentication = context.getAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return false;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        return task != null && authentication.getUserId().equals(task.getAssignee());
    }

    /** The user is a candidate of the task, in person or through one of their groups. */
    static boolean offeredTo(TaskEntity task, Authentication authentication) {
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        for (IdentityLinkEntity link : task.getIdentityLinks()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (authentication.getUserId().equals(link.getUserId())
                    || (link.getGroupId() != null && groups.contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }
}
