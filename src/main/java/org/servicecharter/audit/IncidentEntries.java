package org.servicecharter.audit;

import static org.servicecharter.audit.HistoryReads.all;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIncident;

/** The historic incidents: {@code incident-opened}, then {@code incident-resolved} or {@code incident-deleted}. */
final class IncidentEntries {

    private IncidentEntries() {
    }

    static void read(HistoryService historyService, String processInstanceId, Timeline timeline) {
        for (HistoricIncident incident : all(historyService.createHistoricIncidentQuery()
                .processInstanceId(processInstanceId).orderByCreateTime().asc())) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("incidentId", incident.getId());
            details.put("incidentType", incident.getIncidentType());
            details.put("message", incident.getIncidentMessage());
            details.put("annotation", incident.getAnnotation());
            timeline.add(incident.getCreateTime(), Timeline.RANK_INCIDENT, "incident-opened", incident.getActivityId(),
                    null, null, null, null, null, "Incident (" + incident.getIncidentType() + ") at "
                            + incident.getActivityId() + ": " + incident.getIncidentMessage(), details);
            if (incident.getEndTime() != null) {
                String type = incident.isResolved() ? "incident-resolved" : "incident-deleted";
                timeline.add(incident.getEndTime(), Timeline.RANK_INCIDENT, type, incident.getActivityId(), null, null,
                        null, null, null, "Incident at " + incident.getActivityId()
                                + (incident.isResolved() ? " resolved" : " deleted"), details);
            }
        }
    }
}
