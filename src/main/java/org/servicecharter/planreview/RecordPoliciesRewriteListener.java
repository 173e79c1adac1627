package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Records the yearly rewrite of the policies and procedures (completion listener): what changed, required, and
 * whether the handbook changes too.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordPoliciesRewriteListener implements TaskListener {

    private final PlanReviews reviews;

    public RecordPoliciesRewriteListener(PlanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        String period = TaskAnswers.period(task);
        String by = TaskAnswers.answeredBy(task);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(VAR_POLICIES_NOTE, TaskAnswers.required(task, VAR_POLICIES_NOTE));
        details.put(VAR_HANDBOOK_CHANGES, Boolean.TRUE.equals(task.getVariable(VAR_HANDBOOK_CHANGES)));
        reviews.answer(period, ANSWER_POLICIES, "-", by, ReviewPeriod.now(), details);
    }
}
