package org.servicecharter.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to a process instance, as an auditor reads it. Flat on purpose: the same fields are
 * the CSV columns; {@code details} holds what a kind of entry has beyond them (a variable's old and new value, a
 * decision's inputs and matched rules, an operation's annotation) and is a JSON object in the CSV.
 *
 * @param seq          position in the timeline, from 1
 * @param time         when it happened (engine time)
 * @param type         what kind of event, see {@link AuditTrailService} for the list
 * @param activityId   the model element, when the event belongs to one
 * @param user         who did it, when a person did
 * @param summary      one sentence in plain words
 */
public record TimelineEntry(int seq, Instant time, String type, String activityId, String activityName,
        String activityInstanceId, String taskId, String taskName, String user, String summary,
        Map<String, Object> details) {

    TimelineEntry withSeq(int newSeq) {
        return new TimelineEntry(newSeq, time, type, activityId, activityName, activityInstanceId, taskId, taskName,
                user, summary, details);
    }
}
