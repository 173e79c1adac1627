package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reads the rated service-element table, stores it with the review and highlights the weakest elements. A table
 * that is not fully rated is refused, and with it the completion of the rating task (same transaction).
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class HighlightWeakestElementsDelegate implements JavaDelegate {

    private final PlanReviews reviews;
    private final PlanReviewProperties properties;

    public HighlightWeakestElementsDelegate(PlanReviews reviews, PlanReviewProperties properties) {
        this.reviews = reviews;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<ServiceElementRatings.Element> rated = ServiceElementRatings.rate(
                (String) execution.getVariable(VAR_SERVICE_ELEMENT_RATINGS), properties.weakestCount());
        reviews.serviceElements((String) execution.getVariable(VAR_PERIOD), rated);
        execution.setVariable(VAR_WEAKEST_ELEMENTS, ServiceElementRatings.weakestText(rated));
    }
}
