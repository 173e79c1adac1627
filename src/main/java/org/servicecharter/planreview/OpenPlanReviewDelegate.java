package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens the review of the period asked for ({@code period}, e.g. 2026-Q1) or, started by the timer, of the quarter
 * that just ended. A period that already has a review ends this instance at once (error
 * {@value PlanReviewProcess#ERROR_PERIOD_TAKEN}): the register's key makes that decision, so two starts at the same
 * moment cannot both win.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class OpenPlanReviewDelegate implements JavaDelegate {

    private final PlanReviews reviews;
    private final PlanReviewProperties properties;

    public OpenPlanReviewDelegate(PlanReviews reviews, PlanReviewProperties properties) {
        this.reviews = reviews;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String asked = (String) execution.getVariable(VAR_PERIOD);
        ReviewPeriod period = asked == null || asked.isBlank() ? ReviewPeriod.previousQuarter(ReviewPeriod.now().toLocalDate())
                : ReviewPeriod.parse(asked);
        boolean yearly = period.quarter() == properties.yearlyQuarter();
        execution.setVariable(VAR_PERIOD, period.label());
        if (!reviews.open(period, execution.getProcessInstanceId(), (String) execution.getVariable(VAR_STARTED_BY), yearly,
                ReviewPeriod.now())) {
            throw new BpmnError(ERROR_PERIOD_TAKEN, "The period " + period.label() + " already has a review.");
        }
        execution.setProcessBusinessKey(period.label());
        execution.setVariable(VAR_PERIOD_FROM, period.from().toString());
        execution.setVariable(VAR_PERIOD_TO, period.to().toString());
        execution.setVariable(VAR_YEARLY, yearly);
    }
}
