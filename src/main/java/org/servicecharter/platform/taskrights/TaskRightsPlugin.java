package org.servicecharter.platform.taskrights;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Task rights by role, wired into the engine. Camunda's own permissions do most of it: with
 * {@code default-user-permission-name-for-task: TASK_WORK} (application.yaml) a task's candidates and assignee get
 * READ and TASK_WORK on it instead of UPDATE — they claim, complete (also through the form) and unclaim, and nothing
 * else; reassigning, delegating, candidates, due dates and priorities need TASK_ASSIGN, variable writes UPDATE_VARIABLE.
 * What the permissions cannot say, this plugin adds:
 * <ul>
 * <li>{@link TaskRightsGuard}, a built-in listener of every user task of every model (assignment, complete): a claimed
 * task is its assignee's; nobody handles their own case;</li>
 * <li>{@link TaskNotesGuard}, a command interceptor: comments and attachments need TASK_WORK or TASK_ASSIGN, which
 * Camunda does not check (so auditors, who only read, write nothing);</li>
 * <li>{@link TaskWorkGuard}, a command interceptor: one claims only for oneself, and claims or finishes only tasks offered
 * to one (candidate groups hold TASK_WORK on a whole definition);</li>
 * <li>{@link TaskFormFieldsGuard}, a command interceptor: completing a task writes the fields of its form and nothing
 * else (Camunda writes any variable sent with a completion);</li>
 * <li>{@link DefinitionTaskGrants}, the engine's default task grants decorated: candidate groups of a procedure that is
 * not confidential ({@link ConfidentialProcedure}) get their task rights once on the process definition instead of on
 * every task;</li>
 * <li>at start, the UPDATE that candidates and assignees got on tasks created before TASK_WORK became the default is
 * narrowed to TASK_WORK ({@link #narrowTaskGrants}), so that open tasks follow the same rules as new ones.</li>
 * </ul>
 */
@Component
public class TaskRightsPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TaskRightsPlugin.class);
    static final int PAGE = 500;

    private final ObjectProvider<CaseSubjects> subjectRules;
    private final ObjectProvider<ConfidentialProcedure> confidential;

    public TaskRightsPlugin(ObjectProvider<CaseSubjects> subjectRules, ObjectProvider<ConfidentialProcedure> confidential) {
        this.subjectRules = subjectRules;
        this.confidential = confidential;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskNotesGuard.verify();
        TaskFormFieldsGuard.verify();
        TaskRightsGuard guard = new TaskRightsGuard(() -> subjectRules.orderedStream().toList());
        TaskWorkGuard.verify();
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(processElement);
                if (properties != null && "true".equalsIgnoreCase(properties.get(DefinitionTaskGrants.CONFIDENTIAL))) {
                    processDefinition.setProperty(DefinitionTaskGrants.CONFIDENTIAL, Boolean.TRUE);
                }
            }

            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, guard);
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, guard);
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, guard);
                }
            }
        });
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new TaskNotesGuard());
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new TaskFormFieldsGuard());
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new TaskWorkGuard(guard));
        if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new TaskNotesGuard());
        configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new TaskFormFieldsGuard());
        configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new TaskWorkGuard(guard));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!(configuration.getResourceAuthorizationProvider() instanceof DefinitionTaskGrants)) {
            configuration.setResourceAuthorizationProvider(new DefinitionTaskGrants(
                    configuration.getResourceAuthorizationProvider(), this::confidentialKeys));
        }
    }

    private volatile Set<String> confidentialKeys;

    /** The confidential procedures' keys, read once from the features' beans (singletons, fixed after start-up). */
    private Set<String> confidentialKeys() {
        Set<String> keys = confidentialKeys;
        if (keys == null) {
            keys = confidential.orderedStream().map(ConfidentialProcedure::processDefinitionKey).collect(Collectors.toUnmodifiableSet());
            confidentialKeys = keys;
        }
        return keys;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!Permissions.TASK_WORK.equals(configuration.getDefaultUserPermissionForTask())) {
            log.warn("default-user-permission-name-for-task is not TASK_WORK: candidates may reassign, re-route and rewrite"
                    + " their tasks' variables");
            return;
        }
        int narrowed = narrowTaskGrants(engine.getAuthorizationService(), configuration.getAdminGroups(),
                configuration.getAdminUsers());
        if (narrowed > 0) {
            log.info("Narrowed UPDATE to TASK_WORK on {} task grant(s) from before TASK_WORK was the default", narrowed);
        }
    }

    /**
     * Every grant of UPDATE on one task (the engine's default grant to a candidate or assignee) loses UPDATE and gets
     * TASK_WORK instead; grants on every task ({@code *}) and the administrators' stay. Idempotent, in pages.
     */
    static int narrowTaskGrants(AuthorizationService authorizations, List<String> adminGroups, List<String> adminUsers) {
        int narrowed = 0;
        int kept = 0;
        while (true) {
            List<Authorization> page = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                    .resourceType(Resources.TASK).hasPermission(Permissions.UPDATE).listPage(kept, PAGE);
            if (page.isEmpty()) {
                return narrowed;
            }
            for (Authorization grant : page) {
                boolean admin = (grant.getGroupId() != null && adminGroups != null && adminGroups.contains(grant.getGroupId()))
                        || (grant.getUserId() != null && adminUsers != null && adminUsers.contains(grant.getUserId()));
                if (admin || ANY.equals(grant.getResourceId()) || grant.isPermissionGranted(Permissions.ALL)) {
                    kept++;
                    continue;
                }
                grant.removePermission(Permissions.UPDATE);
                grant.addPermission(Permissions.TASK_WORK);
                authorizations.saveAuthorization(grant);
                narrowed++;
            }
        }
    }
}
