package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry.NewEntry;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records a manager's rating of a representative against the plan's requirements (completion listener): each
 * requirement rated from 1 to 5, and a note — as the review's answer, and as a performance-evaluation record in the
 * representative's employee file (the ratings, the note, the period and who rated).
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordStaffRatingListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlanReviews reviews;
    private final EmployeeFile employeeFile;

    public RecordStaffRatingListener(PlanReviews reviews, EmployeeFile employeeFile) {
        this.reviews = reviews;
        this.employeeFile = employeeFile;
    }

    @Override
    public void notify(DelegateTask task) {
        String period = TaskAnswers.period(task);
        String by = TaskAnswers.answeredBy(task);
        String representative = (String) task.getVariable(VAR_REPRESENTATIVE);
        Map<String, Object> details = new LinkedHashMap<>();
        StringBuilder ratings = new StringBuilder();
        for (Map.Entry<String, String> quality : PlanReviewCoaching.QUALITIES.entrySet()) {
            int rating = TaskAnswers.rating(task, quality.getKey());
            details.put(quality.getKey(), rating);
            ratings.append(ratings.isEmpty() ? "" : ", ").append(quality.getValue()).append(' ').append(rating);
        }
        Object note = task.getVariable(VAR_STAFF_NOTE);
        details.put(VAR_STAFF_NOTE, note);
        reviews.answer(period, ANSWER_STAFF, representative, by, ReviewPeriod.now(), details);

        Map<String, Object> evaluation = new LinkedHashMap<>(details);
        if (note != null && note.toString().length() > 3000) {
            evaluation.put(VAR_STAFF_NOTE, note.toString().substring(0, 3000)); // the record's details hold 4000 characters
        }
        evaluation.put(VAR_PERIOD, period);
        String recordedBy = TaskAnswers.recordedBy(task);
        evaluation.put("ratedBy", recordedBy);
        employeeFile.append(new NewEntry(representative, RECORD_PERFORMANCE_EVALUATION,
                "Rated in the plan review of " + period + ": " + ratings + " (1 to 5).", period, null, json(evaluation), recordedBy,
                task.getProcessInstanceId(), RECORD_PERFORMANCE_EVALUATION + ":" + period + ":" + representative));
    }

    static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
