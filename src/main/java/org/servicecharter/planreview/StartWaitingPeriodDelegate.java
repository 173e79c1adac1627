package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.time.LocalDateTime;
import java.time.Period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * One strategy is implemented: its own waiting period starts now and lasts its re-measure time (set when it was
 * chosen). Its figures are computed again for exactly that window, so they measure the time after its change; the
 * strategy's timer reads the window's end from the register ({@code planReviewSchedule.remeasureDue}).
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
        String period = (String) execution.getVariable(VAR_PERIOD);
        if (!(execution.getVariable(VAR_STRATEGY_NUMBER) instanceof Number)) {
            // a review still running on the model version before each strategy had its own time: one waiting period
            // for the whole review, after its last strategy, read by that version's timer (remeasureTo)
            LocalDateTime from = ReviewPeriod.now().withNano(0);
            LocalDateTime to = from.plus(properties.remeasureAfter());
            reviews.waiting(period, from, to);
            execution.setVariable(VAR_REMEASURE_FROM, ReviewPeriod.date(from));
            execution.setVariable(VAR_REMEASURE_TO, ReviewPeriod.date(to));
            return;
        }
        int number = ((Number) execution.getVariable(VAR_STRATEGY_NUMBER)).intValue();
        PlanReviews.Strategy strategy = reviews.strategy(period, number);
        Period after = strategy.remeasureAfter() == null ? properties.remeasureAfter(strategy.type()) : Period.parse(strategy.remeasureAfter());
        LocalDateTime from = ReviewPeriod.now().withNano(0);
        reviews.strategyWaiting(period, number, from, from.plus(after));
    }
}
