package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The service-element table's rating tasks, first and again. On create it fills the form's rows (task-local, so
 * that nothing of one task leaks into another): the first rating with the configured elements and the ones the
 * research round named ({@code researchServiceElements}); the rating again with the first rating's rows, their
 * importance pre-filled and the first figures beside each. On complete it reads the rows, refuses a bad table with a
 * sentence naming each bad row (and with it the completion), and hands the rows to the step that follows as
 * {@code serviceElementTable} (JSON).
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class ServiceElementTableListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlanReviews reviews;
    private final PlanReviewProperties properties;

    public ServiceElementTableListener(PlanReviews reviews, PlanReviewProperties properties) {
        this.reviews = reviews;
        this.properties = properties;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            fill(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            // Tasklist's submit-form sets the rows on the task (they are task-local); the engine's complete(id, variables)
            // sets them on the execution: read either, and leave none behind outside the task
            List<ServiceElementTable.Entry> entries = ServiceElementTable.read(name -> {
                Object local = task.getVariableLocal(name);
                return local != null ? local : task.getExecution().getVariable(name);
            }, required(task));
            for (int slot = 1; slot <= ServiceElementTable.SLOTS; slot++) {
                for (String name : List.of(ServiceElementTable.name(slot), ServiceElementTable.importance(slot),
                        ServiceElementTable.rating(slot), ServiceElementTable.before(slot))) {
                    if (task.getExecution().hasVariable(name)) {
                        task.getExecution().removeVariable(name);
                    }
                }
            }
            try {
                task.getExecution().setVariable(VAR_SERVICE_ELEMENT_TABLE, JSON.writeValueAsString(entries));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void fill(DelegateTask task) {
        List<ServiceElementTable.Row> before = again(task) ? firstRating(task) : List.of();
        List<String> names = again(task) ? before.stream().map(ServiceElementTable.Row::name).toList() : firstNames(task);
        for (int slot = 1; slot <= ServiceElementTable.SLOTS; slot++) {
            String name = slot <= names.size() ? names.get(slot - 1) : null;
            task.setVariableLocal(ServiceElementTable.name(slot), name);
            task.setVariableLocal(ServiceElementTable.rating(slot), null);
            ServiceElementTable.Row row = slot <= before.size() ? before.get(slot - 1) : null;
            task.setVariableLocal(ServiceElementTable.importance(slot), row == null ? null : row.importance());
            if (again(task)) {
                task.setVariableLocal(ServiceElementTable.before(slot), row == null ? null : ServiceElementTable.figures(row));
            }
        }
    }

    /** The rows that must be there: the configured elements, or, rated again, every row of the first rating. */
    private List<String> required(DelegateTask task) {
        return again(task) ? firstRating(task).stream().map(ServiceElementTable.Row::name).toList() : properties.serviceElements();
    }

    private List<String> firstNames(DelegateTask task) {
        Map<String, String> names = new LinkedHashMap<>();
        properties.serviceElements().forEach(n -> names.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
        Object research = task.getVariable(VAR_RESEARCH_SERVICE_ELEMENTS);
        List<String> named = new ArrayList<>();
        if (research instanceof Collection<?> list) {
            list.forEach(n -> named.add(String.valueOf(n)));
        } else if (research != null) {
            named.addAll(List.of(research.toString().split("\\R")));
        }
        named.stream().map(String::trim).filter(n -> !n.isEmpty()).forEach(n -> names.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
        return names.values().stream().limit(ServiceElementTable.SLOTS).toList();
    }

    private List<ServiceElementTable.Row> firstRating(DelegateTask task) {
        PlanReviews.Review review = reviews.find(TaskAnswers.period(task)).orElseThrow();
        ServiceElementTable.Row[] rows = reviews.read(review.serviceElements(), ServiceElementTable.Row[].class);
        return rows == null ? List.of() : List.of(rows);
    }

    private static boolean again(DelegateTask task) {
        return RATE_SERVICE_ELEMENTS_AGAIN.equals(task.getTaskDefinitionKey());
    }
}
