package org.servicecharter.audit;

import static org.servicecharter.audit.HistoryReads.all;
import static org.servicecharter.audit.HistoryReads.instant;

import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.servicecharter.platform.TaskLinks;

/**
 * The historic task instances and their identity link log: {@code task-created}, {@code task-offered},
 * {@code task-offer-withdrawn}, {@code task-withheld}, {@code task-withheld-no-longer}, {@code task-claimed},
 * {@code task-assigned}, {@code task-unassigned}; then, once the operation log is read ({@link #addEndings}),
 * {@code task-completed} and {@code task-ended}.
 */
final class TaskEntries {

    private final ActivityEntries activities;
    private final Map<String, String> taskNames = new HashMap<>();
    private final Map<String, HistoricTaskInstance> taskById = new HashMap<>();

    private TaskEntries(ActivityEntries activities) {
        this.activities = activities;
    }

    static TaskEntries read(HistoryService historyService, String processInstanceId, ActivityEntries activities,
            Timeline timeline) {
        TaskEntries entries = new TaskEntries(activities);
        List<HistoricTaskInstance> tasks = all(historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc());
        for (HistoricTaskInstance task : tasks) {
            entries.taskNames.put(task.getId(), task.getName());
            entries.taskById.put(task.getId(), task);
        }
        for (HistoricTaskInstance task : tasks) {
            HistoricActivityInstance activity = activities.byId(task.getActivityInstanceId());
            double createdRank = activity != null ? activities.indexOf(activity.getId()) + 0.1
                    : Timeline.RANK_LATER_IDENTITY_LINK;
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("dueDate", instant(task.getDueDate()));
            created.put("priority", task.getPriority());
            entries.add(timeline, task.getStartTime(), createdRank, "task-created", task, null,
                    "Task \"" + task.getName() + "\" created"
                            + (task.getDueDate() != null ? ", due " + instant(task.getDueDate()) : ""), created);

            for (HistoricIdentityLinkLog link : all(historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId())
                    .orderByTime().asc())) {
                entries.identityLink(timeline, task, link, createdRank);
            }
        }
        return entries;
    }

    /** The name of the task with this id, or null (also for a null id). */
    String name(String taskId) {
        return taskId != null ? taskNames.get(taskId) : null;
    }

    private void identityLink(Timeline timeline, HistoricTaskInstance task, HistoricIdentityLinkLog link,
            double createdRank) {
        boolean atCreation = Objects.equals(link.getTime(), task.getStartTime());
        double rank = atCreation ? createdRank + 0.05 : Timeline.RANK_LATER_IDENTITY_LINK;
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
            add(timeline, link.getTime(), rank, add ? "task-offered" : "task-offer-withdrawn", task, link.getAssignerId(),
                    (add ? "Offered " : "Offer withdrawn: ") + taskLabel + (add ? " to " : " from ") + who, details);
        } else if (IdentityLinkType.ASSIGNEE.equals(link.getType())) {
            if (!add) {
                add(timeline, link.getTime(), rank, "task-unassigned", task, link.getAssignerId(),
                        taskLabel + " no longer assigned to " + link.getUserId(), details);
            } else if (link.getUserId() != null && link.getUserId().equals(link.getAssignerId())) {
                add(timeline, link.getTime(), rank, "task-claimed", task, link.getUserId(),
                        link.getUserId() + " claimed " + taskLabel, details);
            } else {
                add(timeline, link.getTime(), rank, "task-assigned", task, link.getAssignerId(),
                        taskLabel + " assigned to " + link.getUserId()
                                + (link.getAssignerId() != null ? " by " + link.getAssignerId() : ""), details);
            }
        } else if (TaskLinks.EXCLUDED.equals(link.getType())) {
            // the application's own doing (no one handles their own case), whoever was logged in at the time
            add(timeline, link.getTime(), rank, add ? "task-withheld" : "task-withheld-no-longer", task, null,
                    taskLabel + (add ? " kept out of " + link.getUserId() + "'s task lists: the case is about them"
                            : " back in " + link.getUserId() + "'s task lists: the case is no longer about them"), details);
        } else {
            add(timeline, link.getTime(), rank, add ? "task-offered" : "task-offer-withdrawn", task, link.getAssignerId(),
                    taskLabel + ": " + link.getType() + " " + (add ? "set to " : "removed: ") + who, details);
        }
    }

    /**
     * Task completions and other endings, added after every other source (the order of addition breaks ties): who
     * completed comes from the operation log, since the assignee is not always the one.
     */
    void addEndings(OperationLogEntries operations, Timeline timeline) {
        for (HistoricTaskInstance task : taskById.values()) {
            if (task.getEndTime() == null) {
                continue;
            }
            HistoricActivityInstance activity = activities.byId(task.getActivityInstanceId());
            double rank = activity != null ? activities.leftRank(activity) - 0.0001 : Timeline.RANK_END_OF_GROUP;
            boolean completed = "completed".equals(task.getDeleteReason());
            String who = operations.completedBy(task.getId(), completed ? task.getAssignee() : null);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("assignee", task.getAssignee());
            details.put("reason", task.getDeleteReason());
            details.put("durationMillis", task.getDurationInMillis());
            add(timeline, task.getEndTime(), rank, completed ? "task-completed" : "task-ended", task, who,
                    completed ? "\"" + task.getName() + "\" completed" + (who != null ? " by " + who : "")
                            : "\"" + task.getName() + "\" ended: " + task.getDeleteReason(), details);
        }
    }

    private void add(Timeline timeline, Date time, double rank, String type, HistoricTaskInstance task, String user,
            String summary, Map<String, Object> details) {
        HistoricActivityInstance activity = activities.byId(task.getActivityInstanceId());
        timeline.add(time, rank, type, task.getTaskDefinitionKey(), activity != null ? activity.getActivityName() : null,
                task.getActivityInstanceId(), task.getId(), task.getName(), user, summary, details);
    }
}
