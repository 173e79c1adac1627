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
 * Records an employee's survey answer (completion listener): whether the changes made their work better, no
 * different or worse, and a comment.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordEmployeeSurveyListener implements TaskListener {

    private final PlanReviews reviews;

    public RecordEmployeeSurveyListener(PlanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        String period = TaskAnswers.period(task);
        String by = TaskAnswers.answeredBy(task);
        Object effect = task.getVariable(VAR_CHANGE_EFFECT);
        if (effect == null || !CHANGE_EFFECTS.contains(effect.toString())) {
            throw new Rejected(VAR_CHANGE_EFFECT, "Say whether the changes made your work better, no different or worse.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(VAR_CHANGE_EFFECT, effect);
        details.put(VAR_SURVEY_COMMENT, task.getVariable(VAR_SURVEY_COMMENT));
        reviews.answer(period, ANSWER_SURVEY, (String) task.getVariable(VAR_EMPLOYEE), by, ReviewPeriod.now(), details);
    }
}
