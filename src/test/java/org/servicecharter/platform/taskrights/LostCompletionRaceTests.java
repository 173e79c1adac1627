package org.servicecharter.platform.taskrights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.platform.Conflict;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people complete one task at the same moment: the loser's command read the task just before the winner's
 * completion committed, and its candidates just after (ClusterIT met it on two nodes: a 403 "not offered to bob"
 * instead of the race's 409). The work guard reads the task's row again before refusing, and answers the lost race.
 */
@ServiceCharterTest
class LostCompletionRaceTests {

    @Autowired ProcessEngine engine;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;

    @Test
    void aCompletionThatReadTheTaskBeforeAnotherCommittedLosesTheRaceWith409NotA403() {
        String key = "lost-race-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Race").camundaCandidateGroups("agents").endEvent().done())
                .deploy();
        String instance = engine.getRuntimeService().startProcessInstanceByKey(key).getId();
        Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        identityService.setAuthentication("bob", List.of("agents"));
        try {
            assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
                // bob's command has read the task, candidates not yet ...
                assertThat(context.getTaskManager().findTaskById(task.getId())).isNotNull();
                // ... when alice's completion commits in another transaction
                CompletableFuture.runAsync(() -> {
                    identityService.setAuthentication("alice", List.of("agents"));
                    try {
                        taskService.complete(task.getId(), Map.of());
                    } finally {
                        identityService.clearAuthentication();
                    }
                }).join();
                return configuration.getCommandExecutorTxRequired().execute(new CompleteTaskCmd(task.getId(), Map.of()));
            })).isInstanceOf(Conflict.class).hasMessageContaining("at the same moment");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getEndTime())
                .isNotNull();
    }
}
