package org.servicecharter.planreview;

import org.servicecharter.platform.taskrights.ConfidentialProcedure;
import org.springframework.stereotype.Component;

/**
 * A plan review's tasks are granted per task, never to a group for the whole procedure: agents are offered some of
 * its tasks (recording customer interviews, the front line's input; each representative's view on the strategies is
 * theirs), and must not thereby see the managers' tasks of the review — their colleagues' ratings and figures above
 * all. Managers, supervisors and the head of service keep seeing the review's open tasks ({@link PlanReviewGrants}).
 */
@Component
class PlanReviewConfidentiality implements ConfidentialProcedure {

    @Override
    public String processDefinitionKey() {
        return PlanReviewProcess.PROCESS_KEY;
    }
}
