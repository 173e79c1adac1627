package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.ANSWER_DECISION_AUTHORITY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/** Records the review of whether the approval tiers are right (completion listener): the findings, required, and the changes needed. */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordDecisionAuthorityReviewListener implements TaskListener {

    private final PlanReviews reviews;

    public RecordDecisionAuthorityReviewListener(PlanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskAnswers.recordAreaReview(task, reviews, ANSWER_DECISION_AUTHORITY);
    }
}
