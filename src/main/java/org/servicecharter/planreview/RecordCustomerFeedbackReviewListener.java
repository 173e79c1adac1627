package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.ANSWER_CUSTOMER_FEEDBACK;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/** Records the review of what the customer feedback says (completion listener): the findings, required, and the changes needed. */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordCustomerFeedbackReviewListener implements TaskListener {

    private final PlanReviews reviews;

    public RecordCustomerFeedbackReviewListener(PlanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskAnswers.recordAreaReview(task, reviews, ANSWER_CUSTOMER_FEEDBACK);
    }
}
