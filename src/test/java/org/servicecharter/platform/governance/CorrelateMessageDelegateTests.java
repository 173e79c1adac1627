package org.servicecharter.platform.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.servicecharter.ModelEngine;

/**
 * The generic hand-over between two models: everything — message names, correlation, business key, payload — is
 * named in the sending model; the delegate knows no feature. Two small models here: a receiver started by the message
 * {@code Requested} that then waits for {@code Repeated}, and senders that name them.
 */
class CorrelateMessageDelegateTests {

    @RegisterExtension
    static final ProcessEngineExtension engine = ModelEngine.extension();

    RuntimeService runtimeService;
    RepositoryService repositoryService;
    String deploymentId;

    @BeforeEach
    void deployTheModels() {
        runtimeService = engine.getRuntimeService();
        repositoryService = engine.getRepositoryService();
        Mocks.register("correlateMessageDelegate", new CorrelateMessageDelegate());
        BpmnModelInstance receiver = Bpmn.createExecutableProcess("receiver").camundaHistoryTimeToLive(1)
                .startEvent().message("Requested")
                .intermediateCatchEvent("Catch_Repeated").message("Repeated")
                .userTask("Task_Repeated")
                .endEvent().done();
        BpmnModelInstance sender = sender("sender", true);
        BpmnModelInstance strictSender = sender("strict-sender", false);
        deploymentId = repositoryService.createDeployment().addModelInstance("receiver.bpmn", receiver)
                .addModelInstance("sender.bpmn", sender).addModelInstance("strict-sender.bpmn", strictSender).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        repositoryService.deleteDeployment(deploymentId, true);
        Mocks.reset();
    }

    @Test
    void startsTheReceiverWhenNoInstanceWaitsAndDeliversToTheOneThatDoes() {
        runtimeService.startProcessInstanceByKey("sender", Map.of("who", "bob", "key", "C-1", "note", "first"));

        ProcessInstance started = runtimeService.createProcessInstanceQuery().processDefinitionKey("receiver").singleResult();
        assertThat(started.getBusinessKey()).isEqualTo("C-1");
        assertThat(runtimeService.getVariables(started.getId())).containsEntry("employee", "bob").containsEntry("note", "first")
                .doesNotContainKeys("message", "payload.employee");

        runtimeService.startProcessInstanceByKey("sender", Map.of("who", "bob", "key", "C-2", "note", "second"));

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("receiver").count()).as("no second case").isOne();
        assertThat(runtimeService.getVariable(started.getId(), "note")).isEqualTo("second");
        assertThat(runtimeService.createExecutionQuery().processInstanceId(started.getId()).activityId("Task_Repeated").count()).isOne();

        runtimeService.startProcessInstanceByKey("sender", Map.of("who", "sam", "key", "C-3", "note", "about someone else"));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("receiver").count()).as("a case for sam").isEqualTo(2);
    }

    @Test
    void withoutAStartMessageAMessageNobodyWaitsForIsRefusedAndRollsTheSenderBack() {
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("strict-sender", Map.of("who", "bob", "key", "C-9", "note", "x")))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("strict-sender").count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("receiver").count()).isZero();
    }

    private static BpmnModelInstance sender(String key, boolean otherwiseStart) {
        ServiceTaskBuilder task = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("ServiceTask_Send").camundaDelegateExpression("${correlateMessageDelegate}")
                .camundaInputParameter(CorrelateMessageDelegate.MESSAGE, "Repeated")
                .camundaInputParameter(CorrelateMessageDelegate.CORRELATION_VARIABLE, "employee")
                .camundaInputParameter(CorrelateMessageDelegate.CORRELATION_VALUE, "${who}")
                .camundaInputParameter(CorrelateMessageDelegate.BUSINESS_KEY, "${key}")
                .camundaInputParameter(CorrelateMessageDelegate.PAYLOAD_PREFIX + "employee", "${who}")
                .camundaInputParameter(CorrelateMessageDelegate.PAYLOAD_PREFIX + "note", "${note}");
        if (otherwiseStart) {
            task.camundaInputParameter(CorrelateMessageDelegate.OTHERWISE_START, "Requested");
        }
        return task.endEvent().done();
    }
}
