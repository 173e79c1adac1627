package org.servicecharter.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the department's groups and grants each exactly what its role needs, idempotently. Runs at every
 * start-up (with or without demo users): the grants are part of the product, not of the demo.
 *
 * <p>What each role may do is declared here, per group; process-specific rights ("supervisors may re-route complaint
 * tasks") are declared by each feature in a {@link FeatureGrants} bean. Who may start a process is not granted here:
 * each model says it ({@code camunda:candidateStarterGroups}), and {@code platform.governance.CandidateStarterGrants}
 * grants it when that version is deployed — one source, which a process owner keeps in step from Camunda Modeler.
 */
@Component
public class RoleAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(RoleAuthorizations.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    public RoleAuthorizations(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    public void applyBaseline() {
        for (Roles.Role role : Roles.ALL) {
            ensureGroup(role.id(), role.name());
        }

        // every employee works in Tasklist and sees colleagues' names
        grant(Roles.EMPLOYEES, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Roles.EMPLOYEES, Resources.USER, ANY, Permissions.READ);
        grant(Roles.EMPLOYEES, Resources.GROUP, ANY, Permissions.READ);

        // supervisors and managers can pick up and re-route their reports' open tasks
        for (String lead : List.of(Roles.SUPERVISORS, Roles.MANAGERS, Roles.HEAD_OF_SERVICE)) {
            grant(lead, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }

        // auditors read everything, change nothing
        grant(Roles.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.AUDITORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK);
        grant(Roles.AUDITORS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        grant(Roles.AUDITORS, Resources.TASK, ANY, TaskPermissions.READ);
        grant(Roles.AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(Roles.AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(Roles.AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(Roles.AUDITORS, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
        grant(Roles.AUDITORS, Resources.USER, ANY, Permissions.READ);
        grant(Roles.AUDITORS, Resources.GROUP, ANY, Permissions.READ);

        // process owners deploy models and forms (from the repo or from Camunda Modeler) and watch them run; they
        // retire a procedure by suspending its definition (and its instances), and retry a failed job of their models —
        // they delete no deployment (administrators only, and only one without instances: TrailGuard)
        grant(Roles.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
        grant(Roles.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.SUSPEND_INSTANCE,
                ProcessDefinitionPermissions.RETRY_JOB);
        grant(Roles.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(Roles.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);

        // administrators: everything (the engine also treats camunda-admin as an admin group)
        for (Resource resource : Resources.values()) {
            grant(Roles.ADMINS, resource, ANY, Permissions.ALL);
        }
    }

    /** Grants the permissions to the group on the resource, adding to what it already has. */
    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing;
        boolean changed = false;
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            changed = true;
        }
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
        authorizationService.saveAuthorization(authorization);
        log.debug("Granted {} {} {} to {}", resource.resourceName(), resourceId, Arrays.toString(permissions), groupId);
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(Roles.ADMINS.equals(id) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }
}
