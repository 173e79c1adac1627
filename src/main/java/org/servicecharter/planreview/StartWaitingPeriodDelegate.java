package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.time.LocalDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every strategy is implemented: the waiting period starts now and lasts {@code remeasure-after}. The figures are
 * computed again for exactly that window, so they measure the time after the changes.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class StartWaitingPeriodDelegate implements JavaDelegate {

    private final PlanReviews reviews;
    private final PlanReviewProperties properties;

    public StartWaitingPeriodDelegate(PlanReviews reviews, PlanReviewProperties properties) {
        this.reviews = reviews;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDateTime from = ReviewPeriod.now().withNano(0);
        LocalDateTime to = from.plus(properties.remeasureAfter());
        reviews.waiting((String) execution.getVariable(VAR_PERIOD), from, to);
        execution.setVariable(VAR_REMEASURE_FROM, ReviewPeriod.date(from));
        execution.setVariable(VAR_REMEASURE_TO, ReviewPeriod.date(to));
    }
}
