package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The strategy's due date passed before its owner finished: the register marks it overdue and escalated. */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class MarkStrategyOverdueDelegate implements JavaDelegate {

    private final PlanReviews reviews;

    public MarkStrategyOverdueDelegate(PlanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.strategyOverdue((String) execution.getVariable(VAR_PERIOD), ((Number) execution.getVariable(VAR_STRATEGY_NUMBER)).intValue(),
                ReviewPeriod.now());
    }
}
