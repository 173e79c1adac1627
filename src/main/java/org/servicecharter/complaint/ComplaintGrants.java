package org.servicecharter.complaint;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.servicecharter.identity.FeatureGrants;
import org.servicecharter.identity.RoleAuthorizations;
import org.servicecharter.identity.Roles;
import org.springframework.stereotype.Component;

/**
 * Complaint handling's rights: front-line staff and their leads, up to the head of service, look complaints up (who
 * logs them from Tasklist — agents, supervisors, managers — is said by the model,
 * {@code camunda:candidateStarterGroups}, granted on deployment by {@code platform.governance.CandidateStarterGrants});
 * supervisors and managers may also see and re-route every complaint task (to chase an overdue one). The head of
 * service sees the tasks too, and re-routes those held by or offered to the people who report to him
 * ({@code platform.taskrights.TeamReroute}), such as the managers' escalated complaints.
 */
@Component
public class ComplaintGrants implements FeatureGrants {

    @Override
    public void apply(RoleAuthorizations roles) {
        for (String group : new String[] {Roles.AGENTS, Roles.SUPERVISORS, Roles.MANAGERS, Roles.HEAD_OF_SERVICE}) {
            roles.grant(group, Resources.PROCESS_DEFINITION, ComplaintProcess.PROCESS_KEY,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE);
        }
        for (String lead : new String[] {Roles.SUPERVISORS, Roles.MANAGERS}) {
            roles.grant(lead, Resources.PROCESS_DEFINITION, ComplaintProcess.PROCESS_KEY,
                    ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_ASSIGN);
        }
        roles.grant(Roles.HEAD_OF_SERVICE, Resources.PROCESS_DEFINITION, ComplaintProcess.PROCESS_KEY,
                ProcessDefinitionPermissions.READ_TASK);
    }
}
