package org.servicecharter.platform.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.platform.governance.ModelsAreDataTests.MODELER;
import static org.servicecharter.platform.governance.ModelsAreDataTests.process;
import static org.servicecharter.platform.governance.ModelsAreDataTests.startedServiceTask;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An attacker's review of the governance: a process owner (or an administrator) tries the doors the first round of
 * probes did not, through the requests a user would send — Camunda's old {@code activiti:} namespace, which the
 * parser reads as {@code camunda:}; shell tasks; form handler and form field validator classes, which the engine
 * instantiates past the artifact factory; the redeploy endpoint; filter expressions; FEEL external functions behind
 * a comment; a DMN file the engine cannot transform; a wildcard starter.
 */
@ServiceCharterTest
class AttackReviewTests {

    private static final String ACTIVITI = "xmlns:activiti=\"http://activiti.org/bpmn\" ";

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ModelGatePlugin gate;

    final Path marker = Path.of(System.getProperty("java.io.tmpdir"), "servicecharter-attack-" + UUID.randomUUID());

    @AfterEach
    void cleanUp() throws Exception {
        gate.setEnabled(true);
        Files.deleteIfExists(marker);
    }

    @Test
    void theActivitiNamespaceDoesNotSmuggleAClassPastTheGate() {
        String key = key();
        String model = activiti(startedServiceTask(key, "activiti:class=\"org.servicecharter.identity.DemoUsers\""));
        Http.Response response = deploy("olga", key + ".bpmn", model);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("ServiceTask_Probe", "activiti:class", "org.servicecharter.identity.DemoUsers");
    }

    @Test
    void theActivitiNamespaceDoesNotSmuggleAFormHandlerClassPastTheGate() {
        String key = key();
        String model = activiti(process(key, """
                <bpmn:startEvent id="StartEvent_Started" activiti:formHandlerClass="java.lang.Object"/>
                <bpmn:endEvent id="EndEvent_Done"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="EndEvent_Done"/>
                """));
        Http.Response response = deploy("olga", key + ".bpmn", model);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("StartEvent_Started", "activiti:formHandlerClass", "java.lang.Object");

        // past the gate, the parser refuses the class before it instantiates it
        Http.Response planted = plantOverRest(key + ".bpmn", model);
        assertThat(planted.status()).as(planted.body()).isEqualTo(400);
        assertThat(planted.body()).contains("camunda:formHandlerClass 'java.lang.Object' is not published for models")
                .doesNotContain("cannot be cast");
    }

    @Test
    void theActivitiNamespaceDoesNotSmuggleAScriptPastTheGate() {
        String key = key();
        String model = activiti(startedServiceTask(key, "camunda:expression=\"${true}\"")
                .replace("name=\"Probe\" camunda:expression=\"${true}\"/>", """
                        name="Probe" camunda:expression="${true}"><bpmn:extensionElements><activiti:inputOutput>
                        <activiti:inputParameter name="x"><activiti:script scriptFormat="javascript">1</activiti:script></activiti:inputParameter>
                        </activiti:inputOutput></bpmn:extensionElements></bpmn:serviceTask>"""));
        assertThat(model).contains("activiti:script");
        Http.Response response = deploy("olga", key + ".bpmn", model);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("ServiceTask_Probe", "activiti:script", "scripts are not allowed");
    }

    @Test
    void aShellTaskIsRefusedWithA400AndRunsNothing() throws Exception {
        String key = key();
        String model = startedServiceTask(key, "camunda:type=\"shell\"").replace("camunda:type=\"shell\"/>", """
                camunda:type="shell"><bpmn:extensionElements>
                  <camunda:field name="command" stringValue="touch"/><camunda:field name="arg1" stringValue="%s"/>
                </bpmn:extensionElements></bpmn:serviceTask>""".formatted(marker));
        assertThat(model).contains("camunda:field");
        Http.Response response = deploy("olga", key + ".bpmn", model);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("ServiceTask_Probe", "camunda:type", "'shell'");
        Thread.sleep(300);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aFormFieldValidatorClassOutsideThePublishedListIsRefused() {
        String key = key();
        String model = process(key, """
                <bpmn:startEvent id="StartEvent_Started"/>
                <bpmn:userTask id="UserTask_Fill" name="Fill" camunda:candidateGroups="agents">
                  <bpmn:extensionElements><camunda:formData><camunda:formField id="amount" type="long">
                    <camunda:validation><camunda:constraint name="validator" config="org.servicecharter.identity.DemoUsers"/></camunda:validation>
                  </camunda:formField></camunda:formData></bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:endEvent id="EndEvent_Done"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="UserTask_Fill"/>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="UserTask_Fill" targetRef="EndEvent_Done"/>
                """);
        Http.Response response = deploy("olga", key + ".bpmn", model);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("element 'amount'", "camunda:constraint 'validator'",
                "org.servicecharter.identity.DemoUsers");

        // past the gate, the parser refuses it: the engine would instantiate any class named here when the form is sent
        Http.Response planted = plantOverRest(key + ".bpmn", model);
        assertThat(planted.status()).as(planted.body()).isEqualTo(400);
        assertThat(planted.body()).contains("'org.servicecharter.identity.DemoUsers' is not published for models");
    }

    @Test
    void theRedeployEndpointPassesTheOldResourcesThroughTheGate() {
        String key = key();
        String model = startedServiceTask(key,
                "camunda:expression=\"${identityService.createMembership('olga','camunda-admin')}\"");
        gate.setEnabled(false);
        String plantedId;
        try {
            plantedId = repositoryService.createDeployment().name("planted").addString(key + ".bpmn", model).deploy().getId();
        } finally {
            gate.setEnabled(true);
        }
        Http.Response response = Http.as(port, "demo").post("/engine-rest/deployment/" + plantedId + "/redeploy", Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("identityService");
    }

    @Test
    void aFilterExpressionCannotReachTheEngine() {
        Http demo = Http.as(port, "demo");
        Http.Response created = demo.post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "attack-" + key(),
                "query", Map.of("assigneeExpression", "${identityService.createMembership('olga','camunda-admin')}")));
        if (created.status() == 200) {
            Http.Response listed = demo.get("/engine-rest/filter/" + created.json().get("id").asText() + "/list");
            assertThat(listed.status()).as(listed.body()).isBetween(400, 499);
        } else {
            assertThat(created.status()).as(created.body()).isBetween(400, 499);
        }
        assertThat(identityService.createUserQuery().userId("olga").memberOfGroup("camunda-admin").count()).isZero();
    }

    @Test
    void aFeelExternalFunctionHiddenBehindACommentIsRefused() throws Exception {
        String key = "attack-" + UUID.randomUUID().toString().substring(0, 8);
        String feel = "{f: function(k) /* no */ external {java: {class: \"java.lang.System\", method signature:"
                + " \"getProperty(java.lang.String)\"}}, r: f(\"java.home\")}.r";
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_Probe" name="Probe" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="%s" name="Probe" camunda:historyTimeToLive="1">
                    <variable id="Variable_Probe" name="result"/>
                    <literalExpression id="LiteralExpression_Probe"><text>%s</text></literalExpression>
                  </decision>
                </definitions>
                """.formatted(key, feel.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;"));
        Http.Response response = deploy("olga", key + ".dmn", dmn);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("LiteralExpression_Probe", "FEEL external functions");

        // past the gate, the FEEL engine has external functions switched off
        assertThat(plantOverRest(key + ".dmn", dmn).status()).isEqualTo(200);
        Http.Response evaluated = Http.as(port, "demo").post("/engine-rest/decision-definition/key/" + key + "/evaluate",
                Map.of("variables", Map.of()));
        assertThat(evaluated.status()).as(evaluated.body()).isNotEqualTo(200);
        assertThat(evaluated.body()).doesNotContain(System.getProperty("java.home"));
    }

    @Test
    void aWildcardStarterIsRefused() {
        String key = key();
        String model = activiti(process(key, """
                <bpmn:startEvent id="StartEvent_Started"/>
                <bpmn:endEvent id="EndEvent_Done"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="EndEvent_Done"/>
                """).replace("camunda:historyTimeToLive=\"1\"", "camunda:historyTimeToLive=\"1\" activiti:candidateStarterUsers=\"*\""));
        Http.Response response = deploy("olga", key + ".bpmn", model);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        Http.Response started = Http.as(port, "audrey").post("/engine-rest/process-definition/key/" + key + "/start", Map.of());
        assertThat(started.status()).as(started.body()).isNotEqualTo(200);
    }

    @Test
    void aDmnFileTheEngineCannotTransformIsA400NotA500() {
        String key = "attack-" + UUID.randomUUID().toString().substring(0, 8);
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Probe" name="Probe" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="%s" name="Probe">
                    <literalExpression id="LiteralExpression_Probe"><text>1</text></literalExpression>
                    <variable id="Variable_Probe" name="result"/>
                  </decision>
                </definitions>
                """.formatted(key);
        Http.Response response = deploy("olga", key + ".dmn", dmn);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(key + ".dmn", "variable");
    }

    // --- helpers

    /** As an administrator over /engine-rest, with the gate off: a model deployed before the gate existed. */
    private Http.Response plantOverRest(String file, String content) {
        gate.setEnabled(false);
        try {
            return deploy("demo", file, content);
        } finally {
            gate.setEnabled(true);
        }
    }

    private Http.Response deploy(String user, String file, String content) {
        return Http.as(port, user).multipart("/engine-rest/deployment/create", MODELER, Map.of(file, content));
    }

    private static String activiti(String model) {
        return model.replace("xmlns:camunda=", ACTIVITI + "xmlns:camunda=");
    }

    private static String key() {
        return "attack-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
