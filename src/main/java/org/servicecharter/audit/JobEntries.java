package org.servicecharter.audit;

import static org.servicecharter.audit.HistoryReads.all;
import static org.servicecharter.audit.HistoryReads.instant;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;

/** The historic job log: {@code timer-fired}, {@code timer-cancelled} and {@code job-failed}. */
final class JobEntries {

    private JobEntries() {
    }

    static void read(HistoryService historyService, String processInstanceId, ActivityEntries activities,
            BpmnModelInstance model, Timeline timeline) {
        for (HistoricJobLog log : all(historyService.createHistoricJobLogQuery().processInstanceId(processInstanceId)
                .orderPartiallyByOccurrence().asc())) {
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
                HistoricActivityInstance fired = activities.firstActivityAtOrBefore(log.getActivityId(), log.getTimestamp());
                Date time = fired != null ? fired.getStartTime() : log.getTimestamp();
                double rank = fired != null ? activities.indexOf(fired.getId()) - 0.6 : Timeline.RANK_INCIDENT;
                timeline.add(time, rank, "timer-fired", log.getActivityId(), fired != null ? fired.getActivityName() : null,
                        fired != null ? fired.getId() : null, null, null, null,
                        "Timer fired: " + (fired != null ? ActivityEntries.label(fired) : log.getActivityId()), details);
            } else if (timer && log.isDeletionLog()) {
                timeline.add(log.getTimestamp(), cancelledTimerRank(log, activities, model), "timer-cancelled",
                        log.getActivityId(), null, null, null, null, null, "Timer of " + log.getActivityId()
                                + " cancelled (due " + instant(log.getJobDueDate()) + ")", details);
            } else if (log.isFailureLog()) {
                details.put("exceptionMessage", log.getJobExceptionMessage());
                details.put("retriesLeft", log.getJobRetries());
                timeline.add(log.getTimestamp(), Timeline.RANK_INCIDENT, "job-failed", log.getFailedActivityId(), null,
                        null, null, null, null, "Job at " + log.getFailedActivityId() + " failed: "
                                + log.getJobExceptionMessage(), details);
            }
        }
    }

    /** A boundary timer is removed when the activity it is attached to ends: just before that is left. */
    private static double cancelledTimerRank(HistoricJobLog log, ActivityEntries activities, BpmnModelInstance model) {
        if (model.getModelElementById(log.getActivityId()) instanceof BoundaryEvent boundary
                && boundary.getAttachedTo() != null) {
            for (HistoricActivityInstance activity : activities.inOrder()) {
                if (activity.getActivityId().equals(boundary.getAttachedTo().getId())
                        && log.getTimestamp().equals(activity.getEndTime())) {
                    return activities.leftRank(activity) - 0.0002;
                }
            }
        }
        return Timeline.RANK_END_OF_GROUP - 0.5;
    }
}
