package org.servicecharter.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricProcessInstance;

/** The historic process instance: {@code instance-started} and, once it is over, {@code instance-ended}. */
final class InstanceEntries {

    private InstanceEntries() {
    }

    static void add(HistoricProcessInstance instance, Timeline timeline) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("businessKey", instance.getBusinessKey());
        details.put("processDefinitionId", instance.getProcessDefinitionId());
        details.put("superProcessInstanceId", instance.getSuperProcessInstanceId());
        timeline.add(instance.getStartTime(), Timeline.RANK_INSTANCE_STARTED, "instance-started", null, null, null, null,
                null, instance.getStartUserId(), "Instance started"
                        + (instance.getStartUserId() != null ? " by " + instance.getStartUserId() : "")
                        + (instance.getBusinessKey() != null ? " with business key " + instance.getBusinessKey() : ""),
                details);
        if (instance.getEndTime() != null) {
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("state", instance.getState());
            end.put("deleteReason", instance.getDeleteReason());
            timeline.add(instance.getEndTime(), Timeline.RANK_INSTANCE_ENDED, "instance-ended",
                    instance.getEndActivityId(), null, null, null, null, null, "Instance ended (" + instance.getState()
                            + ")" + (instance.getDeleteReason() != null ? ": " + instance.getDeleteReason() : ""), end);
        }
    }
}
