package org.servicecharter.platform.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13's probes, each performed as the process owner would: Camunda Modeler's deploy request against
 * {@code /engine-rest}. Each is refused at deployment with 400 naming file, element and attribute; and, deployed with
 * the gate switched off (as a model deployed before the gate existed, or planted in the database), still cannot act
 * when it runs.
 */
@ServiceCharterTest
class ModelsAreDataTests {

    static final Map<String, String> MODELER = Map.of("deployment-name", "probe", "deployment-source", "Camunda Modeler");

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

    @Autowired
    HistoryService historyService;

    @Autowired
    DecisionService decisionService;

    @Autowired
    TaskService taskService;

    @Autowired
    ModelGatePlugin gate;

    @Autowired
    HistoryTimeToLiveCheck historyTimeToLive;

    final Path marker = Path.of(System.getProperty("java.io.tmpdir"), "servicecharter-probe-" + UUID.randomUUID());

    @AfterEach
    void gateOnAgain() throws Exception {
        gate.setEnabled(true);
        Files.deleteIfExists(marker);
    }

    String runtimeExec() {
        return "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null).exec(\"touch "
                + marker + "\")}";
    }

    @Test
    void aRuntimeExpressionBehindAPastTimerStartIsRefusedAtDeploymentAndCannotRunWhenPlanted() throws Exception {
        String key = key();
        String model = timerStartedServiceTask(key, "camunda:expression=\"" + xml(runtimeExec()) + "\"");

        JsonNode refusal = refused("olga", key + ".bpmn", model);
        assertThat(refusal.get("message").asText()).contains(key + ".bpmn", "ServiceTask_Probe", "camunda:expression",
                "getClass");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();

        plant(key + ".bpmn", model);
        Job timer = managementService.createJobQuery().processDefinitionKey(key).singleResult();
        assertThat(timer).as("the timer start event was scheduled").isNotNull();
        assertThatThrownBy(() -> managementService.executeJob(timer.getId()))
                .hasMessageContaining("models may not call 'getClass' on a String");
        Thread.sleep(500);
        assertThat(marker).doesNotExist();
    }

    @Test
    void anExpressionThatMakesItsDeployerAnAdministratorIsRefusedAndCannotRunWhenPlanted() {
        String key = key();
        String model = startedServiceTask(key,
                "camunda:expression=\"${identityService.createMembership('olga','camunda-admin')}\"");

        JsonNode refusal = refused("olga", key + ".bpmn", model);
        assertThat(refusal.get("message").asText()).contains("ServiceTask_Probe", "camunda:expression", "'identityService'",
                "not published for models");

        plant(key + ".bpmn", model);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(key))
                .hasMessageContaining("'identityService' is an application bean that is not published for models");
        assertThat(identityService.createUserQuery().userId("olga").memberOfGroup("camunda-admin").count()).isZero();
    }

    @Test
    void anExpressionThatReadsTheConfigurationIsRefusedAndCannotRunWhenPlanted() {
        String key = key();
        String model = startedServiceTask(key,
                "camunda:expression=\"${environment.getProperty('spring.datasource.url')}\" camunda:resultVariable=\"leak\"");

        assertThat(refused("olga", key + ".bpmn", model).get("message").asText()).contains("'environment'");

        plant(key + ".bpmn", model);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(key)).hasMessageContaining("'environment'");
        assertThat(runtimeService.createVariableInstanceQuery().variableName("leak").count()).isZero();
    }

    @Test
    void aDelegateExpressionNamingAnEngineServiceIsRefusedAndCannotRunWhenPlanted() {
        String key = key();
        String model = startedServiceTask(key, "camunda:delegateExpression=\"${runtimeService}\"");

        assertThat(refused("olga", key + ".bpmn", model).get("message").asText())
                .contains("camunda:delegateExpression", "'runtimeService'");

        plant(key + ".bpmn", model);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(key)).hasMessageContaining("'runtimeService'");
    }

    @Test
    void theEngineObjectsAreOutOfReach() {
        String key = key();
        String model = startedServiceTask(key,
                "camunda:expression=\"${execution.processEngineServices.identityService}\"");

        assertThat(refused("olga", key + ".bpmn", model).get("message").asText()).contains("'execution'");

        plant(key + ".bpmn", model);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(key))
                .hasMessageContaining("'execution' is the engine's own object");
    }

    @Test
    void aClassOutsideThePublishedListIsRefusedAndCannotBeInstantiatedWhenPlanted() {
        String key = key();
        String model = startedServiceTask(key, "camunda:class=\"org.servicecharter.identity.DemoUsers\"");

        assertThat(refused("olga", key + ".bpmn", model).get("message").asText())
                .contains("camunda:class", "org.servicecharter.identity.DemoUsers", "not published for models");

        plant(key + ".bpmn", model);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(key))
                .hasMessageContaining("camunda:class 'org.servicecharter.identity.DemoUsers' is not published for models");
    }

    @Test
    void aJuelDecisionThatRunsCodeIsRefusedAndCannotRunWhenPlanted() throws Exception {
        String key = "approval-tier-" + UUID.randomUUID().toString().substring(0, 8);
        String dmn = juelDecision(key, runtimeExec());

        JsonNode refusal = refused("olga", key + ".dmn", dmn);
        assertThat(refusal.get("message").asText()).contains(key + ".dmn", "InputExpression_Amount", "getClass");

        plant(key + ".dmn", dmn);
        Http.Response evaluated = Http.as(port, "demo").post("/engine-rest/decision-definition/key/" + key + "/evaluate",
                Map.of("variables", Map.of("amount", Map.of("value", 10, "type", "Integer"))));
        assertThat(evaluated.status()).as(evaluated.body()).isNotEqualTo(200);
        assertThatThrownBy(() -> decisionService.evaluateDecisionByKey(key).variables(Variables.putValue("amount", 10)).evaluate())
                .rootCause().hasMessageContaining("models may not call 'getClass' on a String");
        Thread.sleep(500);
        assertThat(marker).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${someVariable.class.classLoader}", "${someVariable['class']}", "${someVariable.getBytes()}", "${dateTime().getChronology()}",
            "${complaintSla.getClass()}", "${handbookSchedule.properties}", "${unknownFunction()}"})
    void reflectionAndMethodsOfValuesAreRefusedAtDeployment(String expression) {
        String key = key();
        JsonNode refusal = refused("olga", key + ".bpmn",
                startedServiceTask(key, "camunda:expression=\"" + xml(expression) + "\""));
        assertThat(refusal.get("message").asText()).contains("ServiceTask_Probe", "camunda:expression");
    }

    @Test
    void administratorsAreBoundByTheSameRule() {
        String key = key();
        JsonNode refusal = refused("demo", key + ".bpmn",
                startedServiceTask(key, "camunda:expression=\"${identityService.createUser('mallory')}\""));
        assertThat(refusal.get("message").asText()).contains("'identityService'");
        assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
    }

    @Test
    void aScriptIsRefusedNamingTheElementAndWhatToDoInstead() {
        String key = key();
        String model = process(key, """
                <bpmn:startEvent id="StartEvent_Started"/>
                <bpmn:scriptTask id="ScriptTask_Shell" scriptFormat="javascript"><bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="ScriptTask_Shell"/>
                """);
        String message = refused("olga", key + ".bpmn", model).get("message").asText();
        assertThat(message).contains(key + ".bpmn", "ScriptTask_Shell", "scripts are not allowed").doesNotContain("..");

        // past the gate, the engine's parser still refuses it: a script never reaches the engine's cache
        assertThatThrownBy(() -> plant(key + ".bpmn", model)).hasMessageContaining("'ScriptTask_Shell'")
                .hasMessageNotContaining("..");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void whatModelsMayUseStillWorks() {
        String key = key();
        String model = startedServiceTask(key, "camunda:expression=\"${complaintSla.dueIn(slaDuration)}\" "
                + "camunda:resultVariable=\"due\"");
        Http.Response deployed = Http.as(port, "olga").multipart("/engine-rest/deployment/create", MODELER,
                Map.of(key + ".bpmn", model));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String id = runtimeService.startProcessInstanceByKey(key, Variables.putValue("slaDuration", "PT4H")).getId();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("due")
                .singleResult().getValue()).isInstanceOf(java.util.Date.class);
    }

    @Test
    void theReadingAndDateMethodsOfValuesWork() {
        String key = key();
        String model = process(key, """
                <bpmn:startEvent id="StartEvent_Started"/>
                <bpmn:userTask id="UserTask_Check" name="Check" camunda:candidateGroups="agents"
                    camunda:dueDate="${dateTime().plusWeeks(1).toDate()}"/>
                <bpmn:exclusiveGateway id="Gateway_Vip" default="Flow_Normal"/>
                <bpmn:endEvent id="EndEvent_Vip"/>
                <bpmn:endEvent id="EndEvent_Normal"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="UserTask_Check"/>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="UserTask_Check" targetRef="Gateway_Vip"/>
                <bpmn:sequenceFlow id="Flow_Vip" sourceRef="Gateway_Vip" targetRef="EndEvent_Vip">
                  <bpmn:conditionExpression>${tags.contains('vip') &amp;&amp; customer.toLowerCase().startsWith('carla')}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_Normal" sourceRef="Gateway_Vip" targetRef="EndEvent_Normal"/>
                """);
        Http.Response deployed = Http.as(port, "olga").multipart("/engine-rest/deployment/create", MODELER,
                Map.of(key + ".bpmn", model));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);

        String id = runtimeService.startProcessInstanceByKey(key, Variables.putValue("tags", List.of("vip", "repeat"))
                .putValue("customer", "Carla Customer")).getId();
        var task = taskService.createTaskQuery().processInstanceId(id).singleResult();
        assertThat(task.getDueDate()).isAfter(new java.util.Date(System.currentTimeMillis() + 6L * 24 * 3600 * 1000));
        taskService.complete(task.getId());
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(id).activityId("EndEvent_Vip").count())
                .isEqualTo(1);
    }

    /**
     * The constructs of Camunda's invoice example (which cannot be copied here): a decision whose collected entries
     * become a task's candidate groups, due dates by {@code dateTime()} arithmetic, conditions on variables, a call
     * activity with in/out mappings — written the same way, deployed from Modeler, run to the end.
     */
    @Test
    void aProcedureWrittenLikeCamundasInvoiceExampleDeploysAndRuns() {
        String key = key();
        String review = "review-" + key;
        String decision = "assign-" + key;
        String main = process(key, """
                <bpmn:startEvent id="StartEvent_InvoiceReceived"/>
                <bpmn:businessRuleTask id="BusinessRuleTask_AssignApprover" camunda:decisionRef="%s"
                    camunda:decisionRefBinding="deployment" camunda:mapDecisionResult="collectEntries" camunda:resultVariable="approverGroups"/>
                <bpmn:userTask id="UserTask_Approve" camunda:candidateGroups="${approverGroups}"
                    camunda:dueDate="${dateTime().plusWeeks(1).toDate()}"/>
                <bpmn:exclusiveGateway id="Gateway_Approved"/>
                <bpmn:callActivity id="CallActivity_Review" calledElement="%s" camunda:calledElementBinding="deployment">
                  <bpmn:extensionElements><camunda:in source="amount" target="amount"/><camunda:out source="clarified" target="clarified"/></bpmn:extensionElements>
                </bpmn:callActivity>
                <bpmn:endEvent id="EndEvent_Processed"/>
                <bpmn:endEvent id="EndEvent_Reviewed"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_InvoiceReceived" targetRef="BusinessRuleTask_AssignApprover"/>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="BusinessRuleTask_AssignApprover" targetRef="UserTask_Approve"/>
                <bpmn:sequenceFlow id="Flow_3" sourceRef="UserTask_Approve" targetRef="Gateway_Approved"/>
                <bpmn:sequenceFlow id="Flow_Yes" sourceRef="Gateway_Approved" targetRef="EndEvent_Processed">
                  <bpmn:conditionExpression>${approved}</bpmn:conditionExpression></bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_No" sourceRef="Gateway_Approved" targetRef="CallActivity_Review">
                  <bpmn:conditionExpression>${!approved}</bpmn:conditionExpression></bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_4" sourceRef="CallActivity_Review" targetRef="EndEvent_Reviewed"/>
                """.formatted(decision, review));
        String reviewModel = process(review, """
                <bpmn:startEvent id="StartEvent_ReviewRequested"/>
                <bpmn:userTask id="UserTask_Review" camunda:candidateGroups="supervisors"
                    camunda:dueDate="${dateTime().plusDays(2).toDate()}"/>
                <bpmn:endEvent id="EndEvent_Reviewed"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_ReviewRequested" targetRef="UserTask_Review"/>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="UserTask_Review" targetRef="EndEvent_Reviewed"/>
                """).replace("Definitions_Probe", "Definitions_Review");
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="Definitions_Assign" name="Assign" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="%s" name="Assign the approver groups" camunda:historyTimeToLive="1">
                    <decisionTable id="DecisionTable_Assign" hitPolicy="COLLECT">
                      <input id="Input_Amount" label="Amount"><inputExpression id="InputExpression_Amount" typeRef="double"><text>amount</text></inputExpression></input>
                      <output id="Output_Group" name="result" typeRef="string"/>
                      <rule id="Rule_Small"><inputEntry id="InputEntry_Small"><text>&lt; 250</text></inputEntry><outputEntry id="OutputEntry_Supervisors"><text>"supervisors"</text></outputEntry></rule>
                      <rule id="Rule_Any"><inputEntry id="InputEntry_Any"><text></text></inputEntry><outputEntry id="OutputEntry_Managers"><text>"managers"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(decision);
        Http.Response deployed = Http.as(port, "olga").multipart("/engine-rest/deployment/create", MODELER,
                Map.of(key + ".bpmn", main, review + ".bpmn", reviewModel, decision + ".dmn", dmn));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);

        String id = runtimeService.startProcessInstanceByKey(key, Variables.putValue("amount", 30.0)).getId();
        var approve = taskService.createTaskQuery().processInstanceId(id).singleResult();
        assertThat(taskService.getIdentityLinksForTask(approve.getId())).extracting(link -> link.getGroupId())
                .containsExactlyInAnyOrder("supervisors", "managers");
        taskService.complete(approve.getId(), Variables.putValue("approved", false));
        var reviewTask = taskService.createTaskQuery().processDefinitionKey(review).active().list().stream()
                .filter(t -> runtimeService.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                        .superProcessInstanceId(id).count() == 1).findFirst().orElseThrow();
        taskService.complete(reviewTask.getId(), Variables.putValue("clarified", true));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getState())
                .isEqualTo("COMPLETED");
    }

    @Test
    void aModelMayNotShortenHistoryBelowTheDepartmentsMinimum() {
        historyTimeToLive.setMinimumDays(180);
        try {
            String key = key();
            String shortLived = startedServiceTask(key, "camunda:expression=\"${1}\"").replace("camunda:historyTimeToLive=\"1\"",
                    "camunda:historyTimeToLive=\"0\"");
            assertThat(refused("olga", key + ".bpmn", shortLived).get("message").asText())
                    .contains(key + ".bpmn", "'" + key + "'", "camunda:historyTimeToLive", "0 days", "at least 180 days");
            String decision = "ttl-" + key;
            String dmn = juelDecision(decision, "${amount}").replace("camunda:historyTimeToLive=\"1\"",
                    "camunda:historyTimeToLive=\"P30D\"");
            assertThat(refused("demo", decision + ".dmn", dmn).get("message").asText()).contains("'" + decision + "'", "30 days");

            Http.Response kept = Http.as(port, "olga").multipart("/engine-rest/deployment/create", MODELER, Map.of(key + ".bpmn",
                    shortLived.replace("camunda:historyTimeToLive=\"0\"", "camunda:historyTimeToLive=\"P180D\"")));
            assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        } finally {
            historyTimeToLive.setMinimumDays(0);
        }
    }

    @Test
    void aModelThatCannotRunAnswersWithWhoseMoveItIsNotWith500() {
        String key = key();
        Http.Response deployed = Http.as(port, "olga").multipart("/engine-rest/deployment/create", MODELER, Map.of(
                key + ".bpmn", startedServiceTask(key, "camunda:expression=\"${text.substring(5)}\" camunda:resultVariable=\"x\"")));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        Http demo = Http.as(port, "demo");

        Http.Response missing = demo.post("/engine-rest/process-definition/key/" + key + "/start", Map.of());
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.json().get("message").asText()).contains("did not provide", "text");

        Http.Response failing = demo.post("/engine-rest/process-definition/key/" + key + "/start",
                Map.of("variables", Map.of("text", Map.of("value", "abc", "type", "String"))));
        assertThat(failing.status()).as(failing.body()).isEqualTo(409);
        assertThat(failing.json().get("message").asText()).contains("process owner must correct the model");

        String planted = key();
        plant(planted + ".bpmn", startedServiceTask(planted, "camunda:expression=\"${environment.getProperty('x')}\""));
        Http.Response refused = demo.post("/engine-rest/process-definition/key/" + planted + "/start", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("models may not do", "'environment'");
    }

    @Test
    void aDelegateThatWritesAProceduresRecordsServesOnlyThatProcedure() {
        String key = key();
        String model = startedServiceTask(key, "camunda:delegateExpression=\"${recordHrDecisionDelegate}\"");
        assertThat(refused("olga", key + ".bpmn", model).get("message").asText())
                .contains("'recordHrDecisionDelegate' belongs to the procedure corrective-action", "'" + key + "'");
        String byClass = startedServiceTask(key, "camunda:class=\"org.servicecharter.correctiveaction.RecordHrDecisionDelegate\"");
        assertThat(refused("olga", key + ".bpmn", byClass).get("message").asText()).contains("belongs to the procedure");

        plant(key + ".bpmn", model);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(key, Variables.putValue("employee", "bob")
                .putValue("hrDecision", "dismiss"))).hasMessageContaining("belongs to the procedure corrective-action");
    }

    @Test
    void aTaskAnExpressionOffersToNobodyWhoExistsIsRefusedWhenItIsCreated() {
        String key = key();
        String model = process(key, """
                <bpmn:startEvent id="StartEvent_Started"/>
                <bpmn:userTask id="UserTask_Handle" name="Handle it" camunda:candidateGroups="${group}" camunda:assignee="${who}"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="UserTask_Handle"/>
                """);
        Http.Response deployed = Http.as(port, "olga").multipart("/engine-rest/deployment/create", MODELER,
                Map.of(key + ".bpmn", model));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        Http demo = Http.as(port, "demo");
        String start = "/engine-rest/process-definition/key/" + key + "/start";

        Http.Response noGroup = demo.post(start, Map.of("variables", Map.of("group", Map.of("value", "acounting"),
                "who", Map.of("value", "alice"))));
        assertThat(noGroup.status()).as(noGroup.body()).isEqualTo(409);
        assertThat(noGroup.json().get("message").asText()).contains("'Handle it'", "group 'acounting', which does not exist");

        Http.Response noUser = demo.post(start, Map.of("variables", Map.of("group", Map.of("value", "agents"),
                "who", Map.of("value", "alcie"))));
        assertThat(noUser.status()).as(noUser.body()).isEqualTo(409);
        assertThat(noUser.json().get("message").asText()).contains("user 'alcie', which does not exist");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();

        Http.Response fine = demo.post(start, Map.of("variables", Map.of("group", Map.of("value", "agents"),
                "who", Map.of("value", "alice"))));
        assertThat(fine.status()).as(fine.body()).isEqualTo(200);
    }

    // --- helpers

    private JsonNode refused(String user, String file, String content) {
        Http.Response response = Http.as(port, user).multipart("/engine-rest/deployment/create", MODELER, Map.of(file, content));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json();
    }

    /** Deploys past the gate, as a model deployed before it existed or written into the database would be. */
    private void plant(String file, String content) {
        gate.setEnabled(false);
        try {
            repositoryService.createDeployment().name("planted").addString(file, content).deploy();
        } finally {
            gate.setEnabled(true);
        }
    }

    private static String key() {
        return "probe-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    static String startedServiceTask(String key, String taskAttributes) {
        return process(key, """
                <bpmn:startEvent id="StartEvent_Started"/>
                <bpmn:serviceTask id="ServiceTask_Probe" name="Probe" %s/>
                <bpmn:endEvent id="EndEvent_Done"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="ServiceTask_Probe"/>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="ServiceTask_Probe" targetRef="EndEvent_Done"/>
                """.formatted(taskAttributes));
    }

    static String timerStartedServiceTask(String key, String taskAttributes) {
        return process(key, """
                <bpmn:startEvent id="StartEvent_Timer">
                  <bpmn:timerEventDefinition id="TimerEventDefinition_Past"><bpmn:timeDate>2020-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>
                </bpmn:startEvent>
                <bpmn:serviceTask id="ServiceTask_Probe" name="Probe" %s/>
                <bpmn:endEvent id="EndEvent_Done"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Timer" targetRef="ServiceTask_Probe"/>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="ServiceTask_Probe" targetRef="EndEvent_Done"/>
                """.formatted(taskAttributes));
    }

    static String process(String key, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%s" name="Probe" isExecutable="true" camunda:historyTimeToLive="1">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, body);
    }

    static String juelDecision(String key, String inputExpression) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_Probe" name="Probe" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="%s" name="Probe" camunda:historyTimeToLive="1">
                    <decisionTable id="DecisionTable_Probe">
                      <input id="Input_Amount" label="Amount">
                        <inputExpression id="InputExpression_Amount" typeRef="string" expressionLanguage="juel"><text>%s</text></inputExpression>
                      </input>
                      <output id="Output_Tier" name="tier" typeRef="string"/>
                      <rule id="Rule_Any"><inputEntry id="InputEntry_Any"><text></text></inputEntry><outputEntry id="OutputEntry_Agent"><text>"agent"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(key, xml(inputExpression));
    }

}
