package org.servicecharter.audit;

import java.time.Instant;
import java.util.List;

/**
 * One process instance's complete trail: what it is, every event in time order, and where it went on its
 * diagram. The JSON form is the export format too: {@code timeline} rebuilds the timeline page exactly.
 */
public record AuditTrail(InstanceSummary instance, List<TimelineEntry> timeline, DiagramPath path) {

    /** Where the instance went: activity instances for markers, sequence flows taken, current position. */
    public record DiagramPath(String processDefinitionId, List<ActivityState> activities, List<String> takenSequenceFlows,
            List<String> currentActivityIds) {
    }

    public record ActivityState(String activityId, String activityType, String state, Instant startTime, Instant endTime) {
    }

    /** A process instance as a search lists it. */
    public record InstanceSummary(String id, String processDefinitionKey, String processDefinitionName,
            Integer processDefinitionVersion, String processDefinitionId, String businessKey, Instant startTime,
            Instant endTime, String state, String startUserId, Long durationMillis, String superProcessInstanceId,
            String deleteReason) {
    }
}
