package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.time.LocalDateTime;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * One strategy's waiting period is over: the same figures for its window after the implementation, against its own
 * baseline — the figures of the window of equal length just before it was implemented, so that both count the same
 * span of time. The summary of every strategy re-measured so far is what the forms that follow show.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RemeasureFiguresDelegate implements JavaDelegate {

    private final PlanFigures figures;
    private final PlanReviews reviews;

    public RemeasureFiguresDelegate(PlanFigures figures, PlanReviews reviews) {
        this.figures = figures;
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String period = (String) execution.getVariable(VAR_PERIOD);
        if (!(execution.getVariable(VAR_STRATEGY_NUMBER) instanceof Number)) {
            // a review still running on the model version before each strategy had its own time: the review's one
            // waiting period against the review's baseline, as that version did
            PlanFigures.Figures baseline = reviews.read(reviews.find(period).orElseThrow().figures(), PlanFigures.Figures.class);
            PlanFigures.Figures again = figures.compute(ReviewPeriod.time((java.util.Date) execution.getVariable(VAR_REMEASURE_FROM)),
                    ReviewPeriod.time((java.util.Date) execution.getVariable(VAR_REMEASURE_TO)));
            PlanFigures.Comparison comparison = figures.compare(baseline, again);
            reviews.remeasured(period, again, comparison);
            execution.setVariable(VAR_COMPARISON_SUMMARY, figures.comparisonSummary(comparison));
            return;
        }
        int number = ((Number) execution.getVariable(VAR_STRATEGY_NUMBER)).intValue();
        PlanReviews.Strategy strategy = reviews.strategy(period, number);
        LocalDateTime from = strategy.remeasureFrom();
        LocalDateTime to = strategy.remeasureTo();
        LocalDateTime baselineFrom = from.minus(java.time.Duration.between(from, to));
        PlanFigures.Figures baseline = figures.compute(baselineFrom, from);
        PlanFigures.Figures again = figures.compute(from, to);
        PlanFigures.Comparison comparison = figures.compare(baseline, again);
        reviews.strategyRemeasured(period, number, baseline, again, comparison);
        execution.setVariable(VAR_COMPARISON_SUMMARY, reviews.strategyComparisons(period).stream()
                .map(c -> "Strategy " + c.number() + " (" + c.weakness() + " → "
                        + RecordStrategiesDelegate.TYPE_WORDS.getOrDefault(c.type(), c.type()) + "), re-measured "
                        + RemeasureTime.words(c.remeasureAfter()) + " after it was implemented:\n"
                        + figures.comparisonSummary(c.comparison()))
                .collect(Collectors.joining("\n\n")));
    }
}
