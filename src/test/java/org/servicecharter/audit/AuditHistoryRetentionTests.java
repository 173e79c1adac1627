package org.servicecharter.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;

/** How long history is kept, per model, and that the engine removes it only in the night window. */
@ServiceCharterTest
class AuditHistoryRetentionTests {

    /** Days of history per model; employee-file related models keep theirs as long as personnel records. */
    static final Map<String, Integer> TIME_TO_LIVE = Map.of(
            "complaint-handling", 1095,
            "complaint-classification", 1095,
            "complaint-correction", 1095,
            "handbook-signoff", 3650,
            "handbook-signoff-employee", 3650,
            "corrective-action", 3650);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;

    @Test
    void everyDeployedModelHasTheTimeToLiveChosenForIt() {
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().listPage(0, 500)) {
            if (!TIME_TO_LIVE.containsKey(definition.getKey())) {
                continue; // a model deployed by another test
            }
            assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(TIME_TO_LIVE.get(definition.getKey()));
        }
        for (DecisionDefinition definition : repositoryService.createDecisionDefinitionQuery().latestVersion().listPage(0, 500)) {
            if (TIME_TO_LIVE.containsKey(definition.getKey())) {
                assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(TIME_TO_LIVE.get(definition.getKey()));
            }
        }
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint-handling").count()).isPositive();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("handbook-signoff").count()).isPositive();
    }

    @Test
    void historyCleanupRunsByRemovalTimeInTheNightWindow() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.isHistoryCleanupEnabled()).isTrue();

        // the engine scheduled its cleanup job, and it is due inside the window
        assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty();
        for (Job job : historyService.findHistoryCleanupJobs()) {
            LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
            assertThat(!due.isBefore(LocalTime.of(22, 0)) || due.isBefore(LocalTime.of(5, 0)))
                    .as("cleanup job due at %s", due).isTrue();
        }
    }
}
