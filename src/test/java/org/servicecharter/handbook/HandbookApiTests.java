package org.servicecharter.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.handbook.HandbookFixtures.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /api/handbooks}: publishing, bad input, signing and declining through the API, the status report. */
@ServiceCharterTest
class HandbookApiTests {

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;

    // --- publishing --------------------------------------------------------------------------------------------

    @Test
    void aProcessOwnerPublishesAVersionWithALinkAndEveryEmployeeGetsTheirTask() {
        String version = uniqueVersion();
        Document document = document();

        Http.Response response = Http.as(port, "olga").post("/api/handbooks", publishRequest(version, document, inDays(30)));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.header("Location")).endsWith("/api/handbooks/" + version);
        JsonNode body = response.json();
        assertThat(body.get("version").asText()).isEqualTo(version);
        assertThat(body.get("documentSha256").asText()).isEqualTo(document.sha256());
        assertThat(body.get("publishedBy").asText()).isEqualTo("olga");
        assertThat(body.get("state").asText()).as("nobody signs before the head of service approves").isEqualTo("awaiting-approval");
        assertThat(signTask(version, "alice")).isNull();

        approve(processEngine, version);

        JsonNode approved = Http.as(port, "alice").get("/api/handbooks/" + version).json();
        assertThat(approved.get("state").asText()).isEqualTo("in-force");
        assertThat(approved.get("approvedBy").asText()).isEqualTo(APPROVER);
        assertThat(approved.get("approvedAt").isNull()).isFalse();
        for (String employee : DEMO_EMPLOYEES) {
            assertThat(signTask(version, employee)).as("task of %s", employee).isNotNull();
        }
        assertThat(Http.as(port, "alice").get("/api/handbooks/" + version).json().get("rules").asText()).contains("Apologise");
    }

    @Test
    void aProcessOwnerPublishesAnUploadedDocumentWhichTheApplicationStoresAndHashes() {
        String version = uniqueVersion();
        String content = "%PDF-1.4\n% Handbook " + version + ": greet every customer with a smile.\n%%EOF\n";
        String sha = HandbookDocuments.sha256(content.getBytes(StandardCharsets.UTF_8));

        Http.Response response = Http.as(port, "olga").multipart("/api/handbooks",
                Map.of("version", version, "title", "Handbook " + version, "rules", "Smile.", "deadline", inDays(20)),
                Map.of("document", content));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("documentSha256").asText()).isEqualTo(sha);
        assertThat(response.json().get("documentUrl").asText()).isEqualTo("/api/handbooks/" + version + "/document");
        Http.Response download = Http.as(port, "bob").get("/api/handbooks/" + version + "/document");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.header("X-Content-SHA256")).isEqualTo(sha);
        approve(processEngine, version);
        Task task = signTask(version, "bob");
        assertThat(taskService.getVariable(task.getId(), HandbookProcess.VAR_DOCUMENT_SHA256)).isEqualTo(sha);
    }

    @Test
    void anUploadWhoseDeclaredHashDiffersIsRefused() {
        String version = uniqueVersion();
        Http.Response response = Http.as(port, "olga").multipart("/api/handbooks",
                Map.of("version", version, "title", "Handbook", "rules", "Smile.", "deadline", inDays(20),
                        "documentSha256", HandbookDocuments.sha256("something else".getBytes())),
                Map.of("document", "%PDF-1.4\n% the real handbook\n%%EOF\n"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("documentSha256");
        assertThat(Http.as(port, "olga").get("/api/handbooks/" + version).status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedWithEveryFieldNamedAndNothingStarted() {
        String version = uniqueVersion();
        Document document = document();
        Http olga = Http.as(port, "olga");

        Map<String, Object> pastDeadline = publishRequest(version, document, "2020-01-01");
        Http.Response past = olga.post("/api/handbooks", pastDeadline);
        assertThat(past.status()).isEqualTo(400);
        assertThat(errorFields(past)).containsExactly("deadline");

        Map<String, Object> wrongHash = publishRequest(version, document, inDays(10));
        wrongHash.put("documentSha256", HandbookDocuments.sha256("a different document".getBytes()));
        Http.Response mismatch = olga.post("/api/handbooks", wrongHash);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(errorFields(mismatch)).containsExactly("documentSha256");
        assertThat(mismatch.json().get("detail").asText()).contains("does not match");

        Map<String, Object> unreachable = publishRequest(version, document, inDays(10));
        unreachable.put("documentUrl", document.url() + ".missing");
        assertThat(errorFields(olga.post("/api/handbooks", unreachable))).containsExactly("documentUrl");

        Http.Response empty = olga.post("/api/handbooks", Map.of("version", "no spaces allowed", "documentUrl", "ftp://x"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(errorFields(empty)).contains("version", "title", "rules", "deadline", "documentUrl")
                .as("with a link the server computes the hash").doesNotContain("documentSha256");

        Http.Response unknownField = olga.postRaw("/api/handbooks", "application/json", "{\"version\":\"x\",\"colour\":\"red\"}");
        assertThat(unknownField.status()).isEqualTo(400);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(version).count()).isZero();
        assertThat(olga.get("/api/handbooks/" + version).status()).isEqualTo(404);
    }

    @Test
    void aLinkWithoutItsHashIsFetchedOnceAndEmployeesSignTheCopyTheServerChecked() {
        String version = uniqueVersion();
        Document document = document();
        Map<String, Object> request = publishRequest(version, document, inDays(10));
        request.remove("documentSha256");
        Http.Response published = Http.as(port, "olga").post("/api/handbooks", request);
        assertThat(published.status()).as(published.body()).isEqualTo(201);

        JsonNode read = Http.as(port, "olga").get("/api/handbooks/" + version).json();
        assertThat(read.get("documentSha256").asText()).as("computed from what the link served").isEqualTo(document.sha256());
        assertThat(read.get("documentUrl").asText()).as("the stored copy, not the link").isEqualTo("/api/handbooks/" + version + "/document");
        Http.Response copy = Http.as(port, "alice").get("/api/handbooks/" + version + "/document");
        assertThat(copy.status()).isEqualTo(200);
        assertThat(copy.body()).isEqualTo(new String(document.content(), StandardCharsets.UTF_8));
    }

    @Test
    void aVersionLabelThatExistsIsAConflict() {
        String version = uniqueVersion();
        Http olga = Http.as(port, "olga");
        assertThat(olga.post("/api/handbooks", publishRequest(version, document(), inDays(10))).status()).isEqualTo(201);
        Http.Response again = olga.post("/api/handbooks", publishRequest(version, document(), inDays(20)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("exists already");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM handbook_version WHERE version = ?", Integer.class, version)).isEqualTo(1);
    }

    @Test
    void onlyProcessOwnersPublish() {
        Http.Response byAgent = Http.as(port, "alice").post("/api/handbooks", publishRequest(uniqueVersion(), document(), inDays(10)));
        assertThat(byAgent.status()).isEqualTo(403);
        Http.Response byHr = Http.as(port, "hana").post("/api/handbooks", publishRequest(uniqueVersion(), document(), inDays(10)));
        assertThat(byHr.status()).isEqualTo(403);
        assertThat(Http.anonymous(port).post("/api/handbooks", publishRequest(uniqueVersion(), document(), inDays(10))).status()).isEqualTo(401);
    }

    @Test
    void tasklistsStartFormPublishesThroughTheEngineRestApiAndBadInputIsA400() {
        String version = uniqueVersion();
        Document document = document();
        Map<String, Object> form = Map.of("variables", Map.of(
                "handbookVersion", Map.of("value", version),
                "handbookTitle", Map.of("value", "Handbook " + version),
                "documentUrl", Map.of("value", document.url()),
                "documentSha256", Map.of("value", document.sha256()),
                "handbookRules", Map.of("value", "Never argue with a customer."),
                "signOffDeadline", Map.of("value", inDays(14))));
        Map<String, Object> wrongHash = Map.of("variables", Map.of(
                "handbookVersion", Map.of("value", version),
                "handbookTitle", Map.of("value", "Handbook " + version),
                "documentUrl", Map.of("value", document.url()),
                "documentSha256", Map.of("value", HandbookDocuments.sha256("not it".getBytes())),
                "handbookRules", Map.of("value", "Never argue with a customer."),
                "signOffDeadline", Map.of("value", inDays(14))));
        String submit = "/engine-rest/process-definition/key/" + HandbookProcess.PROCESS_KEY + "/submit-form";

        Http.Response refused = Http.as(port, "olga").post(submit, wrongHash);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("does not match");
        assertThat(Http.as(port, "alice").post(submit, form).status()).as("agents do not even see the definition").isIn(403, 404);

        Http.Response started = Http.as(port, "olga").post(submit, form);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("businessKey").asText()).isEqualTo(version);
        assertThat(Http.as(port, "olga").post(submit, form).status()).as("the same label again: a conflict, as through /api").isEqualTo(409);
        assertThat(signTask(version, "alice")).as("awaiting approval").isNull();
        approve(processEngine, version);
        assertThat(signTask(version, "alice")).isNotNull();
    }

    // --- signing -----------------------------------------------------------------------------------------------

    @Test
    void anEmployeeSignsOnceThroughTheApi() {
        String version = published(inDays(30));
        Http alice = Http.as(port, "alice");

        Http.Response signed = alice.post("/api/handbooks/" + version + "/sign-off", Map.of("decision", "sign", "acknowledged", true));

        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        assertThat(signed.json().get("employeeId").asText()).isEqualTo("alice");
        assertThat(signed.json().get("recordedBy").asText()).isEqualTo("alice");
        assertThat(signed.json().get("subjectReference").asText()).isEqualTo(version);
        assertThat(signed.json().get("recordType").asText()).isEqualTo(HandbookProcess.RECORD_HANDBOOK_ACKNOWLEDGEMENT);

        Http.Response twice = alice.post("/api/handbooks/" + version + "/sign-off", Map.of("decision", "sign", "acknowledged", true));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(countAnswers(version, "alice")).isEqualTo(1);
    }

    @Test
    void badAnswersAndUnknownVersionsAreRefused() {
        String version = published(inDays(30));
        Http bob = Http.as(port, "bob");

        assertThat(bob.post("/api/handbooks/" + version + "/sign-off", Map.of("decision", "sign")).status()).isEqualTo(400);
        assertThat(bob.post("/api/handbooks/" + version + "/sign-off", Map.of("decision", "decline")).status()).isEqualTo(400);
        assertThat(bob.post("/api/handbooks/" + version + "/sign-off", Map.of("decision", "maybe")).status()).isEqualTo(400);
        assertThat(bob.post("/api/handbooks/no-such-version/sign-off", Map.of("decision", "sign", "acknowledged", true)).status()).isEqualTo(404);
        assertThat(bob.get("/api/handbooks/no-such-version").status()).isEqualTo(404);
        assertThat(Http.as(port, "hana").get("/api/handbooks/no-such-version/status").status()).isEqualTo(404);
        assertThat(Http.as(port, "demo").post("/api/handbooks/" + version + "/sign-off", Map.of("decision", "sign", "acknowledged", true)).status())
                .as("demo is not an employee: no sign-off").isEqualTo(404);
        assertThat(countAnswers(version, "bob")).isZero();
    }

    @Test
    void nobodySignsSomeoneElsesTaskThroughTheEngineRestApiEither() {
        String version = published(inDays(30));
        Task alices = signTask(version, "alice");
        Map<String, Object> signature = Map.of("variables", Map.of(
                "decision", Map.of("value", "sign"), "acknowledged", Map.of("value", true)));

        // a colleague is not even allowed to see it
        assertThat(Http.as(port, "bob").post("/engine-rest/task/" + alices.getId() + "/complete", signature).status()).isEqualTo(403);
        // an administrator may complete any task, but not sign in alice's name: the signature guard refuses
        Http.Response byAdmin = Http.as(port, "demo").post("/engine-rest/task/" + alices.getId() + "/complete", signature);
        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(byAdmin.body()).contains("Only alice can sign");
        assertThat(countAnswers(version, "alice")).isZero();

        // alice herself, as Tasklist does it
        Http.Response byAlice = Http.as(port, "alice").post("/engine-rest/task/" + alices.getId() + "/submit-form", signature);
        assertThat(byAlice.status()).as(byAlice.body()).isEqualTo(204);
        assertThat(countAnswers(version, "alice")).isEqualTo(1);
        // and the task is gone: a second signature is refused and nothing is written twice
        Http.Response twice = Http.as(port, "alice").post("/engine-rest/task/" + alices.getId() + "/complete", signature);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("message").asText()).contains("already been completed");
        assertThat(countAnswers(version, "alice")).isEqualTo(1);
    }

    @Test
    void declineNeedsAReasonAndIsRecorded() {
        String version = published(inDays(30));
        Http.Response declined = Http.as(port, "bob").post("/api/handbooks/" + version + "/sign-off",
                Map.of("decision", "decline", "reason", "The refund rule contradicts policy P-7."));
        assertThat(declined.status()).as(declined.body()).isEqualTo(201);
        assertThat(declined.json().get("recordType").asText()).isEqualTo(HandbookProcess.RECORD_HANDBOOK_DECLINED);
        assertThat(declined.json().get("details").asText()).contains("policy P-7");
        assertThat(Http.as(port, "bob").post("/api/handbooks/" + version + "/sign-off", Map.of("decision", "sign", "acknowledged", true)).status())
                .isEqualTo(409);
    }

    @Test
    void nobodySignsAVersionAwaitingApprovalOrSentBackAndTheStatusSaysWhy() {
        String version = uniqueVersion();
        assertThat(Http.as(port, "olga").post("/api/handbooks", publishRequest(version, document(), inDays(30))).status()).isEqualTo(201);

        Http.Response early = Http.as(port, "alice").post("/api/handbooks/" + version + "/sign-off", Map.of("decision", "sign", "acknowledged", true));
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.body()).contains("before the head of service approves it");
        assertThat(Http.as(port, "hana").get("/api/handbooks/" + version + "/status").json().get("state").asText()).isEqualTo("awaiting-approval");

        sendBack(processEngine, version, "Rule 3 is missing.");

        JsonNode sentBack = Http.as(port, "hana").get("/api/handbooks/" + version).json();
        assertThat(sentBack.get("state").asText()).isEqualTo("sent-back");
        assertThat(sentBack.get("sentBackBy").asText()).isEqualTo(APPROVER);
        assertThat(sentBack.get("sentBackReason").asText()).isEqualTo("Rule 3 is missing.");
        JsonNode status = Http.as(port, "hana").get("/api/handbooks/" + version + "/status").json();
        assertThat(status.get("state").asText()).isEqualTo("sent-back");
        assertThat(status.get("sentBackReason").asText()).isEqualTo("Rule 3 is missing.");
        assertThat(status.get("employees")).isEmpty();
        assertThat(Http.as(port, "alice").post("/api/handbooks/" + version + "/sign-off", Map.of("decision", "sign", "acknowledged", true)).status())
                .isEqualTo(409);
    }

    @Test
    void anEmployeeWhoDeclinedAndWillSignAfterTheConversationSignsTheSameVersionThroughTheApi() {
        String version = published(inDays(30));
        Http.Response declined = Http.as(port, "bob").post("/api/handbooks/" + version + "/sign-off",
                Map.of("decision", "decline", "reason", "Rule 1 is unclear."));
        assertThat(declined.status()).as(declined.body()).isEqualTo(201);
        Task discuss = taskService.createTaskQuery().processInstanceBusinessKey(HandbookProcess.businessKey(version, "bob"))
                .taskDefinitionKey(HandbookProcess.DISCUSS_DECLINED).singleResult();
        processEngine.getIdentityService().setAuthentication("sam", List.of("supervisors", "employees"));
        try {
            taskService.complete(discuss.getId(), Map.of(HandbookProcess.VAR_CONVERSATION_OUTCOME, HandbookProcess.OUTCOME_WILL_SIGN,
                    HandbookProcess.VAR_CONVERSATION_NOTE, "Explained rule 1."));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        assertThat(statusOf(Http.as(port, "hana").get("/api/handbooks/" + version + "/status").json(), "bob")).isEqualTo("pending");

        Http.Response signed = Http.as(port, "bob").post("/api/handbooks/" + version + "/sign-off", Map.of("decision", "sign", "acknowledged", true));

        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        assertThat(signed.json().get("recordType").asText()).isEqualTo(HandbookProcess.RECORD_HANDBOOK_ACKNOWLEDGEMENT);
        assertThat(statusOf(Http.as(port, "hana").get("/api/handbooks/" + version + "/status").json(), "bob")).isEqualTo("signed");
        List<String> file = java.util.stream.StreamSupport.stream(Http.as(port, "bob").get("/api/employees/bob/file").json().get("entries").spliterator(), false)
                .filter(e -> version.equals(e.path("subjectReference").asText())).map(e -> e.get("recordType").asText()).toList();
        assertThat(file).containsExactly(HandbookProcess.RECORD_HANDBOOK_DECLINED, HandbookProcess.RECORD_HANDBOOK_WILL_SIGN,
                HandbookProcess.RECORD_HANDBOOK_ACKNOWLEDGEMENT);
    }

    @Test
    void signingASupersededVersionIsGone() {
        String older = published(inDays(30));
        published(inDays(30));
        assertThat(Http.as(port, "alice").post("/api/handbooks/" + older + "/sign-off", Map.of("decision", "sign", "acknowledged", true)).status())
                .isEqualTo(410);
    }

    // --- status ------------------------------------------------------------------------------------------------

    @Test
    void processOwnersHrAndAuditorsSeeTheStatusPerEmployee() {
        String version = published(inDays(30));
        Http.as(port, "alice").post("/api/handbooks/" + version + "/sign-off", Map.of("decision", "sign", "acknowledged", true));
        Http.as(port, "bob").post("/api/handbooks/" + version + "/sign-off", Map.of("decision", "decline", "reason", "Not now."));
        String samsSignOff = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(HandbookProcess.businessKey(version, "sam"))
                .singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(samsSignOff)
                .activityId(HandbookProcess.DEADLINE_PASSED).singleResult().getId());

        for (String reader : List.of("olga", "hana", "audrey")) {
            Http.Response response = Http.as(port, reader).get("/api/handbooks/" + version + "/status");
            assertThat(response.status()).as(reader).isEqualTo(200);
            JsonNode status = response.json();
            assertThat(status.get("state").asText()).isEqualTo("in-force");
            assertThat(statusOf(status, "alice")).isEqualTo("signed");
            assertThat(statusOf(status, "bob")).isEqualTo("declined");
            assertThat(statusOf(status, "sam")).isEqualTo("overdue");
            assertThat(statusOf(status, "maria")).isEqualTo("pending");
            JsonNode counts = status.get("counts");
            assertThat(counts.get("signed").asInt()).isEqualTo(1);
            assertThat(counts.get("declined").asInt()).isEqualTo(1);
            assertThat(counts.get("overdue").asInt()).isEqualTo(1);
            assertThat(counts.get("pending").asInt()).isEqualTo(status.get("employees").size() - 3);
        }
        for (String other : List.of("alice", "sam", "maria")) {
            assertThat(Http.as(port, other).get("/api/handbooks/" + version + "/status").status()).as(other).isEqualTo(403);
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private String published(String deadline) {
        String version = uniqueVersion();
        Http.Response response = Http.as(port, "olga").post("/api/handbooks", publishRequest(version, document(), deadline));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        approve(processEngine, version);
        return version;
    }

    private Task signTask(String version, String employee) {
        return taskService.createTaskQuery().processInstanceBusinessKey(HandbookProcess.businessKey(version, employee))
                .taskDefinitionKey(HandbookProcess.SIGN_HANDBOOK).singleResult();
    }

    private int countAnswers(String version, String employee) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM employee_file_entry WHERE unique_key = ?", Integer.class,
                HandbookProcess.answerKey(version, employee));
    }

    private static List<String> errorFields(Http.Response response) {
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        return java.util.stream.StreamSupport.stream(errors.spliterator(), false).map(e -> e.get("field").asText()).toList();
    }

    private static String statusOf(JsonNode status, String employee) {
        for (JsonNode e : status.get("employees")) {
            if (e.get("employee").asText().equals(employee)) {
                return e.get("status").asText();
            }
        }
        throw new AssertionError("no " + employee + " in " + status);
    }
}
