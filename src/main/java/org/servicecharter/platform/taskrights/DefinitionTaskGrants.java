package org.servicecharter.platform.taskrights;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cfg.auth.ResourceAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.servicecharter.platform.SystemAccess;
import org.servicecharter.platform.TaskLinks;
import org.servicecharter.platform.engine.ForwardingAuthorizationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task rights per process definition for every procedure that is not confidential ({@link ConfidentialProcedure}).
 *
 * <p>A procedure is confidential when a feature declares it ({@link ConfidentialProcedure}) or its model does
 * ({@link #CONFIDENTIAL}).
 *
 * <p>Camunda's default provider writes, for every candidate group of every task, a grant on that task (and, with
 * historic instance permissions, another on its history): two rows per task and group, written at creation, checked by
 * every task list, the runtime one deleted at completion and the historic one kept until history cleanup. For a
 * procedure whose cases any of its candidate groups may see anyway (complaints, approvals, plan reviews …) that is
 * bookkeeping without a purpose, and it made "my group's tasks" walk a grant per task. Instead, a group offered a
 * task of such a procedure holds READ_TASK and TASK_WORK on its <em>process definition</em> (the definition-level
 * names of the READ and TASK_WORK a candidate gets on one task), granted once — after the first task offered to it
 * there commits, in a transaction of its own, so that two nodes racing to grant it fail nothing but the grant (the
 * unique key on grants lets one win, the other finds it next time). Until then, that first task gets its grant
 * per task as before.
 *
 * <p>What a definition grant does not say — that a group member works only the tasks <em>offered</em> to their
 * group, not every task of the procedure — {@link TaskRightsGuard} says: claiming or completing a task needs being
 * its assignee or one of its candidates (or re-routing rights). Seeing is per definition: a group offered one kind of
 * task of a procedure sees the procedure's other open tasks in Tasklist. Confidential procedures keep per-task (per
 * case) grants: there, who sees a case is decided for that case. Assignees and candidate users still get their
 * per-task grant (one row, on the task given to them: the engine needs it when someone is given a task outside their
 * groups).
 */
public class DefinitionTaskGrants extends ForwardingAuthorizationProvider {

    private static final Logger log = LoggerFactory.getLogger(DefinitionTaskGrants.class);

    /**
     * The process's extension property ({@code camunda:property}, in Camunda Modeler: General → Extension properties)
     * by which a model declares its procedure confidential: {@code confidential = true}. A feature's
     * {@link ConfidentialProcedure} bean says it for good (a new model version cannot take it back).
     */
    public static final String CONFIDENTIAL = "confidential";

    private final Supplier<Set<String>> confidentialKeys;
    /** group + definition key pairs known to hold the definition grant (on this node) */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** pairs whose grant is being written after a commit, so that concurrent tasks do not all write it */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    public DefinitionTaskGrants(ResourceAuthorizationProvider delegate, Supplier<Set<String>> confidentialKeys) {
        super(delegate);
        this.confidentialKeys = confidentialKeys;
    }

    /** A user kept out of a task's lists (the person its case is about) gets no grant for it. */
    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        if (TaskLinks.EXCLUDED.equals(type)) {
            return null;
        }
        return super.newTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        String key = perDefinition(task);
        if (key == null || groupId == null || !IdentityLinkType.CANDIDATE.equals(type) || !offeredByTheModel(task)) {
            return super.newTaskGroupIdentityLink(task, groupId, type);
        }
        CommandContext context = Context.getCommandContext();
        if (holds(context, groupId, key)) {
            return null;
        }
        grantAfterCommit(context, groupId, key);
        return super.newTaskGroupIdentityLink(task, groupId, type);
    }

    /**
     * The candidate link is being made while the engine creates the task from its model (the task is still in its
     * initial state: the model's {@code camunda:candidateGroups}), not added later by someone re-routing one task —
     * a supervisor adding a group to one task grants that group that task, not the procedure.
     */
    static boolean offeredByTheModel(Task task) {
        return task instanceof TaskEntity entity && INITIAL_STATE.equals(entity.getTaskState());
    }

    /** {@code TaskEntity.TaskState.STATE_INIT}'s name for the state of a task the engine is still creating. */
    static final String INITIAL_STATE = "Init";

    /** The key of the task's process definition when its rights are per definition; null for per task. */
    String perDefinition(Task task) {
        if (!(task instanceof TaskEntity entity) || entity.getProcessDefinitionId() == null) {
            return null;
        }
        ProcessDefinitionEntity definition = entity.getProcessDefinition();
        if (definition == null || confidentialKeys.get().contains(definition.getKey())
                || Boolean.TRUE.equals(definition.getProperty(CONFIDENTIAL))) {
            return null;
        }
        return definition.getKey();
    }

    /** The definition-level permissions that stand for what a candidate gets on one task. */
    static Permission[] permissions(ProcessEngineConfigurationImpl configuration) {
        Permission work = Permissions.TASK_WORK.equals(configuration.getDefaultUserPermissionForTask())
                ? ProcessDefinitionPermissions.TASK_WORK : ProcessDefinitionPermissions.UPDATE_TASK;
        return new Permission[] {ProcessDefinitionPermissions.READ_TASK, work};
    }

    private boolean holds(CommandContext context, String groupId, String key) {
        String pair = pair(groupId, key);
        if (held.contains(pair)) {
            return true;
        }
        AuthorizationEntity grant = context.getAuthorizationManager()
                .findAuthorizationByGroupIdAndResourceId(AUTH_TYPE_GRANT, groupId, Resources.PROCESS_DEFINITION, key);
        if (grant != null && grants(grant, permissions(context.getProcessEngineConfiguration()))) {
            held.add(pair);
            return true;
        }
        return false;
    }

    private void grantAfterCommit(CommandContext context, String groupId, String key) {
        String pair = pair(groupId, key);
        if (!pending.add(pair)) {
            return;
        }
        ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
        context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> {
            IdentityService identity = configuration.getIdentityService();
            try {
                // the application grants it, not the user whose task happened to be first: no operation-log entry in their name
                SystemAccess.run(identity, () -> configuration.getCommandExecutorTxRequiresNew().execute(new Grant(groupId, key)));
                held.add(pair);
                log.info("Group '{}' now works the tasks of '{}' offered to it by a grant on the process definition",
                        groupId, key);
            } catch (RuntimeException e) {
                log.warn("Could not grant group '{}' the tasks of '{}' on its process definition ({}); its tasks keep"
                        + " per-task grants until a later task succeeds", groupId, key, e.toString());
            } finally {
                pending.remove(pair);
            }
        });
        // a rollback (the task was never created) leaves the pair free for the next task
        context.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK, rolledBack -> pending.remove(pair));
    }

    /** Adds READ_TASK and TASK_WORK on the definition to the group's grant on it, creating the grant if needed. */
    record Grant(String groupId, String key) implements Command<Void> {

        @Override
        public Void execute(CommandContext context) {
            AuthorizationManager authorizations = context.getAuthorizationManager();
            Permission[] permissions = permissions(context.getProcessEngineConfiguration());
            AuthorizationEntity grant = authorizations.findAuthorizationByGroupIdAndResourceId(AUTH_TYPE_GRANT, groupId,
                    Resources.PROCESS_DEFINITION, key);
            if (grant == null) {
                grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
                grant.setGroupId(groupId);
                grant.setResource(Resources.PROCESS_DEFINITION);
                grant.setResourceId(key);
                for (Permission permission : permissions) {
                    grant.addPermission(permission);
                }
                authorizations.insert(grant);
            } else if (!grants(grant, permissions)) {
                for (Permission permission : permissions) {
                    grant.addPermission(permission);
                }
                authorizations.update(grant);
            }
            return null;
        }
    }

    private static boolean grants(AuthorizationEntity grant, Permission[] permissions) {
        for (Permission permission : permissions) {
            if (!grant.isPermissionGranted(permission)) {
                return false;
            }
        }
        return true;
    }

    private static String pair(String groupId, String key) {
        return groupId + '\u0000' + key;
    }
}
