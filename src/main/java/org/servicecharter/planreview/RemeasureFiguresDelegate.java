package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The waiting period is over: the same figures for the waiting period, compared with the review's baseline. */
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
        PlanFigures.Figures baseline = reviews.read(reviews.find(period).orElseThrow().figures(), PlanFigures.Figures.class);
        PlanFigures.Figures again = figures.compute(ReviewPeriod.time((Date) execution.getVariable(VAR_REMEASURE_FROM)),
                ReviewPeriod.time((Date) execution.getVariable(VAR_REMEASURE_TO)));
        PlanFigures.Comparison comparison = figures.compare(baseline, again);
        reviews.remeasured(period, again, comparison);
        execution.setVariable(VAR_COMPARISON_SUMMARY, figures.comparisonSummary(comparison));
    }
}
