package org.servicecharter.audit;

import static org.servicecharter.audit.HistoryReads.all;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/**
 * The user operation log: one {@code user-operation} per operation (its entries, one per changed property, become
 * the operation's list of changes). Also tells the other sources who did an operation and who completed a task.
 */
final class OperationLogEntries {

    private final Map<String, String> completedBy = new HashMap<>();
    private final Map<String, String> operationUser = new HashMap<>();

    private OperationLogEntries() {
    }

    static OperationLogEntries read(HistoryService historyService, String processInstanceId, TaskEntries tasks,
            Timeline timeline) {
        OperationLogEntries entries = new OperationLogEntries();
        List<UserOperationLogEntry> log = all(historyService.createUserOperationLogQuery()
                .processInstanceId(processInstanceId).orderByTimestamp().asc());
        Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
        for (UserOperationLogEntry entry : log) {
            byOperation.computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>()).add(entry);
        }
        for (List<UserOperationLogEntry> operation : byOperation.values()) {
            entries.operation(operation, tasks, timeline);
        }
        return entries;
    }

    /** Who did the operation, or null. */
    String userOf(String operationId) {
        return operationUser.get(operationId);
    }

    /** Who completed the task, as the operation log has it; {@code otherwise} when the log does not say. */
    String completedBy(String taskId, String otherwise) {
        return completedBy.getOrDefault(taskId, otherwise);
    }

    private void operation(List<UserOperationLogEntry> operation, TaskEntries tasks, Timeline timeline) {
        UserOperationLogEntry first = operation.get(0);
        List<Map<String, Object>> changes = new ArrayList<>();
        String annotation = null;
        for (UserOperationLogEntry entry : operation) {
            annotation = annotation != null ? annotation : entry.getAnnotation();
            if (entry.getProperty() != null) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("property", entry.getProperty());
                change.put("oldValue", entry.getOrgValue());
                change.put("newValue", entry.getNewValue());
                changes.add(change);
            }
        }
        operationUser.put(first.getOperationId(), first.getUserId());
        if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(first.getOperationType()) && first.getTaskId() != null) {
            completedBy.put(first.getTaskId(), first.getUserId());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operationId", first.getOperationId());
        details.put("operationType", first.getOperationType());
        details.put("entityType", first.getEntityType());
        details.put("category", first.getCategory());
        details.put("annotation", annotation);
        details.put("changes", changes);
        String taskName = tasks.name(first.getTaskId());
        String summary = (first.getUserId() != null ? first.getUserId() : "Someone") + ": " + first.getOperationType()
                + " " + first.getEntityType() + (taskName != null ? " \"" + taskName + "\"" : "")
                + describeChanges(changes) + (annotation != null ? " — annotation: " + annotation : "");
        timeline.add(first.getTimestamp(), Timeline.RANK_USER_OPERATION, "user-operation", null, null, null,
                first.getTaskId(), taskName, first.getUserId(), summary, details);
    }

    private static String describeChanges(List<Map<String, Object>> changes) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> change : changes) {
            if (change.get("oldValue") == null && change.get("newValue") == null) {
                continue;
            }
            text.append(text.length() == 0 ? " (" : ", ").append(change.get("property")).append(": ")
                    .append(change.get("oldValue")).append(" → ").append(change.get("newValue"));
        }
        return text.length() == 0 ? "" : text.append(')').toString();
    }
}
