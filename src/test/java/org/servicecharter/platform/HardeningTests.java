package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Production hardening: each insecure default of the stack is switched, and shown here to be. */
@ServiceCharterTest
class HardeningTests {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void theEngineIsConfiguredDefensively() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getQueryMaxResultsLimit()).isEqualTo(2000);
        assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(config.isDeserializationTypeValidationEnabled()).isTrue();
        assertThat(config.isEnableExpressionsInAdhocQueries()).isFalse();
        assertThat(config.isAuthorizationEnabled()).isTrue();
        assertThat(config.getHistory()).isEqualTo("full");
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    }

    @Test
    void javaSerializedVariablesAreRefused() {
        String instance = aComplaintInstance();
        Http.Response response = Http.as(port, "demo").put("/engine-rest/process-instance/" + instance + "/variables/evil",
                Map.of("value", "rO0ABXQABWhlbGxv", "type", "Object", "valueInfo", Map.of("objectTypeName", "java.lang.String",
                        "serializationDataFormat", "application/x-java-serialized-object")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("Java serialization format is prohibited");
    }

    @Test
    void modelsWithScriptsAreRefusedEvenFromAdministrators() {
        String scripted = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="x">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start"/>
                    <bpmn:sequenceFlow id="Flow" sourceRef="Start" targetRef="Script"/>
                    %s
                  </bpmn:process>
                </bpmn:definitions>
                """;
        Map<String, String> cases = Map.of(
                "scriptTask", "<bpmn:scriptTask id=\"Script\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>",
                "scriptListener", "<bpmn:task id=\"Script\"><bpmn:extensionElements><camunda:executionListener event=\"start\">"
                        + "<camunda:script scriptFormat=\"groovy\">1</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:task>");
        for (var entry : cases.entrySet()) {
            String key = "scripted-" + entry.getKey().toLowerCase();
            for (String user : new String[] {"olga", "demo"}) {
                Http.Response response = Http.as(port, user).multipart("/engine-rest/deployment/create",
                        Map.of("deployment-name", key), Map.of(key + ".bpmn", scripted.formatted(key, entry.getValue())));
                assertThat(response.status()).as("%s by %s: %s", key, user, response.body()).isEqualTo(400);
                assertThat(response.json().get("message").asText()).containsIgnoringCase("scripts are not allowed").contains("'Script'");
            }
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
        }
    }

    @Test
    void theH2ConsoleIsNotExposed() {
        assertThat(Http.anonymous(port).get("/h2-console").status()).isEqualTo(404);
        assertThat(Http.as(port, "demo").get("/h2-console/").status()).isEqualTo(404);
    }

    @Test
    void requestBodiesAreLimited() {
        Http.Response deployment = Http.as(port, "olga").multipart("/engine-rest/deployment/create",
                Map.of("deployment-name", "huge"), Map.of("huge.bpmn", "x".repeat(10 * 1024 * 1024 + 1)));
        assertThat(deployment.status()).isEqualTo(413);
        Http.Response api = Http.as(port, "alice").postRaw("/api/complaints", "application/json", "{\"d\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(api.status()).isEqualTo(413);
    }

    @Test
    void sessionCookiesAreSecureBehindTls() {
        Http.Response overTls = Http.anonymous(port).postRawWithHeader("/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=bob&password=bob", "X-Forwarded-Proto", "https");
        assertThat(overTls.header("Set-Cookie")).contains("Secure").contains("HttpOnly");
        Http.Response plain = Http.anonymous(port).postRaw("/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=bob&password=bob");
        assertThat(plain.header("Set-Cookie")).contains("HttpOnly").doesNotContain("Secure");
    }

    @Test
    void actuatorRevealsOnlyStatusToAnonymousUsers() {
        Http.Response health = Http.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        assertThat(health.json().has("details")).isFalse();
        assertThat(Http.anonymous(port).get("/actuator/health/readiness").json().get("status").asText()).isEqualTo("UP");

        assertThat(Http.anonymous(port).get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(Http.as(port, "alice").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(Http.as(port, "audrey").get("/actuator/info").status()).isEqualTo(403);
        assertThat(Http.as(port, "demo").get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/actuator/env").status()).isIn(401, 404);
        assertThat(Http.as(port, "demo").get("/actuator/env").status()).isEqualTo(404);
    }

    private String aComplaintInstance() {
        String reference = Http.anonymous(port).post("/api/complaints", Map.of("customerName", "H", "customerEmail",
                "h@example.com", "channel", "web", "category", "other", "description", "Hardening.")).json().get("reference").asText();
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }
}
