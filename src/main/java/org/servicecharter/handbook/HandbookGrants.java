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
 * Employees need nothing beyond what the engine gives the assignee of their own sign-off task. Supervisors, managers and
 * the head of service see the open sign-off tasks, so that a lead sees — and gives more time on, or re-routes — the
 * sign-off of someone who reports to them ({@code platform.taskrights.TeamReroute}: reading is not re-routing).
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
        for (String lead : new String[] {Roles.SUPERVISORS, Roles.MANAGERS, Roles.HEAD_OF_SERVICE}) {
            roles.grant(lead, Resources.PROCESS_DEFINITION, HandbookProcess.EMPLOYEE_PROCESS_KEY, ProcessDefinitionPermissions.READ_TASK);
        }
    }
}
