package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.ANSWER_CUSTOMER_FEEDBACK;
import static org.servicecharter.planreview.PlanReviewProcess.VAR_CUSTOMER_NARRATIVE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Records the review of what the customer feedback says (completion listener): the findings, required, the changes
 * needed, and the average customer's experience from the customer's side (required: the review records it).
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordCustomerFeedbackReviewListener implements TaskListener {

    private final PlanReviews reviews;

    public RecordCustomerFeedbackReviewListener(PlanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskAnswers.recordAreaReview(task, reviews, ANSWER_CUSTOMER_FEEDBACK,
                java.util.Map.of(VAR_CUSTOMER_NARRATIVE, TaskAnswers.required(task, VAR_CUSTOMER_NARRATIVE)));
    }
}
