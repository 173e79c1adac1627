package org.servicecharter.audit;

import static org.servicecharter.audit.HistoryReads.all;
import static org.servicecharter.audit.HistoryReads.show;
import static org.servicecharter.audit.HistoryReads.value;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;

/**
 * The historic details: each variable update as {@code variable-set}, {@code variable-changed} or
 * {@code variable-rewritten} (with the value before, from the variable's previous update), and each submitted form
 * field as {@code form-field}.
 */
final class VariableEntries {

    private final ActivityEntries activities;
    private final DecisionEntries decisions;

    private VariableEntries(ActivityEntries activities, DecisionEntries decisions) {
        this.activities = activities;
        this.decisions = decisions;
    }

    static void read(HistoryService historyService, String processInstanceId, ActivityEntries activities,
            TaskEntries tasks, OperationLogEntries operations, DecisionEntries decisions, Timeline timeline) {
        VariableEntries entries = new VariableEntries(activities, decisions);
        Map<String, Object> lastValue = new HashMap<>();
        for (HistoricDetail detail : all(historyService.createHistoricDetailQuery().processInstanceId(processInstanceId)
                .disableBinaryFetching().disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc())) {
            double rank = entries.rank(detail);
            String taskName = tasks.name(detail.getTaskId());
            if (detail instanceof HistoricVariableUpdate update) {
                Object value = value(update.getTypedValue(), update.getValue());
                boolean known = lastValue.containsKey(update.getVariableInstanceId());
                Object previous = lastValue.get(update.getVariableInstanceId());
                lastValue.put(update.getVariableInstanceId(), value);
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("variable", update.getVariableName());
                map.put("type", update.getTypeName());
                map.put("revision", update.getRevision());
                if (known) {
                    map.put("oldValue", previous);
                }
                map.put("newValue", value);
                map.put("variableInstanceId", update.getVariableInstanceId());
                map.put("userOperationId", update.getUserOperationId());
                map.put("scope", detail.getActivityInstanceId());
                boolean unchanged = known && Objects.equals(previous, value);
                String summary = !known ? "Variable " + update.getVariableName() + " set to " + show(value)
                        : unchanged ? "Variable " + update.getVariableName() + " written again, unchanged: " + show(value)
                        : "Variable " + update.getVariableName() + " changed: " + show(previous) + " → " + show(value);
                String type = !known ? "variable-set" : unchanged ? "variable-rewritten" : "variable-changed";
                String user = update.getUserOperationId() != null ? operations.userOf(update.getUserOperationId()) : null;
                HistoricActivityInstance activity = activities.byId(detail.getActivityInstanceId());
                timeline.add(detail.getTime(), rank, type,
                        activity != null ? activity.getActivityId() : null,
                        activity != null ? activity.getActivityName() : null, detail.getActivityInstanceId(),
                        detail.getTaskId(), taskName, user, summary, map);
            } else if (detail instanceof HistoricFormField field) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("field", field.getFieldId());
                map.put("value", field.getFieldValue());
                map.put("userOperationId", field.getUserOperationId());
                timeline.add(detail.getTime(), rank, "form-field", null, null, detail.getActivityInstanceId(),
                        detail.getTaskId(), taskName, null,
                        "Form field " + field.getFieldId() + " submitted: " + show(field.getFieldValue()), map);
            }
        }
    }

    /**
     * A variable change belongs to the activity instance the engine recorded it in, right after that is
     * entered (or, for a change at the end of a user task, before it is left). A change recorded on the instance
     * scope was brought by the operation or message that started the transaction, unless it is the mapped
     * result of a decision evaluated in that moment: then it follows the decision.
     */
    private double rank(HistoricDetail detail) {
        HistoricActivityInstance activity = activities.byId(detail.getActivityInstanceId());
        if (activity != null && !activity.getStartTime().after(detail.getTime())) {
            return activities.indexOf(activity.getId()) + 0.3;
        }
        if (detail instanceof HistoricVariableUpdate update) {
            Double decisionRank = decisions.rankOfDecisionSetting(detail.getTime(), update.getVariableName());
            if (decisionRank != null) {
                return decisionRank + 0.05;
            }
        }
        return Timeline.RANK_INSTANCE_VARIABLE;
    }
}
