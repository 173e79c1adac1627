package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The owner implemented the strategy: when, and their note. */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordStrategyImplementedDelegate implements JavaDelegate {

    private final PlanReviews reviews;

    public RecordStrategyImplementedDelegate(PlanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.strategyImplemented((String) execution.getVariable(VAR_PERIOD),
                ((Number) execution.getVariable(VAR_STRATEGY_NUMBER)).intValue(),
                (String) execution.getVariable(VAR_IMPLEMENTATION_NOTE), ReviewPeriod.now());
    }
}
