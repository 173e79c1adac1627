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
 * Records a representative's view on the chosen strategies (completion listener): support yes, no or with changes
 * (required), and comments — required unless the support is a plain yes. One answer per representative and round
 * (a send-back opens a new round: {@link PlanReviewVoices#round}).
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordConsultationListener implements TaskListener {

    private final PlanReviews reviews;

    public RecordConsultationListener(PlanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        Object support = task.getVariable(VAR_STRATEGY_SUPPORT);
        if (!STRATEGY_SUPPORT.contains(support)) {
            throw new Rejected(VAR_STRATEGY_SUPPORT, "Say whether you support the strategies: yes, no or with changes.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(VAR_STRATEGY_SUPPORT, support);
        details.put(VAR_CONSULTATION_COMMENT, "yes".equals(support) ? task.getVariable(VAR_CONSULTATION_COMMENT)
                : TaskAnswers.required(task, VAR_CONSULTATION_COMMENT));
        String period = TaskAnswers.period(task);
        String by = TaskAnswers.recordedBy(task);
        reviews.answer(period, ANSWER_CONSULTATION, PlanReviewVoices.round(reviews, period) + ":" + by, by, ReviewPeriod.now(), details);
    }
}
