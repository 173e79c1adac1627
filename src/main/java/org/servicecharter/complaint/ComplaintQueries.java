package org.servicecharter.complaint;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Reads a complaint for staff. Visibility follows the engine's authorizations: whoever may read the process
 * instance (its history) may read the complaint.
 */
@Service
public class ComplaintQueries {

    /** The register entry, the instance's state and position, and every correction of its facts (oldest first). */
    public record ComplaintView(ComplaintRegister.Entry complaint, String state, List<String> currentActivities,
            List<ComplaintRegister.Correction> corrections) {
    }

    private final ComplaintRegister register;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;

    public ComplaintQueries(ComplaintRegister register, HistoryService historyService, RuntimeService runtimeService) {
        this.register = register;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
    }

    public Optional<ComplaintView> find(String reference) {
        return register.find(reference).flatMap(entry -> {
            HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(entry.processInstanceId()).singleResult();
            if (instance == null) {
                return Optional.empty(); // not visible to this user
            }
            List<String> activities = "ACTIVE".equals(instance.getState())
                    ? runtimeService.getActiveActivityIds(entry.processInstanceId()) : List.of();
            return Optional.of(new ComplaintView(entry, instance.getState(), activities, register.corrections(entry.reference())));
        });
    }
}
