package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.ANSWER_TRAINING;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/** Records the review of the training programmes and who needs which (completion listener): the findings, required, and the changes needed. */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordTrainingReviewListener implements TaskListener {

    private final PlanReviews reviews;

    public RecordTrainingReviewListener(PlanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskAnswers.recordAreaReview(task, reviews, ANSWER_TRAINING);
    }
}
