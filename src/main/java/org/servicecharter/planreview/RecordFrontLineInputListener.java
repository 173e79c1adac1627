package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Records the front line's input (completion listener): what goes wrong and what to change (both required), and the
 * average customer's experience from the employees' side.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordFrontLineInputListener implements TaskListener {

    private final PlanReviews reviews;

    public RecordFrontLineInputListener(PlanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(VAR_WHAT_GOES_WRONG, TaskAnswers.required(task, VAR_WHAT_GOES_WRONG));
        details.put(VAR_WHAT_TO_CHANGE, TaskAnswers.required(task, VAR_WHAT_TO_CHANGE));
        details.put(VAR_EMPLOYEE_NARRATIVE, task.getVariable(VAR_EMPLOYEE_NARRATIVE));
        String by = TaskAnswers.recordedBy(task);
        reviews.answer(TaskAnswers.period(task), ANSWER_FRONT_LINE, by, by, ReviewPeriod.now(), details);
    }
}
