package org.servicecharter.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.servicecharter.audit.AuditTrail.ActivityState;
import org.servicecharter.audit.AuditTrail.DiagramPath;
import org.servicecharter.audit.AuditTrail.InstanceSummary;
import org.servicecharter.platform.NotFound;
import org.servicecharter.platform.TaskQueryAuthorization;
import org.springframework.stereotype.Service;

/**
 * Builds one process instance's trail from the engine's history (level {@code full}), read as the current user
 * so the engine's own authorization checks apply as well. Nothing here writes: only history queries.
 *
 * <p>Entry types: {@code instance-started}, {@code instance-ended}, {@code activity-entered},
 * {@code activity-left}, {@code task-created}, {@code task-offered}, {@code task-offer-withdrawn},
 * {@code task-withheld}, {@code task-withheld-no-longer} (kept out of the lists of the person a case is about),
 * {@code task-claimed}, {@code task-assigned}, {@code task-unassigned}, {@code task-completed},
 * {@code task-ended}, {@code form-field}, {@code variable-set}, {@code variable-changed},
 * {@code decision-evaluated}, {@code timer-fired}, {@code timer-cancelled}, {@code job-failed},
 * {@code incident-opened}, {@code incident-resolved}, {@code incident-deleted}, {@code comment},
 * {@code user-operation}.
 *
 * <p><b>Order.</b> Entries are ordered by time, then, for events of the same millisecond (one transaction
 * usually does many things at once), by cause: the user operation that triggered the transaction, then the
 * variables it brought, then activities in the order the engine entered them (its sequence counter), each
 * activity's decision and variable changes after it is entered, and an activity left just before the next
 * activity outside it is entered (inner scopes before outer ones).
 */
@Service
public class AuditTrailService {

    private static final double RANK_INSTANCE_STARTED = -100;
    private static final double RANK_USER_OPERATION = -80;
    private static final double RANK_LATER_IDENTITY_LINK = -60;
    private static final double RANK_INSTANCE_VARIABLE = -50;
    private static final double RANK_DETACHED_DECISION = -40;
    private static final double RANK_COMMENT = -30;
    private static final double RANK_INCIDENT = -20;
    private static final double RANK_END_OF_GROUP = 1_000_000;
    private static final double RANK_INSTANCE_ENDED = 2_000_000;

    private final HistoryService historyService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final AuditAccess access;

    public AuditTrailService(HistoryService historyService, TaskService taskService, RepositoryService repositoryService,
            AuditAccess access) {
        this.historyService = historyService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.access = access;
    }

    public AuditTrail trail(String processInstanceId) {
        access.requireAuditor();
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            throw new NotFound("There is no process instance " + processInstanceId + " in the history.");
        }
        ProcessDefinition definition = repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
        Builder builder = new Builder(instance, repositoryService.getBpmnModelInstance(definition.getId()));
        builder.activities(all(historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderPartiallyByOccurrence().asc()));
        builder.tasks(all(historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc()));
        builder.operations(all(historyService.createUserOperationLogQuery().processInstanceId(processInstanceId)
                .orderByTimestamp().asc()));
        builder.decisions(all(historyService.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId)
                .includeInputs().includeOutputs().disableBinaryFetching().disableCustomObjectDeserialization()
                .orderByEvaluationTime().asc()));
        builder.details(all(historyService.createHistoricDetailQuery().processInstanceId(processInstanceId)
                .disableBinaryFetching().disableCustomObjectDeserialization()
                .orderPartiallyByOccurrence().asc()));
        builder.jobs(all(historyService.createHistoricJobLogQuery().processInstanceId(processInstanceId)
                .orderPartiallyByOccurrence().asc()));
        builder.incidents(all(historyService.createHistoricIncidentQuery().processInstanceId(processInstanceId)
                .orderByCreateTime().asc()));
        builder.comments(taskService.getProcessInstanceComments(processInstanceId));

        InstanceSummary summary = AuditSearchService.summary(instance, definition);
        return new AuditTrail(summary, builder.timeline(), builder.path(definition));
    }

    /** Page size for reading history: the engine refuses unbounded lists (queryMaxResultsLimit). */
    static final int BATCH = 1000;

    /** Every result of the query, read page by page in its (stable) order. */
    static <T> List<T> all(org.camunda.bpm.engine.query.Query<?, T> query) {
        List<T> all = new ArrayList<>();
        while (true) {
            List<T> page = query.listPage(all.size(), BATCH);
            all.addAll(page);
            if (page.size() < BATCH) {
                return all;
            }
        }
    }

    /** Collects entries with a sort key; see the class comment for the order. */
    private final class Builder {

        private record DecisionOutputs(Date time, double rank, java.util.Set<String> names) {
        }

        private record Keyed(Date time, double rank, int insertion, TimelineEntry entry) {
        }

        private final HistoricProcessInstance instance;
        private final List<Keyed> entries = new ArrayList<>();
        private List<HistoricActivityInstance> activities = List.of();
        private final Map<String, Integer> activityIndex = new HashMap<>();
        private final Map<String, HistoricActivityInstance> activityById = new HashMap<>();
        private final Map<String, String> taskNames = new HashMap<>();
        private final Map<String, HistoricTaskInstance> taskById = new HashMap<>();
        private final Map<String, String> completedBy = new HashMap<>();
        private final Map<String, String> operationUser = new HashMap<>();
        private final BpmnModelInstance model;
        private final List<DecisionOutputs> decisionOutputs = new ArrayList<>();

        Builder(HistoricProcessInstance instance, BpmnModelInstance model) {
            this.instance = instance;
            this.model = model;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("businessKey", instance.getBusinessKey());
            details.put("processDefinitionId", instance.getProcessDefinitionId());
            details.put("superProcessInstanceId", instance.getSuperProcessInstanceId());
            add(instance.getStartTime(), RANK_INSTANCE_STARTED, "instance-started", null, null, null, null, null,
                    instance.getStartUserId(), "Instance started"
                            + (instance.getStartUserId() != null ? " by " + instance.getStartUserId() : "")
                            + (instance.getBusinessKey() != null ? " with business key " + instance.getBusinessKey() : ""),
                    details);
            if (instance.getEndTime() != null) {
                Map<String, Object> end = new LinkedHashMap<>();
                end.put("state", instance.getState());
                end.put("deleteReason", instance.getDeleteReason());
                add(instance.getEndTime(), RANK_INSTANCE_ENDED, "instance-ended", instance.getEndActivityId(), null, null,
                        null, null, null, "Instance ended (" + instance.getState() + ")"
                                + (instance.getDeleteReason() != null ? ": " + instance.getDeleteReason() : ""), end);
            }
        }

        void activities(List<HistoricActivityInstance> list) {
            this.activities = list;
            for (int i = 0; i < list.size(); i++) {
                activityIndex.put(list.get(i).getId(), i);
                activityById.put(list.get(i).getId(), list.get(i));
            }
            for (HistoricActivityInstance activity : list) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("activityType", activity.getActivityType());
                if (activity.getCalledProcessInstanceId() != null) {
                    details.put("calledProcessInstanceId", activity.getCalledProcessInstanceId());
                }
                add(activity.getStartTime(), indexOf(activity.getId()), "activity-entered", activity,
                        null, null, "Entered " + label(activity), details);
                if (activity.getEndTime() != null) {
                    Map<String, Object> left = new LinkedHashMap<>();
                    left.put("activityType", activity.getActivityType());
                    left.put("canceled", activity.isCanceled());
                    left.put("durationMillis", activity.getDurationInMillis());
                    add(activity.getEndTime(), leftRank(activity), "activity-left", activity, null, null,
                            (activity.isCanceled() ? "Cancelled " : "Left ") + label(activity), left);
                }
            }
        }

        void tasks(List<HistoricTaskInstance> tasks) {
            for (HistoricTaskInstance task : tasks) {
                taskNames.put(task.getId(), task.getName());
                taskById.put(task.getId(), task);
            }
            for (HistoricTaskInstance task : tasks) {
                HistoricActivityInstance activity = activityById.get(task.getActivityInstanceId());
                double createdRank = activity != null ? indexOf(activity.getId()) + 0.1 : RANK_LATER_IDENTITY_LINK;
                Map<String, Object> created = new LinkedHashMap<>();
                created.put("dueDate", instant(task.getDueDate()));
                created.put("priority", task.getPriority());
                addTask(task.getStartTime(), createdRank, "task-created", task, null,
                        "Task \"" + task.getName() + "\" created"
                                + (task.getDueDate() != null ? ", due " + instant(task.getDueDate()) : ""), created);

                for (HistoricIdentityLinkLog link : all(historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId())
                        .orderByTime().asc())) {
                    identityLink(task, link, createdRank);
                }
            }
        }

        private void identityLink(HistoricTaskInstance task, HistoricIdentityLinkLog link, double createdRank) {
            boolean atCreation = Objects.equals(link.getTime(), task.getStartTime());
            double rank = atCreation ? createdRank + 0.05 : RANK_LATER_IDENTITY_LINK;
            boolean add = "add".equals(link.getOperationType());
            String who = link.getUserId() != null ? "user " + link.getUserId() : "group " + link.getGroupId();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("linkType", link.getType());
            details.put("operation", link.getOperationType());
            details.put("userId", link.getUserId());
            details.put("groupId", link.getGroupId());
            details.put("assignerId", link.getAssignerId());
            String taskLabel = "\"" + task.getName() + "\"";
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                addTask(link.getTime(), rank, add ? "task-offered" : "task-offer-withdrawn", task, link.getAssignerId(),
                        (add ? "Offered " : "Offer withdrawn: ") + taskLabel + (add ? " to " : " from ") + who, details);
            } else if (IdentityLinkType.ASSIGNEE.equals(link.getType())) {
                if (!add) {
                    addTask(link.getTime(), rank, "task-unassigned", task, link.getAssignerId(),
                            taskLabel + " no longer assigned to " + link.getUserId(), details);
                } else if (link.getUserId() != null && link.getUserId().equals(link.getAssignerId())) {
                    addTask(link.getTime(), rank, "task-claimed", task, link.getUserId(),
                            link.getUserId() + " claimed " + taskLabel, details);
                } else {
                    addTask(link.getTime(), rank, "task-assigned", task, link.getAssignerId(),
                            taskLabel + " assigned to " + link.getUserId()
                                    + (link.getAssignerId() != null ? " by " + link.getAssignerId() : ""), details);
                }
            } else if (TaskQueryAuthorization.EXCLUDED.equals(link.getType())) {
                // the application's own doing (no one handles their own case), whoever was logged in at the time
                addTask(link.getTime(), rank, add ? "task-withheld" : "task-withheld-no-longer", task, null,
                        taskLabel + (add ? " kept out of " + link.getUserId() + "'s task lists: the case is about them"
                                : " back in " + link.getUserId() + "'s task lists: the case is no longer about them"), details);
            } else {
                addTask(link.getTime(), rank, add ? "task-offered" : "task-offer-withdrawn", task, link.getAssignerId(),
                        taskLabel + ": " + link.getType() + " " + (add ? "set to " : "removed: ") + who, details);
            }
        }

        void operations(List<UserOperationLogEntry> log) {
            Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
            for (UserOperationLogEntry entry : log) {
                byOperation.computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>()).add(entry);
            }
            for (List<UserOperationLogEntry> operation : byOperation.values()) {
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
                String taskName = first.getTaskId() != null ? taskNames.get(first.getTaskId()) : null;
                String summary = (first.getUserId() != null ? first.getUserId() : "Someone") + ": " + first.getOperationType()
                        + " " + first.getEntityType() + (taskName != null ? " \"" + taskName + "\"" : "")
                        + describeChanges(changes) + (annotation != null ? " — annotation: " + annotation : "");
                add(first.getTimestamp(), RANK_USER_OPERATION, "user-operation", null, null, null, first.getTaskId(),
                        taskName, first.getUserId(), summary, details);
            }
        }

        void details(List<HistoricDetail> details) {
            Map<String, Object> lastValue = new HashMap<>();
            for (HistoricDetail detail : details) {
                double rank = detailRank(detail);
                String taskName = detail.getTaskId() != null ? taskNames.get(detail.getTaskId()) : null;
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
                    String user = update.getUserOperationId() != null ? operationUser.get(update.getUserOperationId()) : null;
                    HistoricActivityInstance activity = activityById.get(detail.getActivityInstanceId());
                    add(detail.getTime(), rank, type,
                            activity != null ? activity.getActivityId() : null,
                            activity != null ? activity.getActivityName() : null, detail.getActivityInstanceId(),
                            detail.getTaskId(), taskName, user, summary, map);
                } else if (detail instanceof HistoricFormField field) {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("field", field.getFieldId());
                    map.put("value", field.getFieldValue());
                    map.put("userOperationId", field.getUserOperationId());
                    add(detail.getTime(), rank, "form-field", null, null, detail.getActivityInstanceId(),
                            detail.getTaskId(), taskName, null,
                            "Form field " + field.getFieldId() + " submitted: " + show(field.getFieldValue()), map);
                }
            }
        }

        void decisions(List<HistoricDecisionInstance> decisions) {
            for (HistoricDecisionInstance decision : decisions) {
                double rank = activityById.containsKey(decision.getActivityInstanceId())
                        ? indexOf(decision.getActivityInstanceId()) + 0.2 : RANK_DETACHED_DECISION;
                List<Map<String, Object>> inputs = new ArrayList<>();
                for (HistoricDecisionInputInstance input : decision.getInputs()) {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("clauseId", input.getClauseId());
                    map.put("clauseName", input.getClauseName());
                    map.put("value", value(input.getTypedValue(), input.getValue()));
                    inputs.add(map);
                }
                Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
                for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
                    Map<String, Object> rule = rules.computeIfAbsent(output.getRuleId(), id -> {
                        Map<String, Object> map = new LinkedHashMap<>();
                        map.put("ruleId", output.getRuleId());
                        map.put("ruleOrder", output.getRuleOrder());
                        map.put("outputs", new LinkedHashMap<String, Object>());
                        return map;
                    });
                    @SuppressWarnings("unchecked")
                    Map<String, Object> outputs = (Map<String, Object>) rule.get("outputs");
                    outputs.put(output.getVariableName() != null ? output.getVariableName() : output.getClauseName(),
                            value(output.getTypedValue(), output.getValue()));
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("decisionKey", decision.getDecisionDefinitionKey());
                details.put("decisionName", decision.getDecisionDefinitionName());
                details.put("decisionDefinitionId", decision.getDecisionDefinitionId());
                details.put("decisionInstanceId", decision.getId());
                details.put("inputs", inputs);
                details.put("matchedRules", new ArrayList<>(rules.values()));
                java.util.Set<String> names = new java.util.HashSet<>();
                decision.getOutputs().forEach(output -> names.add(output.getVariableName()));
                decisionOutputs.add(new DecisionOutputs(decision.getEvaluationTime(), rank, names));
                HistoricActivityInstance activity = activityById.get(decision.getActivityInstanceId());
                StringBuilder summary = new StringBuilder("Decision \"").append(decision.getDecisionDefinitionName())
                        .append("\" evaluated with ");
                inputs.forEach(in -> summary.append(in.get("clauseName")).append('=').append(show(in.get("value"))).append(' '));
                summary.append("→ ").append(rules.size()).append(" rule(s) matched");
                rules.values().forEach(rule -> summary.append(' ').append("#").append(rule.get("ruleOrder"))
                        .append(' ').append(rule.get("outputs")));
                add(decision.getEvaluationTime(), rank, "decision-evaluated",
                        activity != null ? activity.getActivityId() : decision.getActivityId(),
                        activity != null ? activity.getActivityName() : null, decision.getActivityInstanceId(), null, null,
                        decision.getUserId(), summary.toString(), details);
            }
        }

        void jobs(List<HistoricJobLog> logs) {
            for (HistoricJobLog log : logs) {
                boolean timer = log.getJobDefinitionType() != null && log.getJobDefinitionType().startsWith("timer");
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("jobId", log.getJobId());
                details.put("jobDefinitionType", log.getJobDefinitionType());
                details.put("jobDefinitionConfiguration", log.getJobDefinitionConfiguration());
                details.put("dueDate", instant(log.getJobDueDate()));
                details.put("loggedAt", instant(log.getTimestamp()));
                if (timer && log.isSuccessLog()) {
                    // the success log is written when the job's transaction ends; the timer's effect starts with
                    // its event's activity instance, so place it just before that
                    HistoricActivityInstance fired = firstActivityAtOrBefore(log.getActivityId(), log.getTimestamp());
                    Date time = fired != null ? fired.getStartTime() : log.getTimestamp();
                    double rank = fired != null ? indexOf(fired.getId()) - 0.6 : RANK_INCIDENT;
                    add(time, rank, "timer-fired", log.getActivityId(), fired != null ? fired.getActivityName() : null,
                            fired != null ? fired.getId() : null, null, null, null,
                            "Timer fired: " + (fired != null ? label(fired) : log.getActivityId()), details);
                } else if (timer && log.isDeletionLog()) {
                    add(log.getTimestamp(), cancelledTimerRank(log), "timer-cancelled", log.getActivityId(), null, null,
                            null, null, null, "Timer of " + log.getActivityId() + " cancelled (due "
                                    + instant(log.getJobDueDate()) + ")", details);
                } else if (log.isFailureLog()) {
                    details.put("exceptionMessage", log.getJobExceptionMessage());
                    details.put("retriesLeft", log.getJobRetries());
                    add(log.getTimestamp(), RANK_INCIDENT, "job-failed", log.getFailedActivityId(), null, null, null, null,
                            null, "Job at " + log.getFailedActivityId() + " failed: " + log.getJobExceptionMessage(), details);
                }
            }
        }

        void incidents(List<HistoricIncident> incidents) {
            for (HistoricIncident incident : incidents) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("incidentId", incident.getId());
                details.put("incidentType", incident.getIncidentType());
                details.put("message", incident.getIncidentMessage());
                details.put("annotation", incident.getAnnotation());
                add(incident.getCreateTime(), RANK_INCIDENT, "incident-opened", incident.getActivityId(), null, null, null,
                        null, null, "Incident (" + incident.getIncidentType() + ") at " + incident.getActivityId() + ": "
                                + incident.getIncidentMessage(), details);
                if (incident.getEndTime() != null) {
                    String type = incident.isResolved() ? "incident-resolved" : "incident-deleted";
                    add(incident.getEndTime(), RANK_INCIDENT, type, incident.getActivityId(), null, null, null, null, null,
                            "Incident at " + incident.getActivityId() + (incident.isResolved() ? " resolved" : " deleted"),
                            details);
                }
            }
        }

        void comments(List<Comment> comments) {
            for (Comment comment : comments) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("commentId", comment.getId());
                details.put("message", comment.getFullMessage());
                String taskName = comment.getTaskId() != null ? taskNames.get(comment.getTaskId()) : null;
                add(comment.getTime(), RANK_COMMENT, "comment", null, null, null, comment.getTaskId(), taskName,
                        comment.getUserId(), (comment.getUserId() != null ? comment.getUserId() : "Someone") + " commented"
                                + (taskName != null ? " on \"" + taskName + "\"" : "") + ": " + comment.getFullMessage(),
                        details);
            }
        }

        List<TimelineEntry> timeline() {
            // task completions: who completed comes from the operation log (the assignee is not always the one)
            for (HistoricTaskInstance task : taskById.values()) {
                if (task.getEndTime() == null) {
                    continue;
                }
                HistoricActivityInstance activity = activityById.get(task.getActivityInstanceId());
                double rank = activity != null ? leftRank(activity) - 0.0001 : RANK_END_OF_GROUP;
                boolean completed = "completed".equals(task.getDeleteReason());
                String who = completedBy.getOrDefault(task.getId(), completed ? task.getAssignee() : null);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("assignee", task.getAssignee());
                details.put("reason", task.getDeleteReason());
                details.put("durationMillis", task.getDurationInMillis());
                addTask(task.getEndTime(), rank, completed ? "task-completed" : "task-ended", task, who,
                        completed ? "\"" + task.getName() + "\" completed" + (who != null ? " by " + who : "")
                                : "\"" + task.getName() + "\" ended: " + task.getDeleteReason(), details);
            }
            List<Keyed> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparing(Keyed::time).thenComparingDouble(Keyed::rank).thenComparingInt(Keyed::insertion));
            List<TimelineEntry> timeline = new ArrayList<>(sorted.size());
            for (Keyed keyed : sorted) {
                timeline.add(keyed.entry().withSeq(timeline.size() + 1));
            }
            return timeline;
        }

        DiagramPath path(ProcessDefinition definition) {
            List<ActivityState> states = new ArrayList<>();
            List<String> current = new ArrayList<>();
            for (HistoricActivityInstance activity : activities) {
                String state = activity.getEndTime() == null ? "active" : activity.isCanceled() ? "canceled" : "completed";
                states.add(new ActivityState(activity.getActivityId(), activity.getActivityType(), state,
                        instant(activity.getStartTime()), instant(activity.getEndTime())));
                if (activity.getEndTime() == null && !current.contains(activity.getActivityId())) {
                    current.add(activity.getActivityId());
                }
            }
            return new DiagramPath(definition.getId(), states, takenFlows(definition), current);
        }

        /**
         * A sequence flow was taken when an instance of its source ended and an instance of its target in the same
         * scope started at or after that moment. History does not record flows, so this is derived; it is exact for
         * models without loops back into an already visited element of the same scope.
         */
        private List<String> takenFlows(ProcessDefinition definition) {
            Map<String, List<HistoricActivityInstance>> byActivityId = new HashMap<>();
            for (HistoricActivityInstance activity : activities) {
                byActivityId.computeIfAbsent(activity.getActivityId(), id -> new ArrayList<>()).add(activity);
            }
            List<String> taken = new ArrayList<>();
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                List<HistoricActivityInstance> sources = byActivityId.getOrDefault(flow.getSource().getId(), List.of());
                List<HistoricActivityInstance> targets = byActivityId.getOrDefault(flow.getTarget().getId(), List.of());
                boolean used = sources.stream().anyMatch(source -> source.getEndTime() != null && !source.isCanceled()
                        && targets.stream().anyMatch(target -> !target.getStartTime().before(source.getEndTime())
                                && Objects.equals(target.getParentActivityInstanceId(), source.getParentActivityInstanceId())));
                if (used) {
                    taken.add(flow.getId());
                }
            }
            return taken;
        }

        // --- ranks ---------------------------------------------------------------------------------------------

        private double indexOf(String activityInstanceId) {
            return activityIndex.get(activityInstanceId);
        }

        /**
         * Just before the next activity outside this one entered at the same moment; inner scopes first. A cancelled
         * activity was cancelled by the first activity entered at that moment outside it (a terminate end event, an
         * interrupting boundary event), so it is left right after that one is entered.
         */
        private double leftRank(HistoricActivityInstance activity) {
            int own = activityIndex.get(activity.getId());
            if (activity.isCanceled()) {
                for (int i = 0; i < activities.size(); i++) {
                    HistoricActivityInstance other = activities.get(i);
                    if (i != own && other.getStartTime().equals(activity.getEndTime()) && !isDescendant(other, activity.getId())) {
                        return i + 0.4 - depth(activity) * 0.001;
                    }
                }
            }
            for (int i = own + 1; i < activities.size(); i++) {
                HistoricActivityInstance next = activities.get(i);
                if (next.getStartTime().equals(activity.getEndTime()) && !isDescendant(next, activity.getId())) {
                    return i - 0.5 - depth(activity) * 0.001;
                }
            }
            return RANK_END_OF_GROUP - depth(activity) * 0.001;
        }

        /** A boundary timer is removed when the activity it is attached to ends: just before that is left. */
        private double cancelledTimerRank(HistoricJobLog log) {
            if (model.getModelElementById(log.getActivityId()) instanceof BoundaryEvent boundary
                    && boundary.getAttachedTo() != null) {
                for (HistoricActivityInstance activity : activities) {
                    if (activity.getActivityId().equals(boundary.getAttachedTo().getId())
                            && log.getTimestamp().equals(activity.getEndTime())) {
                        return leftRank(activity) - 0.0002;
                    }
                }
            }
            return RANK_END_OF_GROUP - 0.5;
        }

        private boolean isDescendant(HistoricActivityInstance candidate, String ancestorId) {
            String parent = candidate.getParentActivityInstanceId();
            while (parent != null && activityById.containsKey(parent)) {
                if (parent.equals(ancestorId)) {
                    return true;
                }
                parent = activityById.get(parent).getParentActivityInstanceId();
            }
            return false;
        }

        private int depth(HistoricActivityInstance activity) {
            int depth = 1;
            String parent = activity.getParentActivityInstanceId();
            while (parent != null && activityById.containsKey(parent)) {
                depth++;
                parent = activityById.get(parent).getParentActivityInstanceId();
            }
            return depth;
        }

        /**
         * A variable change belongs to the activity instance the engine recorded it in, right after that is
         * entered (or, for a change at the end of a user task, before it is left). A change recorded on the instance
         * scope was brought by the operation or message that started the transaction, unless it is the mapped
         * result of a decision evaluated in that moment: then it follows the decision.
         */
        private double detailRank(HistoricDetail detail) {
            HistoricActivityInstance activity = activityById.get(detail.getActivityInstanceId());
            if (activity != null && !activity.getStartTime().after(detail.getTime())) {
                return indexOf(activity.getId()) + 0.3;
            }
            if (detail instanceof HistoricVariableUpdate update) {
                for (DecisionOutputs outputs : decisionOutputs) {
                    if (outputs.time().equals(detail.getTime()) && outputs.names().contains(update.getVariableName())) {
                        return outputs.rank() + 0.05;
                    }
                }
            }
            return RANK_INSTANCE_VARIABLE;
        }

        private HistoricActivityInstance firstActivityAtOrBefore(String activityId, Date time) {
            HistoricActivityInstance best = null;
            for (HistoricActivityInstance activity : activities) {
                if (activity.getActivityId().equals(activityId) && !activity.getStartTime().after(time)
                        && (best == null || activity.getStartTime().after(best.getStartTime()))) {
                    best = activity;
                }
            }
            return best;
        }

        // --- adding --------------------------------------------------------------------------------------------

        private void add(Date time, double rank, String type, HistoricActivityInstance activity, String taskId,
                String user, String summary, Map<String, Object> details) {
            String taskName = activity.getTaskId() != null ? taskNames.get(activity.getTaskId()) : null;
            add(time, rank, type, activity.getActivityId(), activity.getActivityName(), activity.getId(),
                    taskId != null ? taskId : activity.getTaskId(), taskName, user, summary, details);
        }

        private void addTask(Date time, double rank, String type, HistoricTaskInstance task, String user, String summary,
                Map<String, Object> details) {
            HistoricActivityInstance activity = activityById.get(task.getActivityInstanceId());
            add(time, rank, type, task.getTaskDefinitionKey(), activity != null ? activity.getActivityName() : null,
                    task.getActivityInstanceId(), task.getId(), task.getName(), user, summary, details);
        }

        private void add(Date time, double rank, String type, String activityId, String activityName,
                String activityInstanceId, String taskId, String taskName, String user, String summary,
                Map<String, Object> details) {
            entries.add(new Keyed(time, rank, entries.size(), new TimelineEntry(0, instant(time), type, activityId,
                    activityName, activityInstanceId, taskId, taskName, user, summary, details)));
        }

        private String label(HistoricActivityInstance activity) {
            String name = activity.getActivityName() != null ? activity.getActivityName() : activity.getActivityId();
            return activity.getActivityType() + " \"" + name + "\"";
        }
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** A JSON-friendly value: primitives and strings as they are, dates as instants, serialized values as text. */
    static Object value(TypedValue typed, Object fallback) {
        if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            return serializable.getValueSerialized();
        }
        Object value = typed != null ? typed.getValue() : fallback;
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return String.valueOf(value);
    }

    private static String show(Object value) {
        return value == null ? "null" : value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
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
