package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Closes the research round: the summary of the survey answers, the interviews and the complaint survey comments; the
 * service elements the customers named that are not configured become {@code researchServiceElements} (one a line),
 * the rows the service-element table adds to the configured ones.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class SummariseResearchDelegate implements JavaDelegate {

    private final PlanReviewResearch research;

    public SummariseResearchDelegate(PlanReviewResearch research) {
        this.research = research;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewPeriod period = ReviewPeriod.parse((String) execution.getVariable(VAR_PERIOD));
        execution.setVariable(VAR_RESEARCH_SUMMARY, research.summarise(period));
        List<String> named = research.namedServiceElements(period.label());
        if (!named.isEmpty()) {
            execution.setVariable(VAR_RESEARCH_SERVICE_ELEMENTS, String.join("\n", named));
        }
    }
}
