package org.servicecharter.handbook;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.servicecharter.identity.FeatureGrants;
import org.servicecharter.identity.RoleAuthorizations;
import org.servicecharter.identity.Roles;
import org.springframework.stereotype.Component;

/**
 * Handbook sign-off's rights: process owners publish versions (start the process from Tasklist or the API: the
 * model's {@code camunda:candidateStarterGroups}, granted on deployment by
 * {@code platform.governance.CandidateStarterGrants}); HR and process owners follow the sign-offs' history in Cockpit.
 * Employees need nothing beyond what the engine gives the assignee of their own sign-off task.
 */
@Component
public class HandbookGrants implements FeatureGrants {

    @Override
    public void apply(RoleAuthorizations roles) {
        for (String key : new String[] {HandbookProcess.PROCESS_KEY, HandbookProcess.EMPLOYEE_PROCESS_KEY}) {
            for (String group : new String[] {Roles.PROCESS_OWNERS, Roles.HR}) {
                roles.grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE);
            }
        }
    }
}
