package org.servicecharter.approval;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.servicecharter.identity.FeatureGrants;
import org.servicecharter.identity.RoleAuthorizations;
import org.servicecharter.identity.Roles;
import org.springframework.stereotype.Component;

/**
 * Decision approval's rights. Who may ask (start the process from Tasklist or the API: every employee) is said by
 * the model itself ({@code camunda:candidateStarterGroups}, granted on deployment by
 * {@code platform.governance.CandidateStarterGrants}); complaint handling calls it for a goodwill gesture. Approvers
 * of every tier above the agents read the requests' history (what was asked, the tier decision, who decided), and
 * their open tasks, so that a manager sees, and re-routes, a request offered to someone who reports to them
 * ({@code platform.taskrights.TeamReroute}: reading is not re-routing). Deciding needs no grant: the task's candidate
 * users get it from the engine, and the four-eyes guard refuses anyone else.
 */
@Component
public class ApprovalGrants implements FeatureGrants {

    @Override
    public void apply(RoleAuthorizations roles) {
        for (String approver : new String[] {Roles.SUPERVISORS, Roles.MANAGERS, Roles.HEAD_OF_SERVICE}) {
            roles.grant(approver, Resources.PROCESS_DEFINITION, ApprovalProcess.PROCESS_KEY,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_TASK);
        }
    }
}
