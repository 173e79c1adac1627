package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.complaint.ComplaintProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A process owner deploys from Camunda Modeler: the same multipart request Modeler sends. */
@ServiceCharterTest
class ModelerDeploymentTests {

    static final Map<String, String> MODELER_FIELDS = Map.of(
            "deployment-name", "complaint-handling",
            "deployment-source", "Camunda Modeler",
            "enable-duplicate-filtering", "true");

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void aProcessOwnerDeploysAChangedModelWithItsFormsAndTheNewVersionServesNewInstances() throws IOException {
        ProcessDefinition before = latest();
        String changed = Files.readString(Path.of("processes/complaint-handling.bpmn"))
                .replaceFirst("name=\"Complaint handling\"", "name=\"Complaint handling (revised)\"");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("complaint-handling.bpmn", changed);
        files.put("complaint-classification.dmn", Files.readString(Path.of("processes/complaint-classification.dmn")));
        for (String form : new String[] {"complaint-intake", "handle-complaint", "follow-up-overdue-complaint",
                "call-customer-for-survey", "recover-service"}) {
            files.put(form + ".form", Files.readString(Path.of("forms/" + form + ".form")));
        }

        Http.Response response = Http.as(port, "olga").multipart("/engine-rest/deployment/create", MODELER_FIELDS, files);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("source").asText()).isEqualTo("Camunda Modeler");
        ProcessDefinition after = latest();
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(after.getName()).isEqualTo("Complaint handling (revised)");

        String reference = Http.anonymous(port).post("/api/complaints", Map.of("customerName", "Eve", "customerEmail",
                "eve@example.com", "channel", "web", "category", "product", "description", "Broken on arrival."))
                .json().get("reference").asText();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(instance.getProcessDefinitionId()).isEqualTo(after.getId());

        // Modeler's duplicate filtering: deploying the same files again creates no new version
        Http.Response again = Http.as(port, "olga").multipart("/engine-rest/deployment/create", MODELER_FIELDS, files);
        assertThat(again.status()).isEqualTo(200);
        assertThat(latest().getVersion()).isEqualTo(after.getVersion());
    }

    @Test
    void agentsAndAuditorsCannotDeploy() {
        Map<String, String> files = Map.of("tiny.bpmn", tinyModel("tiny"));
        for (String user : new String[] {"alice", "audrey", "sam"}) {
            Http.Response response = Http.as(port, user).multipart("/engine-rest/deployment/create", MODELER_FIELDS, files);
            assertThat(response.status()).as(user).isEqualTo(403);
            assertThat(response.json().get("message").asText()).contains("CREATE").contains("Deployment");
        }
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("tiny").count()).isZero();
    }

    @Test
    void aMalformedModelIsRefusedWith400SayingWhy() {
        Http olga = Http.as(port, "olga");
        Http.Response notXml = olga.multipart("/engine-rest/deployment/create", MODELER_FIELDS, Map.of("broken.bpmn", "this is not XML"));
        assertThat(notXml.status()).isEqualTo(400);
        assertThat(notXml.json().get("message").asText()).contains("broken.bpmn").contains("not allowed in prolog");

        Http.Response invalid = olga.multipart("/engine-rest/deployment/create", MODELER_FIELDS,
                Map.of("invalid.bpmn", tinyModel("invalid").replace("<bpmn:startEvent id=\"Start\"/>", "<bpmn:startEvent/>")
                        .replace("isExecutable=\"true\"", "isExecutable=\"maybe\"")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("message").asText()).contains("invalid.bpmn");
    }

    @Test
    void aModelWithADoctypeOrExternalEntityIsRefused() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + tinyModel("xxe").substring(tinyModel("xxe").indexOf("<bpmn:definitions")).replace("name=\"Tiny\"", "name=\"&xxe;\"");
        Http.Response response = Http.as(port, "olga").multipart("/engine-rest/deployment/create", MODELER_FIELDS, Map.of("xxe.bpmn", xxe));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("DOCTYPE is disallowed");
        assertThat(response.body()).doesNotContain("root:");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("xxe").count()).isZero();
    }

    private ProcessDefinition latest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(ComplaintProcess.PROCESS_KEY)
                .latestVersion().singleResult();
    }

    private static String tinyModel(String key) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Tiny" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%s" name="Tiny" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key);
    }
}
