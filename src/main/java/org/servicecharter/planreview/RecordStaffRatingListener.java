package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Records a manager's rating of a representative against the plan's requirements (completion listener): each
 * requirement rated from 1 to 5, and a note.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordStaffRatingListener implements TaskListener {

    private final PlanReviews reviews;

    public RecordStaffRatingListener(PlanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        String period = TaskAnswers.period(task);
        String by = TaskAnswers.answeredBy(task);
        Map<String, Object> details = new LinkedHashMap<>();
        for (String requirement : new String[] {VAR_ENTHUSIASM, VAR_FRIENDLINESS, VAR_PROBLEM_SOLVING, VAR_EMPATHY}) {
            details.put(requirement, TaskAnswers.rating(task, requirement));
        }
        details.put(VAR_STAFF_NOTE, task.getVariable(VAR_STAFF_NOTE));
        reviews.answer(period, ANSWER_STAFF, (String) task.getVariable(VAR_REPRESENTATIVE), by, ReviewPeriod.now(), details);
    }
}
