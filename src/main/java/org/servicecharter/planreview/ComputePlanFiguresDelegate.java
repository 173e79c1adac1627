package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Computes the period's figures (the review's baseline), stores them with the review and shows them in the forms. */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class ComputePlanFiguresDelegate implements JavaDelegate {

    private final PlanFigures figures;
    private final PlanReviews reviews;

    public ComputePlanFiguresDelegate(PlanFigures figures, PlanReviews reviews) {
        this.figures = figures;
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewPeriod period = ReviewPeriod.parse((String) execution.getVariable(VAR_PERIOD));
        PlanFigures.Figures baseline = figures.compute(period.start(), period.end());
        reviews.figures(period.label(), baseline);
        execution.setVariable(VAR_FIGURES_SUMMARY, figures.summary(baseline));
        execution.setVariable(VAR_APPROVALS_SUMMARY, figures.approvalsSummary(baseline));
        execution.setVariable(VAR_FEEDBACK_SUMMARY, figures.feedbackSummary(baseline));
    }
}
