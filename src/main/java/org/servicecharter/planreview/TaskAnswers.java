package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Rejected;

/**
 * What the answer listeners of the plan-review tasks share: the review's period, who answered, a required field, a
 * rating from 1 to 5, and the area reviews (training, decision authority, customer feedback), which answer alike.
 * An incomplete answer is refused ({@link Rejected}), and with it the task's completion.
 */
final class TaskAnswers {

    private TaskAnswers() {
    }

    static String period(DelegateTask task) {
        return (String) task.getVariable(VAR_PERIOD);
    }

    /** The user completing the task; the assignee when no one is logged in. */
    static String answeredBy(DelegateTask task) {
        String current = CurrentUser.of(task);
        return current != null ? current : task.getAssignee();
    }

    /** Who an employee-file record names as its author: {@link #answeredBy}, or "system" when nobody is known. */
    static String recordedBy(DelegateTask task) {
        String by = answeredBy(task);
        return by != null ? by : "system";
    }

    /** An area review: its findings (required) and the changes it needs, as an answer of that kind. */
    static void recordAreaReview(DelegateTask task, PlanReviews reviews, String kind) {
        recordAreaReview(task, reviews, kind, Map.of());
    }

    /** An area review with answers of its own beside the findings and changes. */
    static void recordAreaReview(DelegateTask task, PlanReviews reviews, String kind, Map<String, Object> more) {
        String period = period(task);
        String by = answeredBy(task);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(VAR_FINDINGS, required(task, VAR_FINDINGS));
        details.put(VAR_CHANGES_NEEDED, task.getVariable(VAR_CHANGES_NEEDED));
        details.putAll(more);
        reviews.answer(period, kind, "-", by, ReviewPeriod.now(), details);
    }

    static int rating(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        int rating = value instanceof Number n ? n.intValue() : -1;
        if (value instanceof String s && s.matches("[1-5]")) {
            rating = Integer.parseInt(s);
        }
        if (rating < 1 || rating > 5) {
            throw new Rejected(name, "Rate " + name + " from 1 to 5.");
        }
        return rating;
    }

    static String required(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new Rejected(name, name + " is required.");
        }
        return value.toString().trim();
    }
}
