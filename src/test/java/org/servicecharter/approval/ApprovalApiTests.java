package org.servicecharter.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicecharter.approval.ApprovalProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.platform.Refused;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /api/approvals}: asking, reading the outcome, deciding, recognising, bad input, and four-eyes through the
 * application's API, the engine REST API (what Tasklist uses) and the Java API.
 */
@ServiceCharterTest
class ApprovalApiTests {

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired ApprovalRequests requests;
    @Autowired JdbcTemplate jdbc;
    @Autowired FilterService filterService;

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    // --- asking and reading --------------------------------------------------------------------------------------

    @Test
    void anEmployeeAsksAndTheRequestWaitsForASupervisor() {
        Http.Response response = Http.as(port, "alice").post("/api/approvals", ask("refund", 200));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        String id = body.get("id").asText();
        assertThat(response.header("Location")).endsWith("/api/approvals/" + id);
        assertThat(body.get("status").asText()).isEqualTo("open");
        assertThat(body.get("requester").asText()).isEqualTo("alice");
        assertThat(body.get("currency").asText()).isEqualTo("EUR");
        assertThat(body.get("requiredTier").asText()).isEqualTo(TIER_SUPERVISOR);
        assertThat(body.get("currentTier").asText()).isEqualTo(TIER_SUPERVISOR);
        assertThat(body.get("offeredTo")).extracting(JsonNode::asText).containsExactly("sam");
        assertThat(body.get("outcome").isNull()).isTrue();

        assertThat(Http.as(port, "alice").get("/api/approvals/" + id).status()).as("the requester").isEqualTo(200);
        assertThat(Http.as(port, "sam").get("/api/approvals/" + id).status()).as("an approver").isEqualTo(200);
        assertThat(Http.as(port, "audrey").get("/api/approvals/" + id).status()).as("an auditor").isEqualTo(200);
        assertThat(Http.as(port, "bob").get("/api/approvals/" + id).status()).as("another agent").isEqualTo(403);
        assertThat(Http.anonymous(port).get("/api/approvals/" + id).status()).isEqualTo(401);
        assertThat(Http.as(port, "alice").get("/api/approvals/AR-2000-NOPE").status()).isEqualTo(404);
    }

    @Test
    void aSmallRefundWithinTheAgentsAuthorityIsApprovedAtOnce() {
        Http.Response response = Http.as(port, "bob").post("/api/approvals", ask("refund", 35.5));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode outcome = response.json().get("outcome");
        assertThat(response.json().get("status").asText()).isEqualTo("approved");
        assertThat(outcome.get("outcome").asText()).isEqualTo("approved");
        assertThat(outcome.get("selfAuthorised").asBoolean()).isTrue();
        assertThat(outcome.get("decidedBy").asText()).isEqualTo("bob");
        assertThat(outcome.get("decidedAtTier").asText()).isEqualTo(TIER_AGENT);
        assertThat(outcome.get("approvedAmount").decimalValue()).isEqualByComparingTo("35.50");
        assertThat(outcome.get("decidedAt").asText()).isNotBlank();
    }

    @Test
    void badInputIsRefusedWithAProblemAndStartsNothing() {
        Http alice = Http.as(port, "alice");
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM approval_request", Integer.class);

        assertThat(errorFields(alice.post("/api/approvals", ask("refund", -10)))).containsExactly("amount");
        assertThat(errorFields(alice.post("/api/approvals", ask("refund", 0)))).containsExactly("amount");
        assertThat(errorFields(alice.post("/api/approvals", ask("refund", 5_000_000)))).containsExactly("amount");
        assertThat(errorFields(alice.post("/api/approvals", ask("refund", 10.123)))).containsExactly("amount");
        assertThat(errorFields(alice.post("/api/approvals", ask("bribe", 10)))).containsExactly("type");
        Map<String, Object> noReason = ask("refund", 10);
        noReason.remove("reason");
        assertThat(errorFields(alice.post("/api/approvals", noReason))).containsExactly("reason");
        assertThat(errorFields(alice.post("/api/approvals", with(ask("refund", 10), "currency", "XXX")))).containsExactly("currency");
        assertThat(errorFields(alice.post("/api/approvals", with(ask("refund", 10), "requester", "ghost")))).containsExactly("requester");
        Http.Response everything = alice.post("/api/approvals", Map.of("amount", -1));
        assertThat(everything.status()).isEqualTo(400);
        assertThat(everything.json().get("title").asText()).isEqualTo("Invalid request");
        assertThat(errorFields(everything)).containsExactlyInAnyOrder("type", "amount", "reason");
        assertThat(alice.postRaw("/api/approvals", "application/json", "{\"type\":\"refund\",\"colour\":\"red\"}").status()).isEqualTo(400);
        assertThat(alice.postRaw("/api/approvals", "application/json", "{\"type\":\"refund\",\"amount\":\"lots\"}").status()).isEqualTo(400);

        Http.Response onBehalf = alice.post("/api/approvals", with(ask("refund", 10), "requester", "bob"));
        assertThat(onBehalf.status()).as("asking in someone else's name").isEqualTo(403);
        assertThat(onBehalf.json().get("detail").asText()).contains("own name");
        assertThat(Http.anonymous(port).post("/api/approvals", ask("refund", 10)).status()).isEqualTo(401);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM approval_request", Integer.class)).isEqualTo(before);
    }

    // --- deciding --------------------------------------------------------------------------------------------------

    @Test
    void theApproverDecidesOnceAndTheRequesterReadsTheOutcome() {
        String id = asked("alice", "refund", 300);

        Http.Response decided = Http.as(port, "sam").post("/api/approvals/" + id + "/decision",
                Map.of("decision", "approve", "approvedAmount", 250, "reason", "The fee was partly ours."));

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonNode outcome = Http.as(port, "alice").get("/api/approvals/" + id).json().get("outcome");
        assertThat(outcome.get("outcome").asText()).isEqualTo("approved");
        assertThat(outcome.get("approvedAmount").decimalValue()).isEqualByComparingTo("250");
        assertThat(outcome.get("decidedBy").asText()).isEqualTo("sam");
        assertThat(outcome.get("decidedAtTier").asText()).isEqualTo(TIER_SUPERVISOR);
        assertThat(outcome.get("reason").asText()).contains("partly ours");
        assertThat(outcome.get("selfAuthorised").asBoolean()).isFalse();

        Http.Response again = Http.as(port, "sam").post("/api/approvals/" + id + "/decision", Map.of("decision", "reject", "reason", "x"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("decided already");
        assertThat(Http.as(port, "sam").post("/api/approvals/AR-2000-NOPE/decision", Map.of("decision", "approve")).status()).isEqualTo(404);
    }

    @Test
    void aBadAnswerIsRefusedAndLeavesTheTaskAsItWas() {
        String id = asked("alice", "refund", 300);
        Http sam = Http.as(port, "sam");

        Http.Response noReason = sam.post("/api/approvals/" + id + "/decision", Map.of("decision", "reject"));
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(errorFields(noReason)).containsExactly(VAR_DECISION_REASON);
        assertThat(errorFields(sam.post("/api/approvals/" + id + "/decision", Map.of("decision", "maybe")))).containsExactly(VAR_DECISION);
        assertThat(errorFields(sam.post("/api/approvals/" + id + "/decision", Map.of("decision", "approve", "approvedAmount", 301))))
                .containsExactly(VAR_APPROVED_AMOUNT);

        JsonNode view = sam.get("/api/approvals/" + id).json();
        assertThat(view.get("status").asText()).isEqualTo("open");
        assertThat(view.get("heldBy").isNull()).as("the claim was rolled back with the refusal").isTrue();
    }

    @Test
    void passingUpThroughTheApiAndTheTopTierCannotPassUp() {
        String id = asked("alice", "refund", 400);

        assertThat(Http.as(port, "sam").post("/api/approvals/" + id + "/decision", Map.of("decision", "pass-up")).status()).isEqualTo(200);
        assertThat(Http.as(port, "sam").get("/api/approvals/" + id).json().get("currentTier").asText()).isEqualTo(TIER_MANAGER);
        assertThat(Http.as(port, "maria").post("/api/approvals/" + id + "/decision", Map.of("decision", "pass-up")).status()).isEqualTo(200);
        Http.Response top = Http.as(port, "henry").post("/api/approvals/" + id + "/decision", Map.of("decision", "pass-up"));
        assertThat(top.status()).isEqualTo(400);
        assertThat(top.json().get("detail").asText()).contains("top tier");
        assertThat(Http.as(port, "henry").post("/api/approvals/" + id + "/decision",
                Map.of("decision", "reject", "reason", "Against the refund policy.")).status()).isEqualTo(200);
        JsonNode outcome = Http.as(port, "alice").get("/api/approvals/" + id).json().get("outcome");
        assertThat(outcome.get("outcome").asText()).isEqualTo("rejected");
        assertThat(outcome.get("decidedAtTier").asText()).isEqualTo(TIER_HEAD_OF_SERVICE);
        assertThat(outcome.get("approvedAmount").isNull()).isTrue();
    }

    // --- four-eyes -----------------------------------------------------------------------------------------------

    @Test
    void theRequesterCannotDecideThroughTheApplicationsApi() {
        String id = asked("alice", "refund", 200);

        Http.Response own = Http.as(port, "alice").post("/api/approvals/" + id + "/decision", Map.of("decision", "approve"));

        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.json().get("title").asText()).isNotBlank();
        assertThat(Http.as(port, "bob").post("/api/approvals/" + id + "/decision", Map.of("decision", "approve")).status())
                .as("an agent without the supervisor's authority").isEqualTo(403);
        JsonNode view = Http.as(port, "alice").get("/api/approvals/" + id).json();
        assertThat(view.get("status").asText()).isEqualTo("open");
        assertThat(view.get("heldBy").isNull()).isTrue();
    }

    @Test
    void theRequesterCannotDecideThroughTheEngineRestApi() {
        String id = asked("alice", "refund", 200);
        String taskId = taskOf(id).getId();

        Http.Response claim = Http.as(port, "alice").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "alice"));
        assertThat(claim.status()).as(claim.body()).isEqualTo(403);
        Http.Response complete = Http.as(port, "alice").post("/engine-rest/task/" + taskId + "/complete", variables("approve"));
        assertThat(complete.status()).as(complete.body()).isEqualTo(403);
        // an administrator hands it to the requester: the four-eyes guard refuses
        Http.Response assign = Http.as(port, "demo").post("/engine-rest/task/" + taskId + "/assignee", Map.of("userId", "alice"));
        assertThat(assign.status()).as(assign.body()).isEqualTo(403);
        assertThat(assign.body()).contains("Four-eyes");
        // an administrator without the tier's authority cannot decide either
        Http.Response adminClaims = Http.as(port, "demo").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "demo"));
        assertThat(adminClaims.status()).as(adminClaims.body()).isEqualTo(403);
        // a candidate who has not claimed it is told to claim it
        Http.Response unclaimed = Http.as(port, "sam").post("/engine-rest/task/" + taskId + "/complete", variables("approve"));
        assertThat(unclaimed.status()).as(unclaimed.body()).isEqualTo(403);
        assertThat(unclaimed.body()).contains("Claim");
        assertThat(taskOf(id).getAssignee()).isNull();

        // the approver does it as Tasklist does: claim, then complete the form
        assertThat(Http.as(port, "sam").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "sam")).status()).isEqualTo(204);
        Http.Response badForm = Http.as(port, "sam").post("/engine-rest/task/" + taskId + "/submit-form", variables("reject"));
        assertThat(badForm.status()).as(badForm.body()).isEqualTo(400);
        Http.Response done = Http.as(port, "sam").post("/engine-rest/task/" + taskId + "/submit-form", variables("approve"));
        assertThat(done.status()).as(done.body()).isIn(200, 204);
        assertThat(Http.as(port, "alice").get("/api/approvals/" + id).json().get("outcome").get("decidedBy").asText()).isEqualTo("sam");
    }

    @Test
    void theRequesterIsTheRegistersNotTheVariables() {
        // maria asks; as a manager she holds the supervisors' tier's authority, so only four-eyes keeps her out
        String id = asked("maria", "refund", 200);
        Task task = taskOf(id);
        // an administrator rewrites who asked and who is excluded (variables), then hands maria her own request
        runtimeService.setVariable(task.getProcessInstanceId(), VAR_REQUESTER, "bob");
        runtimeService.setVariable(task.getProcessInstanceId(), VAR_EXCLUDED_APPROVERS, "bob");

        Http.Response assign = Http.as(port, "demo").post("/engine-rest/task/" + task.getId() + "/assignee", Map.of("userId", "maria"));
        assertThat(assign.status()).as(assign.body()).isEqualTo(403);
        Http.Response claim = Http.as(port, "maria").post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "maria"));
        assertThat(claim.status()).as(claim.body()).isEqualTo(403);
        Http.Response complete = Http.as(port, "maria").post("/engine-rest/task/" + task.getId() + "/complete", variables("approve"));
        assertThat(complete.status()).as(complete.body()).isEqualTo(403);
        assertThat(taskOf(id).getAssignee()).isNull();
        assertThat(Http.as(port, "maria").get("/api/approvals/" + id).json().get("status").asText()).isEqualTo("open");
    }

    @Test
    void theRequesterCannotDecideThroughTheJavaApi() {
        String id = asked("alice", "refund", 200);
        String taskId = taskOf(id).getId();

        loginAs("alice");
        assertThatThrownBy(() -> requests.decide(id, new ApprovalRequests.Answer("approve", null, null, null, null)))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        identityService.clearAuthentication();
        assertThatThrownBy(() -> taskService.claim(taskId, "alice")).hasRootCauseInstanceOf(Refused.class);
        assertThat(taskOf(id).getAssignee()).isNull();
    }

    @Test
    void decidingATaskSomeoneElseHoldsIsAConflict() {
        String id = asked("hana", "refund", 20); // HR has no agent's authority: any agent but hana decides
        String taskId = taskOf(id).getId();
        assertThat(Http.as(port, "alice").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);

        Http.Response bob = Http.as(port, "bob").post("/api/approvals/" + id + "/decision", Map.of("decision", "approve"));

        assertThat(bob.status()).as(bob.body()).isEqualTo(409);
        assertThat(bob.json().get("detail").asText()).contains("held by alice");
        Http.Response alice = Http.as(port, "alice").post("/api/approvals/" + id + "/decision", Map.of("decision", "approve"));
        assertThat(alice.status()).as(alice.body()).isEqualTo(200);
    }

    // --- recognition -------------------------------------------------------------------------------------------

    @Test
    void anApproverRecognisesAnApprovedDecisionOnceAndItLandsInTheEmployeeFile() {
        String id = asked("alice", "goodwill", 120);
        assertThat(Http.as(port, "sam").post("/api/approvals/" + id + "/recognition", Map.of("note", "early")).status())
                .as("not decided yet").isEqualTo(409);
        assertThat(Http.as(port, "sam").post("/api/approvals/" + id + "/decision", Map.of("decision", "approve")).status()).isEqualTo(200);

        assertThat(Http.as(port, "alice").post("/api/approvals/" + id + "/recognition", Map.of("note", "me")).status())
                .as("the requester herself").isEqualTo(403);
        assertThat(Http.as(port, "bob").post("/api/approvals/" + id + "/recognition", Map.of("note", "x")).status())
                .as("a colleague without an approver's authority").isEqualTo(403);
        Http.Response recognised = Http.as(port, "maria").post("/api/approvals/" + id + "/recognition",
                Map.of("note", "Turned an angry customer into a loyal one."));
        assertThat(recognised.status()).as(recognised.body()).isEqualTo(201);
        assertThat(recognised.json().get("recordType").asText()).isEqualTo(RECORD_RECOGNITION);
        assertThat(recognised.json().get("employeeId").asText()).isEqualTo("alice");
        assertThat(recognised.json().get("recordedBy").asText()).isEqualTo("maria");
        assertThat(Http.as(port, "sam").post("/api/approvals/" + id + "/recognition", Map.of()).status()).as("once").isEqualTo(409);

        JsonNode file = Http.as(port, "alice").get("/api/employees/alice/file").json().get("entries");
        assertThat(file).anySatisfy(entry -> {
            assertThat(entry.get("recordType").asText()).isEqualTo(RECORD_RECOGNITION);
            assertThat(entry.get("subjectReference").asText()).isEqualTo(id);
        });
        JsonNode recognition = Http.as(port, "alice").get("/api/approvals/" + id).json().get("recognition");
        assertThat(recognition.get("recognisedBy").asText()).isEqualTo("maria");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_outbox WHERE recipient_user = 'alice' AND reference = ? AND subject LIKE 'Well done%'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void theRecognitionStatesTheApprovedAmountNotTheRequestedOne() {
        String id = asked("alice", "goodwill", 120);
        assertThat(Http.as(port, "sam").post("/api/approvals/" + id + "/decision", Map.of("decision", "approve",
                "approvedAmount", 100)).status()).isEqualTo(200);
        Http.Response recognised = Http.as(port, "maria").post("/api/approvals/" + id + "/recognition", Map.of("note", "Fair."));
        assertThat(recognised.status()).as(recognised.body()).isEqualTo(201);
        assertThat(recognised.json().get("summary").asText()).contains("goodwill of 100.00 EUR").doesNotContain("120");
        assertThat(jdbc.queryForObject("SELECT body_text FROM message_outbox WHERE recipient_user = 'alice' AND reference = ?"
                + " AND template = 'recognition'", String.class, id)).contains("goodwill of 100.00 EUR").doesNotContain("120");
    }

    @Test
    void recognitionInTheApproversAnswer() {
        String id = asked("bob", "credit", 400);
        Http.Response decided = Http.as(port, "sam").post("/api/approvals/" + id + "/decision",
                Map.of("decision", "approve", "recognise", true, "recognitionNote", "Well argued."));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("recognition").get("recognisedBy").asText()).isEqualTo("sam");
        assertThat(decided.json().get("recognition").get("note").asText()).isEqualTo("Well argued.");
    }

    @Test
    void theApproverFindsTheRequestInTasklistsOfferedToMeFilterAndTheRequesterDoesNot() {
        String id = asked("alice", "refund", 210);
        String taskId = taskOf(id).getId();
        String filter = filterService.createFilterQuery().filterName("Offered to me").singleResult().getId();

        List<Map<String, Object>> sams = Http.as(port, "sam").get("/engine-rest/filter/" + filter + "/list?maxResults=200").list();
        List<Map<String, Object>> alices = Http.as(port, "alice").get("/engine-rest/filter/" + filter + "/list?maxResults=200").list();

        assertThat(sams).extracting(task -> task.get("id")).contains(taskId);
        assertThat(alices).extracting(task -> task.get("id")).doesNotContain(taskId);
    }

    // --- Tasklist's start form -----------------------------------------------------------------------------------

    @Test
    void tasklistsStartFormAsksInTheLoggedInUsersNameOnly() {
        String submit = "/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form";
        Map<String, Object> form = Map.of("variables", Map.of(
                "requestType", Map.of("value", "goodwill"),
                "amount", Map.of("value", 60),
                "currency", Map.of("value", "EUR"),
                "reason", Map.of("value", "Third late delivery this year.")));

        Http.Response started = Http.as(port, "alice").post(submit, form);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String id = started.json().get("businessKey").asText();
        JsonNode view = Http.as(port, "alice").get("/api/approvals/" + id).json();
        assertThat(view.get("requester").asText()).isEqualTo("alice");
        assertThat(view.get("currentTier").asText()).isEqualTo(TIER_SUPERVISOR);

        Map<String, Object> asBob = Map.of("variables", Map.of(
                "requestType", Map.of("value", "goodwill"), "amount", Map.of("value", 20),
                "reason", Map.of("value", "x"), "requester", Map.of("value", "bob")));
        Http.Response refused = Http.as(port, "alice").post(submit, asBob);
        // the same answer as the API's (one start gate): asking in someone else's name is refused to the person
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).isEqualTo("You ask in your own name only; alice cannot ask on behalf of bob.");
        Http.Response negative = Http.as(port, "alice").post(submit, Map.of("variables", Map.of(
                "requestType", Map.of("value", "refund"), "amount", Map.of("value", -3), "reason", Map.of("value", "x"))));
        assertThat(negative.status()).as(negative.body()).isEqualTo(400);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static Map<String, Object> ask(String type, double amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("amount", amount);
        body.put("currency", "EUR");
        body.put("reason", "The customer was charged twice for the same order.");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private String asked(String requester, String type, double amount) {
        Http.Response response = Http.as(port, requester).post("/api/approvals", ask(type, amount));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static Map<String, Object> variables(String decision) {
        return Map.of("variables", Map.of("decision", Map.of("value", decision)));
    }

    private Task taskOf(String id) {
        return taskService.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(DECIDE_REQUEST).singleResult();
    }

    private void loginAs(String user) {
        identityService.setAuthentication(user,
                identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    }

    private static List<String> errorFields(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
