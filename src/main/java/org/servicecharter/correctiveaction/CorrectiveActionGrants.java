package org.servicecharter.correctiveaction;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.servicecharter.identity.FeatureGrants;
import org.servicecharter.identity.RoleAuthorizations;
import org.servicecharter.identity.Roles;
import org.springframework.stereotype.Component;

/**
 * Corrective action's rights. Cases are personnel matters, so the definition grants almost nothing:
 * <ul>
 * <li>supervisors, managers and the head of service may open a case (the model then checks the employee is in their
 * reporting line; the model lists them as {@code camunda:candidateStarterGroups}, granted on deployment by
 * {@code platform.governance.CandidateStarterGrants}) and see, per case, what {@link CorrectiveActionAccess} grants them;</li>
 * <li>HR sees every case, its tasks, variables, history and decisions (it keeps the employee files and decides on
 * dismissal);</li>
 * <li>auditors read everything already (baseline);</li>
 * <li>process owners keep seeing the model (to deploy it) but not the cases: their baseline "read every instance and
 * its history" is revoked for this definition and its decisions.</li>
 * </ul>
 * Agents and employees get nothing: an employee sees only their own acknowledgement task, as its assignee.
 */
@Component
public class CorrectiveActionGrants implements FeatureGrants {

    private final AuthorizationService authorizationService;

    public CorrectiveActionGrants(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    @Override
    public void apply(RoleAuthorizations roles) {
        roles.grant(Roles.HR, Resources.PROCESS_DEFINITION, CorrectiveActionProcess.PROCESS_KEY,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
        for (String decision : new String[] {CorrectiveActionProcess.LOOK_BACK_DECISION_KEY, CorrectiveActionProcess.LADDER_DECISION_KEY}) {
            roles.grant(Roles.HR, Resources.DECISION_DEFINITION, decision, Permissions.READ, Permissions.READ_HISTORY);
            revoke(Roles.PROCESS_OWNERS, Resources.DECISION_DEFINITION, decision, Permissions.READ_HISTORY);
        }
        revoke(Roles.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, CorrectiveActionProcess.PROCESS_KEY,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }

    /** A group revoke on the specific resource, which takes precedence over the group's grant on every resource (*). */
    private void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_REVOKE)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        boolean changed = false;
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_REVOKE);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            changed = true;
        }
        for (Permission permission : permissions) {
            if (!authorization.isPermissionRevoked(permission)) {
                authorization.removePermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
