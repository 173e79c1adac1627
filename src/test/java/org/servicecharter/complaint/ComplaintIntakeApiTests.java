package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.complaint.ComplaintFixtures.validComplaint;
import static org.servicecharter.complaint.ComplaintFixtures.with;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

@ServiceCharterTest
class ComplaintIntakeApiTests {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HistoryService historyService;

    @Test
    void aValidComplaintIsFiledWithoutLoginAndStartsHandling() {
        Map<String, Object> body = with("aboutEmployee", "alice");

        Http.Response response = Http.anonymous(port).post("/api/complaints", body);

        assertThat(response.status()).isEqualTo(201);
        String reference = response.json().get("reference").asText();
        assertThat(reference).matches("C-\\d{4}-[0-9A-Z]{8}");
        assertThat(response.header("Location")).endsWith("/api/complaints/" + reference);

        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ComplaintProcess.PROCESS_KEY).processInstanceBusinessKey(reference).singleResult();
        assertThat(instance).isNotNull();
        assertThat(runtimeService.getVariable(instance.getId(), ComplaintProcess.VAR_ABOUT_EMPLOYEE)).isEqualTo("alice");
        assertThat(runtimeService.getVariable(instance.getId(), ComplaintProcess.VAR_PRIORITY)).isNotNull();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM complaint WHERE reference = ?", reference);
        assertThat(row.get("CUSTOMER_EMAIL")).isEqualTo("carla@example.com");
        assertThat(row.get("ABOUT_EMPLOYEE")).isEqualTo("alice");
        assertThat(row.get("PROCESS_INSTANCE_ID")).isEqualTo(instance.getId());
        assertThat(row.get("STATUS")).isEqualTo("OPEN");
    }

    @Test
    void staffReadTheComplaintThroughItsLocationButAnonymousCallersDoNot() {
        Http.Response created = Http.anonymous(port).post("/api/complaints", validComplaint());
        String path = "/api/complaints/" + created.json().get("reference").asText();

        assertThat(Http.anonymous(port).get(path).status()).isEqualTo(401);
        Http.Response read = Http.as(port, "alice").get(path);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().at("/complaint/customerName").asText()).isEqualTo("Carla Customer");
        assertThat(read.json().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(read.json().get("currentActivities").toString()).contains(ComplaintProcess.HANDLE_COMPLAINT);
        // hana (HR) has no business with complaints: as if it did not exist
        assertThat(Http.as(port, "hana").get(path).status()).isEqualTo(404);
    }

    /**
     * The intake is public: being logged in never makes it refuse what it takes from an anonymous customer. Someone
     * without the right to log complaints (the model's candidate starters) files as the public does — the complaint is
     * not started in their name, nor received by them — and the trail says who sent it.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"henry", "hana", "olga", "audrey"})
    void aLoggedInEmployeeWithoutTheRightToLogComplaintsFilesAsThePublicAndTheTrailSaysWhoSentIt(String user) {
        Http.Response response = Http.as(port, user).post("/api/complaints", with("aboutEmployee", "bob"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String reference = response.json().get("reference").asText();
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ComplaintProcess.PROCESS_KEY).processInstanceBusinessKey(reference).singleResult();
        assertThat(instance.getStartUserId()).as("started as from the public").isNull();
        assertThat(jdbc.queryForObject("SELECT received_by FROM complaint WHERE reference = ?", String.class, reference)).isNull();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(ComplaintProcess.VAR_PUBLIC_INTAKE_SENDER).singleResult().getValue()).isEqualTo(user);
        assertThat(runtimeService.getVariable(instance.getId(), ComplaintProcess.VAR_ABOUT_EMPLOYEE)).isEqualTo("bob");
    }

    @Test
    void anAgentLogsAComplaintThroughTheApiInHerOwnName() {
        Http.Response response = Http.as(port, "alice").post("/api/complaints", validComplaint());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String reference = response.json().get("reference").asText();
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ComplaintProcess.PROCESS_KEY).processInstanceBusinessKey(reference).singleResult();
        assertThat(instance.getStartUserId()).isEqualTo("alice");
        assertThat(jdbc.queryForObject("SELECT received_by FROM complaint WHERE reference = ?", String.class, reference)).isEqualTo("alice");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(ComplaintProcess.VAR_PUBLIC_INTAKE_SENDER).singleResult()).isNull();
    }

    static Stream<Arguments> badComplaints() {
        Map<String, Object> missingName = validComplaint();
        missingName.remove("customerName");
        Map<String, Object> everythingWrong = with("customerEmail", "no-at-sign");
        everythingWrong.put("channel", "fax");
        everythingWrong.put("category", "weather");
        everythingWrong.put("aboutEmployee", "nobody");
        return Stream.of(
                Arguments.of("missing name", missingName, List.of("customerName")),
                Arguments.of("blank description", with("description", "  "), List.of("description")),
                Arguments.of("oversized description", with("description", "x".repeat(4001)), List.of("description")),
                Arguments.of("oversized name", with("customerName", "n".repeat(201)), List.of("customerName")),
                Arguments.of("bad e-mail", with("customerEmail", "carla-at-example"), List.of("customerEmail")),
                Arguments.of("unknown category", with("category", "weather"), List.of("category")),
                Arguments.of("unknown channel", with("channel", "fax"), List.of("channel")),
                Arguments.of("employee who is not a user", with("aboutEmployee", "nobody"), List.of("aboutEmployee")),
                Arguments.of("wrong type", with("customerName", List.of("a", "b")), List.of("customerName")),
                Arguments.of("unknown field", with("priority", "high"), List.of("priority")),
                Arguments.of("every field wrong at once", everythingWrong,
                        List.of("customerEmail", "channel", "category", "aboutEmployee")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badComplaints")
    void badInputIsRefusedWithAProblemNamingEachBadFieldAndStartsNothing(String name, Map<String, Object> body,
            List<String> badFields) {
        List<Long> before = complaintsStarted();

        Http.Response response = Http.anonymous(port).post("/api/complaints", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrderElementsOf(badFields);
        assertThat(complaintsStarted()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsABadRequest() {
        List<Long> before = complaintsStarted();
        Http.Response response = Http.anonymous(port).postRaw("/api/complaints", "application/json", "{\"customerName\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("not valid JSON");
        assertThat(complaintsStarted()).isEqualTo(before);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        List<Long> before = complaintsStarted();
        Http.Response response = Http.anonymous(port).post("/api/complaints", with("description", "x".repeat(70_000)));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asText()).contains("at most 64 KB", "this one is larger");
        assertThat(complaintsStarted()).isEqualTo(before);
    }

    /** Register entries and instances ever started (history keeps finished ones): both must stay put. */
    private List<Long> complaintsStarted() {
        return List.of(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class),
                historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ComplaintProcess.PROCESS_KEY).count());
    }
}
