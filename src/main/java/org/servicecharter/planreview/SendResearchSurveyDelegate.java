package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.time.LocalDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Opens the research round: sets when it closes ({@code researchWindowEnds}, now plus
 * {@code servicecharter.plan-review.research-window}) and sends the research survey to the sample of recent customers.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class SendResearchSurveyDelegate implements JavaDelegate {

    private final PlanReviewResearch research;
    private final PlanReviewProperties properties;

    public SendResearchSurveyDelegate(PlanReviewResearch research, PlanReviewProperties properties) {
        this.research = research;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewPeriod period = ReviewPeriod.parse((String) execution.getVariable(VAR_PERIOD));
        LocalDateTime now = ReviewPeriod.now();
        LocalDateTime closes = now.plus(properties.researchWindow());
        execution.setVariable(VAR_RESEARCH_WINDOW_ENDS, ReviewPeriod.date(closes));
        execution.setVariable(VAR_RESEARCH_SURVEYS_SENT, research.send(period, now, closes));
    }
}
