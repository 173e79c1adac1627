package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The review is complete: its comparison is its result. */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class CompletePlanReviewDelegate implements JavaDelegate {

    private final PlanReviews reviews;

    public CompletePlanReviewDelegate(PlanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.completed((String) execution.getVariable(VAR_PERIOD), ReviewPeriod.now());
    }
}
