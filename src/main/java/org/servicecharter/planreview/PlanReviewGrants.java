package org.servicecharter.planreview;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.servicecharter.identity.FeatureGrants;
import org.servicecharter.identity.RoleAuthorizations;
import org.servicecharter.identity.Roles;
import org.springframework.stereotype.Component;

/**
 * Plan review's rights: managers and the head of service start a review (Tasklist or the API; the model's
 * {@code camunda:candidateStarterGroups}, granted on deployment by {@code platform.governance.CandidateStarterGrants});
 * process owners, HR and auditors read its history in Cockpit and the review through the API. Everyone else works
 * only the tasks offered to them (the engine grants candidates and assignees their tasks). Supervisors, managers and
 * the head of service see the review's open tasks, so that a lead sees, and re-routes, one offered to someone who
 * reports to them — the head of service the managers' reviews ({@code platform.taskrights.TeamReroute}: reading is
 * not re-routing).
 */
@Component
public class PlanReviewGrants implements FeatureGrants {

    @Override
    public void apply(RoleAuthorizations roles) {
        for (String group : new String[] {Roles.MANAGERS, Roles.HEAD_OF_SERVICE, Roles.PROCESS_OWNERS, Roles.HR}) {
            roles.grant(group, Resources.PROCESS_DEFINITION, PlanReviewProcess.PROCESS_KEY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE);
        }
        for (String lead : new String[] {Roles.SUPERVISORS, Roles.MANAGERS, Roles.HEAD_OF_SERVICE}) {
            roles.grant(lead, Resources.PROCESS_DEFINITION, PlanReviewProcess.PROCESS_KEY, ProcessDefinitionPermissions.READ_TASK);
        }
    }
}
