package org.servicecharter.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.complaint.ComplaintProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** The audit API over HTTP: who may use it, the search filters, exports parsed back, and that it changes nothing. */
@ServiceCharterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    AuditSearchService auditSearch;

    String reference;
    String finished;
    String running;
    String runningTaskId;

    @BeforeAll
    void instances() {
        reference = "C-API-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        finished = new AuditScenario(engine).run(reference);
        Map<String, Object> complaint = Map.of("customerName", "Dan", "customerEmail", "dan@example.com",
                "channel", "phone", "category", "billing", "description", "Charged twice.");
        String runningReference = Http.anonymous(port).post("/api/complaints", complaint).json().get("reference").asText();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(runningReference).singleResult();
        running = task.getProcessInstanceId();
        runningTaskId = task.getId();
    }

    // --- who may ---------------------------------------------------------------------------------------------

    List<String> endpoints() {
        return List.of("/api/audit/me", "/api/audit/models", "/api/audit/instances",
                "/api/audit/instances/export?format=csv", "/api/audit/instances/" + finished + "/trail",
                "/api/audit/instances/" + finished + "/trail/export?format=json",
                "/api/audit/instances/" + finished + "/diagram");
    }

    @Test
    void anonymousGets401() {
        for (String endpoint : endpoints()) {
            assertThat(Http.anonymous(port).get(endpoint).status()).as(endpoint).isEqualTo(401);
        }
    }

    @Test
    void everyOtherRoleGets403EvenWithHistoryRightsInCockpit() {
        for (String user : List.of("alice", "sam", "maria", "hana", "olga", "henry")) {
            for (String endpoint : endpoints()) {
                assertThat(Http.as(port, user).get(endpoint).status()).as(user + " " + endpoint).isEqualTo(403);
            }
        }
    }

    @Test
    void auditorsAndAdministratorsGetEverything() {
        for (String user : List.of("audrey", "demo")) {
            for (String endpoint : endpoints()) {
                assertThat(Http.as(port, user).get(endpoint).status()).as(user + " " + endpoint).isEqualTo(200);
            }
        }
    }

    @Test
    void thePagesNeedTheCamundaLogin() {
        Http.Response page = Http.anonymous(port).get("/audit/index.html");
        assertThat(page.status()).isEqualTo(302);
        // to Cockpit's login, saying where to come back to
        assertThat(page.header("Location")).endsWith("/camunda/app/cockpit/default/?returnTo=%2Faudit%2Findex.html#/login");
    }

    // --- read-only -------------------------------------------------------------------------------------------

    @Test
    void theAuditApiHasNoMethodThatWrites() {
        Http audrey = Http.as(port, "audrey");
        String trail = "/api/audit/instances/" + running + "/trail";
        assertThat(audrey.post(trail, Map.of()).status()).isEqualTo(405);
        assertThat(audrey.put(trail, Map.of()).status()).isEqualTo(405);
        assertThat(audrey.delete(trail).status()).isEqualTo(405);
        assertThat(audrey.delete("/api/audit/instances/" + running).status()).isIn(404, 405);
    }

    @Test
    void throughTheEngineRestApiAnAuditorCannotClaimCompleteCancelModifyOrDelete() {
        Http audrey = Http.as(port, "audrey");
        assertThat(audrey.get("/engine-rest/process-instance/" + running).status()).isEqualTo(200);
        assertThat(audrey.get("/engine-rest/history/process-instance/" + finished).status()).isEqualTo(200);

        List<Integer> answers = new ArrayList<>();
        answers.add(audrey.post("/engine-rest/task/" + runningTaskId + "/claim", Map.of("userId", "audrey")).status());
        answers.add(audrey.post("/engine-rest/task/" + runningTaskId + "/assignee", Map.of("userId", "audrey")).status());
        answers.add(audrey.post("/engine-rest/task/" + runningTaskId + "/complete", Map.of()).status());
        answers.add(audrey.put("/engine-rest/process-instance/" + running + "/variables/priority",
                Map.of("value", "low", "type", "String")).status());
        answers.add(audrey.post("/engine-rest/process-instance/" + running + "/modification", Map.of("instructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", ComplaintProcess.MANAGER_RESOLVES)))).status());
        answers.add(audrey.put("/engine-rest/process-instance/" + running + "/suspended", Map.of("suspended", true)).status());
        answers.add(audrey.delete("/engine-rest/process-instance/" + running).status());
        answers.add(audrey.delete("/engine-rest/history/process-instance/" + finished).status());
        String operationId = historyService.createUserOperationLogQuery().processInstanceId(finished)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN).listPage(0, 1).get(0).getOperationId();
        answers.add(audrey.put("/engine-rest/history/user-operation/" + operationId + "/set-annotation",
                Map.of("annotation", "rewritten")).status());
        answers.add(audrey.put("/engine-rest/history/user-operation/" + operationId + "/clear-annotation", Map.of()).status());
        assertThat(answers).as("claim, assign, complete, set variable, modify, suspend, cancel, delete history, annotate")
                .allMatch(status -> status == 403);

        // and nothing changed
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running).active().count()).isEqualTo(1);
        Task task = taskService.createTaskQuery().taskId(runningTaskId).singleResult();
        assertThat(task.getAssignee()).isNull();
        assertThat(runtimeService.getVariable(running, ComplaintProcess.VAR_PRIORITY)).isEqualTo("medium");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(finished).count()).isEqualTo(1);
        assertThat(historyService.createUserOperationLogQuery().operationId(operationId).listPage(0, 5))
                .allMatch(entry -> AuditScenario.ANNOTATION.equals(entry.getAnnotation()));
    }

    // --- search ----------------------------------------------------------------------------------------------

    @Test
    void searchFindsFinishedAndRunningInstancesByEveryCriterion() {
        // the complaint names bob, so a corrective-action case carries the same business key
        assertThat(ids("businessKey=" + reference)).contains(finished).hasSize(2);
        assertThat(ids("businessKey=" + reference + "&processKey=corrective-action")).hasSize(1);
        assertThat(ids("businessKey=" + reference.substring(0, 8) + "*&state=finished")).contains(finished).doesNotContain(running);
        String complaint = "&processKey=" + ComplaintProcess.PROCESS_KEY;
        assertThat(ids("businessKey=" + reference + "&state=running" + complaint)).isEmpty();
        assertThat(ids("businessKey=" + reference + "&state=completed&processKey=" + ComplaintProcess.PROCESS_KEY))
                .containsExactly(finished);
        assertThat(ids("businessKey=" + reference + "&processKey=handbook-signoff")).isEmpty();
        assertThat(ids("businessKey=" + reference + "&processKey=" + ComplaintProcess.PROCESS_KEY
                + "&startedFrom=2026-03-02&startedTo=2026-03-02")).containsExactly(finished);
        assertThat(ids("businessKey=" + reference + "&startedFrom=2026-03-03" + complaint)).isEmpty();
        assertThat(ids("businessKey=" + reference + "&startedTo=2026-03-02T08:59:59Z")).isEmpty();
        assertThat(ids("state=running&processKey=" + ComplaintProcess.PROCESS_KEY + "&size=200")).contains(running)
                .doesNotContain(finished);

        // employees involved: alice started and claimed it, bob was assigned, maria is the subject, supervisors were
        // offered a task as a group (not a person), hana had nothing to do with it
        assertThat(ids("employee=alice&startedFrom=2026-03-02&startedTo=2026-03-02")).contains(finished);
        assertThat(ids("employee=bob&startedFrom=2026-03-02&startedTo=2026-03-02")).contains(finished);
        assertThat(ids("employee=maria&startedFrom=2026-03-02&startedTo=2026-03-02")).contains(finished);
        assertThat(ids("employee=sam&startedFrom=2026-03-02&startedTo=2026-03-02")).doesNotContain(finished);
        assertThat(ids("employee=hana&startedFrom=2026-03-02&startedTo=2026-03-02")).doesNotContain(finished);
    }

    @Test
    void searchPagesAndRefusesBadCriteria() {
        JsonNode first = Http.as(port, "audrey").get("/api/audit/instances?size=1&page=0").json();
        JsonNode second = Http.as(port, "audrey").get("/api/audit/instances?size=1&page=1").json();
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(first.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("id").asText()).isNotEqualTo(first.get("items").get(0).get("id").asText());

        Http.Response bad = Http.as(port, "audrey").get("/api/audit/instances?state=sleeping&size=999&startedFrom=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).contains("state", "size", "startedFrom");
        assertThat(Http.as(port, "audrey").get("/api/audit/instances/nope/trail").status()).isEqualTo(404);
    }

    @Test
    void matchesAreCountedExactlyUpToTheLimitAndPagingGoesOnBeyondIt() {
        engine.getIdentityService().setAuthentication("audrey", List.of("auditors", "employees"));
        try {
            AuditSearchService.Criteria all = new AuditSearchService.Criteria(null, null, null, null, null, null, 0, 1);
            long matches = search(Integer.MAX_VALUE).search(all).total();
            assertThat(matches).isGreaterThanOrEqualTo(3);

            AuditSearchService.Page atLimit = search((int) matches).search(all);
            assertThat(atLimit.total()).isEqualTo(matches);
            assertThat(atLimit.totalExact()).isTrue();

            AuditSearchService.Page beyond = search((int) matches - 2).search(all);
            assertThat(beyond.total()).isEqualTo(matches - 2);
            assertThat(beyond.totalExact()).as("more than the limit match").isFalse();
            AuditSearchService.Page last = search((int) matches - 2).search(
                    new AuditSearchService.Criteria(null, null, null, null, null, null, (int) matches - 1, 1));
            assertThat(last.items()).as("paging goes on past the counted matches").hasSize(1);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        JsonNode page = Http.as(port, "audrey").get("/api/audit/instances?size=1").json();
        assertThat(page.get("totalExact").asBoolean()).as("this test database is under the real limit").isTrue();
    }

    @Test
    void aModelWithManyMatchesIsPagedOffTheStartTimeIndexWithTheSameResult() {
        AuditSearchService sortedScan = new AuditSearchService(historyService, engine.getRepositoryService(), engine,
                new AuditAccess(engine.getIdentityService()), AuditSearchService.COUNT_LIMIT, 1, auditSearch.employeeVariables());
        for (int i = 0; i < 2; i++) {
            assertThat(Http.anonymous(port).post("/api/complaints", Map.of("customerName", "Eve", "customerEmail",
                    "eve@example.com", "channel", "web", "category", "billing", "description", "Charged " + i)).status())
                    .isEqualTo(201);
        }
        engine.getIdentityService().setAuthentication("audrey", List.of("auditors", "employees"));
        try {
            for (int page = 0; page < 3; page++) {
                AuditSearchService.Criteria criteria = new AuditSearchService.Criteria(ComplaintProcess.PROCESS_KEY, null,
                        null, null, null, null, page, 1);
                AuditSearchService.Page expected = search(AuditSearchService.COUNT_LIMIT).search(criteria);
                assertThat(expected.items()).as("page %d", page).hasSize(1);
                assertThat(sortedScan.search(criteria)).isEqualTo(expected);
            }
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private AuditSearchService search(int countLimit) {
        return new AuditSearchService(historyService, engine.getRepositoryService(), engine,
                new AuditAccess(engine.getIdentityService()), countLimit, AuditSearchService.SORTED_SCAN_FROM,
                auditSearch.employeeVariables());
    }

    // --- exports ---------------------------------------------------------------------------------------------

    @Test
    void theTrailExportsParseBackToTheTimeline() throws Exception {
        Http audrey = Http.as(port, "audrey");
        JsonNode trail = audrey.get("/api/audit/instances/" + finished + "/trail").json();
        Http.Response json = audrey.get("/api/audit/instances/" + finished + "/trail/export?format=json");
        assertThat(json.header("Content-Disposition")).contains("attachment", reference + ".json");
        assertThat(JSON.readTree(json.body())).isEqualTo(trail);

        Http.Response csv = audrey.get("/api/audit/instances/" + finished + "/trail/export?format=csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<Map<String, String>> rows = csvRows(csv.body());
        JsonNode timeline = trail.get("timeline");
        assertThat(rows).hasSize(timeline.size());
        assertThat(rows.get(0).keySet()).containsExactlyElementsOf(AuditExport.TRAIL_COLUMNS);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            JsonNode entry = timeline.get(i);
            assertThat(row.get("seq")).isEqualTo(entry.get("seq").asText());
            assertThat(row.get("time")).isEqualTo(entry.get("time").asText());
            assertThat(row.get("type")).isEqualTo(entry.get("type").asText());
            assertThat(row.get("user")).isEqualTo(entry.get("user").isNull() ? "" : entry.get("user").asText());
            assertThat(row.get("summary")).isEqualTo(entry.get("summary").asText());
            assertThat(JSON.readTree(row.get("details"))).isEqualTo(entry.get("details"));
        }
        // the comment with its colon and the description with punctuation survive the quoting
        assertThat(rows).anyMatch(row -> row.get("summary").contains(AuditScenario.COMMENT));
    }

    @Test
    void theSearchExportsParseBackToTheSearchResult() throws Exception {
        Http audrey = Http.as(port, "audrey");
        String criteria = "processKey=" + ComplaintProcess.PROCESS_KEY + "&startedFrom=2026-03-02&startedTo=2026-03-02";
        JsonNode page = audrey.get("/api/audit/instances?size=200&" + criteria).json();
        JsonNode json = JSON.readTree(audrey.get("/api/audit/instances/export?format=json&" + criteria).body());
        assertThat(json.get("total")).isEqualTo(page.get("total"));
        assertThat(json.get("items")).isEqualTo(page.get("items"));
        assertThat(json.get("exportedBy").asText()).isEqualTo("audrey");

        List<Map<String, String>> rows = csvRows(audrey.get("/api/audit/instances/export?format=csv&" + criteria).body());
        assertThat(rows).hasSize(page.get("items").size());
        for (int i = 0; i < rows.size(); i++) {
            for (String column : AuditExport.SEARCH_COLUMNS) {
                JsonNode value = page.get("items").get(i).get(column);
                assertThat(rows.get(i).get(column)).as(column).isEqualTo(value == null || value.isNull() ? "" : value.asText());
            }
        }
        assertThat(rows).anyMatch(row -> row.get("id").equals(finished) && row.get("businessKey").equals(reference));
        assertThat(audrey.get("/api/audit/instances/export?format=xml").status()).isEqualTo(400);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    List<String> ids(String query) {
        Http.Response response = Http.as(port, "audrey").get("/api/audit/instances?" + query.replace("*", URLEncoder.encode("*", StandardCharsets.UTF_8)));
        assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    static List<Map<String, String>> csvRows(String csv) throws Exception {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }
}
