package org.servicecharter.platform.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A deployment is complete or refused: a process owner deploys from Camunda Modeler (the same multipart request
 * Modeler sends, as {@code olga}) and every incomplete or broken deployment answers 400 naming the file, what is
 * missing and how to fix it — never 500, and nothing of it is deployed.
 */
@ServiceCharterTest
class DeploymentCompletenessTests {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    IdentityService identityService;

    @Autowired
    DeploymentCompletenessCheck check;

    @Test
    void aModelWhoseDecisionIsNotAttachedIsRefusedSayingToAttachTheDmn() throws IOException {
        String key = "complaint-handling-" + suffix();
        String model = Files.readString(Path.of("processes/complaint-handling.bpmn"))
                .replace("\"complaint-handling\"", "\"" + key + "\"");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("complaint-handling.bpmn", model);
        for (String form : new String[] {"complaint-intake", "handle-complaint", "follow-up-overdue-complaint",
                "call-customer-for-survey", "recover-service"}) {
            files.put(form + ".form", Files.readString(Path.of("forms/" + form + ".form")));
        }

        String message = refused(files, "complaint-handling.bpmn");

        assertThat(message).contains("BusinessRuleTask_ClassifyComplaint").contains("camunda:decisionRef")
                .contains("complaint-classification.dmn").contains("attach");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void aTaskWhoseFormIsNotAttachedIsRefused() {
        String key = "form-missing-" + suffix();
        String message = refused(Map.of(key + ".bpmn", model(key, "agents", "form-" + key)), key + ".bpmn");
        assertThat(message).contains("Task_Work").contains("camunda:formRef").contains("form-" + key).contains("attach");
    }

    @Test
    void aCallActivityWhoseProcessIsNotAttachedIsRefused() {
        String key = "call-missing-" + suffix();
        String caller = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Caller" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start"/>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="CallActivity_Sub"/>
                    <bpmn:callActivity id="CallActivity_Sub" calledElement="%s-sub" camunda:calledElementBinding="deployment"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, key);
        String message = refused(Map.of(key + ".bpmn", caller), key + ".bpmn");
        assertThat(message).contains("CallActivity_Sub").contains("calledElement").contains(key + "-sub").contains("attach");
    }

    @Test
    void formsWithoutIdAreRefusedNotA500() {
        String key = "form-without-id-" + suffix();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(key + ".bpmn", model(key, "agents", null));
        files.put("first.form", "{\"type\": \"default\", \"components\": []}");
        files.put("second.form", "{\"type\": \"default\", \"components\": []}");

        String message = refused(files, "first.form");

        assertThat(message).contains("first.form").contains("second.form").contains("no id");
    }

    @Test
    void aMalformedFormIsRefusedNamingWhereTheJsonBreaks() {
        String key = "form-malformed-" + suffix();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(key + ".bpmn", model(key, "agents", "form-" + key));
        files.put(key + ".form", "{\n  \"id\": \"form-" + key + "\",\n  \"components\": [\n    { \"type\": \"textfield\", }\n  ]\n}");

        String message = refused(files, key + ".form");

        assertThat(message).contains("not valid JSON").contains("line 4");
    }

    @Test
    void twoFormsWithTheSameIdAreRefusedNamingBothFiles() {
        String key = "form-twice-" + suffix();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(key + ".bpmn", model(key, "agents", "form-" + key));
        files.put("one-" + key + ".form", form("form-" + key, "textfield"));
        files.put("other-" + key + ".form", form("form-" + key, "textarea"));

        String message = refused(files, "other-" + key + ".form");

        assertThat(message).contains("one-" + key + ".form").contains("other-" + key + ".form").contains("'form-" + key + "'");
    }

    @Test
    void formComponentsTasklistCannotRenderAreRefused() {
        for (String type : new String[] {"filepicker", "documentPreview", "dynamiclist", "my-custom-widget"}) {
            String key = "form-" + type.toLowerCase() + "-" + suffix();
            Map<String, String> files = new LinkedHashMap<>();
            files.put(key + ".bpmn", model(key, "agents", "form-" + key));
            files.put(key + ".form", form("form-" + key, type));

            String message = refused(files, key + ".form");

            assertThat(message).as(type).contains("Field_1").contains(type).contains("Tasklist");
        }
    }

    @Test
    void aTaskOfferedToAGroupThatDoesNotExistIsRefused() {
        String key = "group-missing-" + suffix();
        String message = refused(Map.of(key + ".bpmn", model(key, "agents, managres", null)), key + ".bpmn");
        assertThat(message).contains("Task_Work").contains("camunda:candidateGroups").contains("managres")
                .doesNotContain("'agents'");
    }

    @Test
    void callingADeploymentAProcessApplicationDoesNotSkipTheLookUps() {
        String key = "group-missing-" + suffix();
        String name = "deploy-" + suffix();
        Http.Response response = Http.as(port, "olga").multipart("/engine-rest/deployment/create",
                Map.of("deployment-name", name, "deployment-source", "process application"),
                Map.of(key + ".bpmn", model(key, "nobodies", null)));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("'nobodies' does not exist");
        assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
    }

    @Test
    void aCompleteDeploymentIsAccepted() {
        String key = "complete-" + suffix();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(key + ".bpmn", model(key, "agents, ${handlingGroup}", "form-" + key));
        files.put(key + ".form", form("form-" + key, "textfield"));

        Http.Response response = deploy(key, files);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
    }

    @Test
    void theRepositorysOwnModelsAndFormsPassWithTheRealGroupsAndUsers() throws IOException {
        Map<String, byte[]> files = DeploymentCompletenessCheckTests.repositoryFiles();
        Deployment application = repositoryService.createDeploymentQuery().deploymentName("service-charter")
                .deploymentSource(ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE).orderByDeploymentTime().desc()
                .listPage(0, 1).get(0);
        assertThat(repositoryService.getDeploymentResourceNames(application.getId()))
                .as("the process application deploys exactly processes/* and forms/*").containsExactlyInAnyOrderElementsOf(files.keySet());
        List<String> lookedUp = new ArrayList<>();
        DeploymentContents contents = new DeploymentContents(files, new DeploymentContents.Identity() {
            @Override
            public boolean groupExists(String groupId) {
                lookedUp.add(groupId);
                return identityService.createGroupQuery().groupId(groupId).count() > 0;
            }

            @Override
            public boolean userExists(String userId) {
                lookedUp.add(userId);
                return identityService.createUserQuery().userId(userId).count() > 0;
            }
        });

        assertThat(check.check(contents)).isEmpty();
        assertThat(lookedUp).contains("managers", "supervisors", "hr", "process-owners", "head-of-service");
    }

    /** Deploys as Modeler does, expects 400 with a report for {@code resource}, and that nothing was deployed. */
    private String refused(Map<String, String> files, String resource) {
        String name = "deploy-" + suffix();
        Http.Response response = deploy(name, files);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.path("details").has(resource)).as(response.body()).isTrue();
        assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
        return body.get("message").asText();
    }

    private Http.Response deploy(String name, Map<String, String> files) {
        return Http.as(port, "olga").multipart("/engine-rest/deployment/create", Map.of(
                "deployment-name", name,
                "deployment-source", "Camunda Modeler",
                "enable-duplicate-filtering", "true"), files);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A process with one user task offered to {@code groups}, with a form of id {@code formId} bound to the deployment. */
    static String model(String key, String groups, String formId) {
        String form = formId == null ? "" : " camunda:formRef=\"" + formId + "\" camunda:formRefBinding=\"deployment\"";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Tiny" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%s" name="Tiny" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start"/>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Work"/>
                    <bpmn:userTask id="Task_Work" name="Work" camunda:candidateGroups="%s"%s/>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Work" targetRef="End"/>
                    <bpmn:endEvent id="End"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, groups, form);
    }

    /** A Camunda Form with the given id and one component of the given type, id Field_1. */
    static String form(String id, String type) {
        return """
                {
                  "id": "%s",
                  "type": "default",
                  "schemaVersion": 16,
                  "components": [
                    { "type": "%s", "id": "Field_1", "key": "answer", "label": "Answer" }
                  ]
                }
                """.formatted(id, type);
    }
}
