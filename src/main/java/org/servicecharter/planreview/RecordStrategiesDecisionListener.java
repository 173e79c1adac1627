package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Records the head of service's decision on the strategies (completion listener): approved, or sent back with a
 * reason, numbered by round.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordStrategiesDecisionListener implements TaskListener {

    private final PlanReviews reviews;

    public RecordStrategiesDecisionListener(PlanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        String period = TaskAnswers.period(task);
        String by = TaskAnswers.answeredBy(task);
        Object decision = task.getVariable(VAR_STRATEGIES_DECISION);
        if (!DECISION_APPROVE.equals(decision) && !DECISION_SEND_BACK.equals(decision)) {
            throw new Rejected(VAR_STRATEGIES_DECISION, "Approve the strategies or send them back.");
        }
        if (DECISION_APPROVE.equals(decision)) {
            reviews.approveStrategies(period);
        } else {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put(VAR_SEND_BACK_REASON, TaskAnswers.required(task, VAR_SEND_BACK_REASON));
            details.put(VAR_STRATEGIES_SUMMARY, task.getVariable(VAR_STRATEGIES_SUMMARY));
            long round = reviews.answers(period).stream().filter(a -> a.kind().equals(ANSWER_SEND_BACK)).count() + 1;
            reviews.answer(period, ANSWER_SEND_BACK, String.valueOf(round), by, ReviewPeriod.now(), details);
        }
    }
}
