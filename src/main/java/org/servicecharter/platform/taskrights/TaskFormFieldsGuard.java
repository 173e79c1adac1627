package org.servicecharter.platform.taskrights;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.servicecharter.platform.Rejected;

/**
 * Facts are changed only where the procedure says so: completing a task writes the fields of that task's form and
 * nothing else. Camunda writes whatever variables come with a completion — {@code POST /task/{id}/complete} and
 * {@code /submit-form}, {@code /resolve}, {@code /bpmnError}, {@code /bpmnEscalation}, {@code TaskService.complete}
 * — after checking only TASK_WORK, with no variable permission at all; so a candidate could rewrite who a complaint is
 * about, an amount, a deadline by naming it. This command interceptor (installed by {@link TaskRightsPlugin}, inside
 * the command context) refuses, before the command runs, a completion by a logged-in user that carries a variable the
 * task's form does not submit ({@link TaskFormFields}): 400, naming the variables refused and the ones accepted.
 *
 * <p>It applies to every logged-in user, administrators included (an administrator who must correct a fact writes
 * the variable on its own, which the operation log records as such). The application's own calls without a user
 * (delegates, the job executor, tests' set-up) are not checked. The engine's own TASK_WORK check is made first, so
 * that someone who may not work the task hears 403, not which fields its form has.
 *
 * <p>The variables are read from the commands' non-public fields, resolved when the engine starts ({@link #verify()}):
 * an engine upgrade that renames one fails the start instead of letting completions through unchecked.
 */
public class TaskFormFieldsGuard extends CommandInterceptor {

    static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId", String.class);
    private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables", Map.class);
    static final Field SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId", String.class);
    private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties", Map.class);
    static final Field ERROR_TASK = field(HandleTaskBpmnErrorCmd.class, "taskId", String.class);
    private static final Field ERROR_VARIABLES = field(HandleTaskBpmnErrorCmd.class, "variables", Map.class);
    static final Field ESCALATION_TASK = field(HandleTaskEscalationCmd.class, "taskId", String.class);
    private static final Field ESCALATION_VARIABLES = field(HandleTaskEscalationCmd.class, "variables", Map.class);

    /** Resolves the fields (loading this class), so that a changed engine fails the start. */
    static List<Field> verify() {
        return List.of(COMPLETE_TASK, COMPLETE_VARIABLES, SUBMIT_TASK, SUBMIT_VARIABLES, ERROR_TASK, ERROR_VARIABLES,
                ESCALATION_TASK, ESCALATION_VARIABLES);
    }

    @Override
    public <T> T execute(Command<T> command) {
        // CompleteTaskCmd covers ResolveTaskCmd, its subclass
        if (command instanceof CompleteTaskCmd) {
            check((String) read(COMPLETE_TASK, command), (Map<?, ?>) read(COMPLETE_VARIABLES, command));
        } else if (command instanceof SubmitTaskFormCmd) {
            check((String) read(SUBMIT_TASK, command), (Map<?, ?>) read(SUBMIT_VARIABLES, command));
        } else if (command instanceof HandleTaskBpmnErrorCmd) {
            check((String) read(ERROR_TASK, command), (Map<?, ?>) read(ERROR_VARIABLES, command));
        } else if (command instanceof HandleTaskEscalationCmd) {
            check((String) read(ESCALATION_TASK, command), (Map<?, ?>) read(ESCALATION_VARIABLES, command));
        }
        return next.execute(command);
    }

    private static void check(String taskId, Map<?, ?> variables) {
        if (taskId == null || variables == null || variables.isEmpty()) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        if (context == null || !context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
            return;
        }
        Authentication authentication = context.getAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return; // the command answers: not found, or a lost race
        }
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkTaskWork(task);
        }
        TaskFormFields.Accepted accepted = TaskFormFields.of(task, context);
        Set<String> refused = new TreeSet<>();
        for (Object name : variables.keySet()) {
            if (!accepted.variables().contains(String.valueOf(name))) {
                refused.add(String.valueOf(name));
            }
        }
        if (refused.isEmpty()) {
            return;
        }
        throw new Rejected(message(task, accepted, refused));
    }

    static String message(TaskEntity task, TaskFormFields.Accepted accepted, Set<String> refused) {
        String names = String.join("', '", refused);
        String what = accepted.form() == null ? "The task '" + task.getName() + "' has no form"
                : "The form of the task '" + task.getName() + "' (" + accepted.form() + ") has no "
                        + (refused.size() == 1 ? "field" : "fields");
        if (accepted.form() == null) {
            return what + ", so completing it writes no variables; refused: '" + names + "'.";
        }
        return what + " '" + names + "'; it accepts: "
                + (accepted.variables().isEmpty() ? "nothing" : String.join(", ", new TreeSet<>(accepted.variables())))
                + ". Facts shown on the form are not changed by completing it.";
    }

    static Object read(Field field, Object command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field + " (engine internals, see TaskFormFieldsGuard)", e);
        }
    }

    static Field field(Class<?> type, String name, Class<?> expected) {
        try {
            Field field = type.getDeclaredField(name);
            if (!expected.isAssignableFrom(field.getType())) {
                throw new IllegalStateException("The Camunda engine changed " + type.getName() + "." + name + " to a "
                        + field.getType().getName() + "; revisit org.servicecharter.platform.taskrights.TaskFormFieldsGuard");
            }
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("The Camunda engine changed " + type.getName() + "." + name + ", which the"
                    + " task guards read to know which task a command works on and what it writes; revisit"
                    + " org.servicecharter.platform.taskrights before running this engine", e);
        }
    }
}
