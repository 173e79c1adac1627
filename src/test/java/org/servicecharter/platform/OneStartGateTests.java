package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.approval.ApprovalProcess;
import org.servicecharter.complaint.ComplaintProcess;
import org.servicecharter.correctiveaction.CorrectiveActionProcess;
import org.servicecharter.handbook.HandbookProcess;
import org.servicecharter.planreview.PlanReviewProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One start gate per model (issue 16 point 3): a model's start input is checked once, by the model's first step, which
 * the application's API and Tasklist's start form ({@code /engine-rest/process-definition/key/<key>/submit-form}) both
 * go through. So the same bad input gets the same answer through both doors — status, title, sentence and fields —
 * and starts nothing. (Complaint correction has one door, its start form.)
 */
@ServiceCharterTest
class OneStartGateTests {

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;

    @Test
    void complaintHandling() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put(ComplaintProcess.VAR_CUSTOMER_NAME, " ");
        bad.put(ComplaintProcess.VAR_CHANNEL, "email");
        bad.put(ComplaintProcess.VAR_CATEGORY, "delivery");
        bad.put(ComplaintProcess.VAR_DESCRIPTION, "The parcel arrived broken.");
        bad.put(ComplaintProcess.VAR_ABOUT_EMPLOYEE, "nosuchperson");

        sameAnswer(ComplaintProcess.PROCESS_KEY, "alice", "/api/complaints", bad, bad,
                ComplaintProcess.VAR_CUSTOMER_NAME, ComplaintProcess.VAR_CUSTOMER_EMAIL, ComplaintProcess.VAR_ABOUT_EMPLOYEE);
    }

    @Test
    void decisionApproval() {
        Map<String, Object> api = Map.of("type", "refund", "amount", -1, "currency", "EUR", "reason", " ");
        Map<String, Object> form = Map.of(ApprovalProcess.VAR_TYPE, "refund", ApprovalProcess.VAR_AMOUNT, -1,
                ApprovalProcess.VAR_CURRENCY, "EUR", ApprovalProcess.VAR_REASON, " ");

        JsonNode answer = sameAnswer(ApprovalProcess.PROCESS_KEY, "alice", "/api/approvals", api, form, "amount", "reason");
        assertThat(answer.get("message").asText()).startsWith("The request cannot be started: amount must be above zero");
    }

    @Test
    void handbookSignoff() {
        Map<String, Object> api = Map.of("version", "not a label!", "documentSha256", "not-a-hash", "rules",
                "Apologise first.", "deadline", "2001-01-01");
        Map<String, Object> form = Map.of(HandbookProcess.VAR_VERSION, "not a label!", HandbookProcess.VAR_DOCUMENT_SHA256,
                "not-a-hash", HandbookProcess.VAR_RULES, "Apologise first.", HandbookProcess.VAR_DEADLINE, "2001-01-01");

        JsonNode answer = sameAnswer(HandbookProcess.PROCESS_KEY, "olga", "/api/handbooks", api, form,
                "version", "title", "deadline", "documentSha256", "documentUrl");
        assertThat(answer.get("message").asText()).startsWith("The handbook version cannot be published: version ");
    }

    @Test
    void correctiveAction() {
        Map<String, Object> api = Map.of("employee", "nosuchperson", "concern", " ");
        Map<String, Object> form = Map.of(CorrectiveActionProcess.VAR_EMPLOYEE, "nosuchperson", CorrectiveActionProcess.VAR_CONCERN, " ");

        JsonNode answer = sameAnswer(CorrectiveActionProcess.PROCESS_KEY, "sam", "/api/corrective-actions", api, form,
                CorrectiveActionProcess.VAR_EMPLOYEE, CorrectiveActionProcess.VAR_CONCERN);
        assertThat(answer.get("message").asText()).isEqualTo("The case cannot be opened: employee is not an employee: there is no"
                + " user nosuchperson; concern is required: the behaviour or complaint the case is about.");
    }

    @Test
    void planReview() {
        sameAnswer(PlanReviewProcess.PROCESS_KEY, "maria", "/api/plan-reviews", Map.of("period", "2026-Q5"),
                Map.of(PlanReviewProcess.VAR_PERIOD, "2026-Q5"), "period");
    }

    /**
     * Sends the bad input through the API and through Tasklist's start form; both answer 400 with the same title,
     * sentence and fields (exactly {@code fields}, in that order), and no instance is started. Returns the answer.
     */
    private JsonNode sameAnswer(String key, String user, String apiPath, Map<String, Object> apiBody, Map<String, Object> formValues,
            String... fields) {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count();
        Http.Response api = Http.as(port, user).post(apiPath, apiBody);
        Map<String, Object> variables = new LinkedHashMap<>();
        formValues.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        Http.Response tasklist = Http.as(port, user).post("/engine-rest/process-definition/key/" + key + "/submit-form",
                Map.of("variables", variables));

        for (Http.Response response : List.of(api, tasklist)) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            List<String> named = new java.util.ArrayList<>();
            response.json().get("errors").forEach(error -> named.add(error.get("field").asText()));
            assertThat(named).as(response.body()).containsExactly(fields);
        }
        for (String field : OneWayToRefuseTests.REFUSAL) {
            assertThat(tasklist.json().get(field)).as(field + ": " + api.body() + " / " + tasklist.body()).isEqualTo(api.json().get(field));
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count()).as("nothing started").isEqualTo(before);
        return api.json();
    }
}
