package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The table rated again after the last strategy was re-measured: ranked like the first, stored beside it, and compared
 * with it row by row (importance, rating and weight before and after, and whether the element improved). The
 * comparison in words goes to the forms that follow, beside the figures' comparison.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class CompareServiceElementsDelegate implements JavaDelegate {

    private final PlanReviews reviews;
    private final PlanReviewProperties properties;

    public CompareServiceElementsDelegate(PlanReviews reviews, PlanReviewProperties properties) {
        this.reviews = reviews;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String period = (String) execution.getVariable(VAR_PERIOD);
        List<ServiceElementTable.Row> again = ServiceElementTable.rank(
                HighlightWeakestElementsDelegate.entries(execution.getVariable(VAR_SERVICE_ELEMENT_TABLE).toString()),
                properties.weakestCount());
        ServiceElementTable.Row[] first = reviews.read(reviews.find(period).orElseThrow().serviceElements(), ServiceElementTable.Row[].class);
        List<ServiceElementTable.RowChange> changes = ServiceElementTable.compare(first == null ? List.of() : List.of(first), again);
        reviews.serviceElementsAgain(period, again, changes);
        execution.setVariable(VAR_SERVICE_ELEMENT_COMPARISON, ServiceElementTable.comparisonText(changes));
    }
}
