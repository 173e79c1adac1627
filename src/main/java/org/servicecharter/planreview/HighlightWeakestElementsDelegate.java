package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stores the rated service-element table with the review and highlights the weakest rows: the largest
 * importance × (5 − rating). A review opened before the table had rows (its model version still asks for
 * {@code name: rating} lines) is read as before: the lowest-rated lines are the weakest. A table that is not fully
 * rated is refused, and with it the completion of the rating task (same transaction).
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class HighlightWeakestElementsDelegate implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlanReviews reviews;
    private final PlanReviewProperties properties;

    public HighlightWeakestElementsDelegate(PlanReviews reviews, PlanReviewProperties properties) {
        this.reviews = reviews;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object table = execution.getVariable(VAR_SERVICE_ELEMENT_TABLE);
        List<ServiceElementTable.Row> rows = table == null
                ? ServiceElementTable.fromRatings(ServiceElementRatings.rate((String) execution.getVariable(VAR_SERVICE_ELEMENT_RATINGS),
                        properties.weakestCount()))
                : ServiceElementTable.rank(entries(table.toString()), properties.weakestCount());
        reviews.serviceElements((String) execution.getVariable(VAR_PERIOD), rows);
        execution.setVariable(VAR_WEAKEST_ELEMENTS, ServiceElementTable.weakestText(rows));
        execution.setVariable(VAR_SERVICE_ELEMENTS_TEXT, ServiceElementTable.text(rows));
    }

    static List<ServiceElementTable.Entry> entries(String json) {
        try {
            return List.of(JSON.readValue(json, ServiceElementTable.Entry[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
