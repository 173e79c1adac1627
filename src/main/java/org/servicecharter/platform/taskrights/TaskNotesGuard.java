package org.servicecharter.platform.taskrights;

import java.lang.reflect.Field;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.servicecharter.platform.Refused;

/**
 * Comments and attachments are written by the people who work or re-route the task. Camunda checks nothing when one
 * is added ({@link AddCommentCmd}, {@link CreateAttachmentCmd}, {@link SaveAttachmentCmd} have no authorization check,
 * while editing or deleting a comment needs TASK_WORK), so anyone who can see a task — an auditor reading a
 * confidential corrective-action case — could write on it. This command interceptor (installed by
 * {@link TaskRightsPlugin}, inside the command context) asks, before the command runs:
 * <ul>
 * <li>on a task: TASK_WORK or TASK_ASSIGN (or UPDATE) on the task or its process definition — candidates, the
 * assignee, supervisors and managers who re-route it — or being the manager of someone it is held by or offered to
 * ({@link TeamReroute}); not auditors, who only READ;</li>
 * <li>on a process instance without a task: UPDATE on the instance or UPDATE_INSTANCE on its definition (Camunda's own
 * rule for editing such a comment);</li>
 * <li>on a task or instance that has ended: nobody but administrators writes on a closed record.</li>
 * </ul>
 * Administrators, calls without a logged-in user and commands run with authorization checks off pass, as for every
 * engine check. Refusals are {@link Refused} (403).
 *
 * <p>Which task or instance a command is about is read from the command's non-public fields, resolved once when the
 * engine starts ({@link #verify()}): an engine upgrade that renames one fails the start, it does not let notes through
 * unchecked.
 */
public class TaskNotesGuard extends CommandInterceptor {

    private static final Field COMMENT_TASK = field(AddCommentCmd.class, "taskId");
    private static final Field COMMENT_INSTANCE = field(AddCommentCmd.class, "processInstanceId");
    private static final Field ATTACHMENT_TASK = field(CreateAttachmentCmd.class, "taskId");
    private static final Field ATTACHMENT_INSTANCE = field(CreateAttachmentCmd.class, "processInstanceId");
    private static final Field SAVED_ATTACHMENT = field(SaveAttachmentCmd.class, "attachment");

    /** Resolves the fields (loading this class), so that a changed engine fails the start. */
    static List<Field> verify() {
        return List.of(COMMENT_TASK, COMMENT_INSTANCE, ATTACHMENT_TASK, ATTACHMENT_INSTANCE, SAVED_ATTACHMENT);
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof AddCommentCmd) {
            check((String) read(COMMENT_TASK, command), (String) read(COMMENT_INSTANCE, command));
        } else if (command instanceof CreateAttachmentCmd) {
            check((String) read(ATTACHMENT_TASK, command), (String) read(ATTACHMENT_INSTANCE, command));
        } else if (command instanceof SaveAttachmentCmd) {
            Attachment attachment = (Attachment) read(SAVED_ATTACHMENT, command);
            if (attachment != null) {
                check(attachment.getTaskId(), attachment.getProcessInstanceId());
            }
        }
        return next.execute(command);
    }

    private static void check(String taskId, String processInstanceId) {
        CommandContext context = Context.getCommandContext();
        if (context == null || !context.getProcessEngineConfiguration().isAuthorizationEnabled()
                || !context.isAuthorizationCheckEnabled()) {
            return;
        }
        Authentication authentication = context.getAuthentication();
        if (authentication == null || authentication.getUserId() == null
                || context.getAuthorizationManager().isCamundaAdmin(authentication)) {
            return;
        }
        String user = authentication.getUserId();
        if (taskId != null) {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                throw new Refused("The task " + taskId + " has ended (or does not exist): its record is"
                        + " closed, nothing more is written on it. " + user + " cannot.");
            }
            PermissionCheckBuilder check = new PermissionCheckBuilder().disjunctive()
                    .atomicCheckForResourceId(Resources.TASK, taskId, Permissions.TASK_WORK)
                    .atomicCheckForResourceId(Resources.TASK, taskId, Permissions.TASK_ASSIGN)
                    .atomicCheckForResourceId(Resources.TASK, taskId, Permissions.UPDATE);
            if (task.getProcessDefinition() != null) {
                String key = task.getProcessDefinition().getKey();
                check.atomicCheckForResourceId(Resources.PROCESS_DEFINITION, key, Permissions.TASK_WORK)
                        .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, key, Permissions.TASK_ASSIGN)
                        .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, key, Permissions.UPDATE_TASK);
            }
            CompositePermissionCheck permission = check.build();
            if (!context.getAuthorizationManager().isAuthorized(permission) && !TeamReroute.leads(context, authentication, task)) {
                context.getAuthorizationManager().checkAuthorization(permission);
            }
            return;
        }
        if (processInstanceId != null) {
            ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
            if (instance == null) {
                throw new Refused("The process instance " + processInstanceId + " has ended (or does not"
                        + " exist): its record is closed, nothing more is written on it. " + user + " cannot.");
            }
            context.getAuthorizationManager().checkAuthorization(new PermissionCheckBuilder().disjunctive()
                    .atomicCheckForResourceId(Resources.PROCESS_INSTANCE, instance.getProcessInstanceId(), Permissions.UPDATE)
                    .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, instance.getProcessDefinition().getKey(),
                            Permissions.UPDATE_INSTANCE)
                    .build());
        }
    }

    private static Object read(Field field, Object command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field + " (engine internals, see TaskNotesGuard)", e);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("The Camunda engine changed " + type.getName() + "." + name + ", which the"
                    + " task notes guard reads to know which task a comment or attachment is for; revisit"
                    + " org.servicecharter.platform.taskrights.TaskNotesGuard before running this engine", e);
        }
    }
}
