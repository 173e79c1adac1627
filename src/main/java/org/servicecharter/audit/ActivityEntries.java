package org.servicecharter.audit;

import static org.servicecharter.audit.HistoryReads.all;
import static org.servicecharter.audit.HistoryReads.instant;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.servicecharter.audit.AuditTrail.ActivityState;
import org.servicecharter.audit.AuditTrail.DiagramPath;

/**
 * The historic activity instances: {@code activity-entered} and {@code activity-left}, the path on the diagram, and
 * the ranks that the other sources use to place their entries around the activities. Activity {@code i} (in the
 * order the engine entered them, its sequence counter) is entered at rank {@code i}; what happened inside it takes
 * ranks between {@code i} and {@code i + 1}.
 */
final class ActivityEntries {

    private final List<HistoricActivityInstance> activities;
    private final Map<String, Integer> activityIndex = new HashMap<>();
    private final Map<String, HistoricActivityInstance> activityById = new HashMap<>();

    private ActivityEntries(List<HistoricActivityInstance> activities) {
        this.activities = activities;
        for (int i = 0; i < activities.size(); i++) {
            activityIndex.put(activities.get(i).getId(), i);
            activityById.put(activities.get(i).getId(), activities.get(i));
        }
    }

    static ActivityEntries read(HistoryService historyService, String processInstanceId, Timeline timeline) {
        ActivityEntries entries = new ActivityEntries(all(historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).orderPartiallyByOccurrence().asc()));
        entries.addTo(timeline);
        return entries;
    }

    private void addTo(Timeline timeline) {
        for (HistoricActivityInstance activity : activities) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("activityType", activity.getActivityType());
            if (activity.getCalledProcessInstanceId() != null) {
                details.put("calledProcessInstanceId", activity.getCalledProcessInstanceId());
            }
            add(timeline, activity.getStartTime(), indexOf(activity.getId()), "activity-entered", activity,
                    "Entered " + label(activity), details);
            if (activity.getEndTime() != null) {
                Map<String, Object> left = new LinkedHashMap<>();
                left.put("activityType", activity.getActivityType());
                left.put("canceled", activity.isCanceled());
                left.put("durationMillis", activity.getDurationInMillis());
                add(timeline, activity.getEndTime(), leftRank(activity), "activity-left", activity,
                        (activity.isCanceled() ? "Cancelled " : "Left ") + label(activity), left);
            }
        }
    }

    /** An activity's entry names its task (taskId) but not the task's name: the tasks are read after it. */
    private static void add(Timeline timeline, Date time, double rank, String type, HistoricActivityInstance activity,
            String summary, Map<String, Object> details) {
        timeline.add(time, rank, type, activity.getActivityId(), activity.getActivityName(), activity.getId(),
                activity.getTaskId(), null, null, summary, details);
    }

    // --- for the other sources -----------------------------------------------------------------------------------

    /** The activity instance with this id, or null (also for a null id). */
    HistoricActivityInstance byId(String activityInstanceId) {
        return activityById.get(activityInstanceId);
    }

    boolean contains(String activityInstanceId) {
        return activityById.containsKey(activityInstanceId);
    }

    /** All activity instances, in the order the engine entered them. */
    List<HistoricActivityInstance> inOrder() {
        return activities;
    }

    /** The rank at which the activity instance was entered: its position. */
    double indexOf(String activityInstanceId) {
        return activityIndex.get(activityInstanceId);
    }

    /**
     * Just before the next activity outside this one entered at the same moment; inner scopes first. A cancelled
     * activity was cancelled by the first activity entered at that moment outside it (a terminate end event, an
     * interrupting boundary event), so it is left right after that one is entered.
     */
    double leftRank(HistoricActivityInstance activity) {
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
        return Timeline.RANK_END_OF_GROUP - depth(activity) * 0.001;
    }

    /** The latest instance of the element that started at or before the time, or null. */
    HistoricActivityInstance firstActivityAtOrBefore(String activityId, Date time) {
        HistoricActivityInstance best = null;
        for (HistoricActivityInstance activity : activities) {
            if (activity.getActivityId().equals(activityId) && !activity.getStartTime().after(time)
                    && (best == null || activity.getStartTime().after(best.getStartTime()))) {
                best = activity;
            }
        }
        return best;
    }

    static String label(HistoricActivityInstance activity) {
        String name = activity.getActivityName() != null ? activity.getActivityName() : activity.getActivityId();
        return activity.getActivityType() + " \"" + name + "\"";
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

    // --- the path on the diagram ---------------------------------------------------------------------------------

    DiagramPath path(ProcessDefinition definition, BpmnModelInstance model) {
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
        return new DiagramPath(definition.getId(), states, takenFlows(model), current);
    }

    /**
     * A sequence flow was taken when an instance of its source ended and an instance of its target in the same
     * scope started at or after that moment. History does not record flows, so this is derived; it is exact for
     * models without loops back into an already visited element of the same scope.
     */
    private List<String> takenFlows(BpmnModelInstance model) {
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
}
