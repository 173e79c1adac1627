package org.servicecharter.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.WebappSession;
import org.servicecharter.approval.ApprovalProcess;
import org.servicecharter.correctiveaction.CorrectiveActionProcess;
import org.servicecharter.handbook.HandbookProcess;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Errors in words (issue 18 point 5): a form refused in Tasklist names each field by the form's own label ("Amount",
 * "What you observed"), never by its variable; the engine REST API, which programs call, keeps the variables' names.
 * Through the same door Tasklist uses: the web apps' engine API with the session and its CSRF token.
 */
@ServiceCharterTest
class FormErrorsInWordsTests {

    static final String TASKLIST = "/camunda/api/engine/engine/default";

    @LocalServerPort int port;

    @Test
    void aRefusedStartFormNamesTheFieldsAsTheFormDoes() throws Exception {
        Map<String, Object> form = Map.of(ApprovalProcess.VAR_TYPE, "refund", ApprovalProcess.VAR_AMOUNT, -1,
                ApprovalProcess.VAR_CURRENCY, "EUR", ApprovalProcess.VAR_REASON, " ");

        JsonNode tasklist = submitInTasklist("alice", ApprovalProcess.PROCESS_KEY, form);
        assertThat(tasklist.get("message").asText()).startsWith("The request cannot be started: Amount must be above zero")
                .contains("; Reason ").doesNotContain("amount", "reason ");
        assertThat(tasklist.get("errors").findValuesAsText("label")).containsExactly("Amount", "Reason");
        assertThat(tasklist.get("errors").findValuesAsText("field")).as("programs still get the names").containsExactly("amount", "reason");

        Http.Response api = submitOverEngineRest("alice", ApprovalProcess.PROCESS_KEY, form);
        assertThat(api.json().get("message").asText()).startsWith("The request cannot be started: amount must be above zero");
    }

    @Test
    void aFeaturesPrefixedVariablesStillFindTheirLabels() throws Exception {
        JsonNode corrective = submitInTasklist("sam", CorrectiveActionProcess.PROCESS_KEY,
                Map.of(CorrectiveActionProcess.VAR_EMPLOYEE, "nosuchperson", CorrectiveActionProcess.VAR_CONCERN, " "));
        assertThat(corrective.get("message").asText()).isEqualTo("The case cannot be opened: Employee (user id) is not an"
                + " employee: there is no user nosuchperson; What you observed is required: the behaviour or complaint the case is about.");

        JsonNode handbook = submitInTasklist("olga", HandbookProcess.PROCESS_KEY, Map.of(HandbookProcess.VAR_VERSION, "not a label!",
                HandbookProcess.VAR_DOCUMENT_SHA256, "not-a-hash", HandbookProcess.VAR_RULES, "Apologise first.",
                HandbookProcess.VAR_DEADLINE, "2001-01-01"));
        String message = handbook.get("message").asText();
        assertThat(message).startsWith("The handbook version cannot be published: Version label ")
                .contains("Title ", "SHA-256 of the document ").doesNotContain("documentSha256", "handbookVersion");
    }

    private JsonNode submitInTasklist(String user, String key, Map<String, Object> values) throws Exception {
        WebappSession session = WebappSession.login(port, user, "tasklist");
        Http.Response response = session.send("POST", TASKLIST + "/process-definition/key/" + key + "/submit-form",
                new ObjectMapper().writeValueAsString(Map.of("variables", variables(values))), Map.of("X-XSRF-TOKEN", session.csrfToken()));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json();
    }

    private Http.Response submitOverEngineRest(String user, String key, Map<String, Object> values) {
        Http.Response response = Http.as(port, user).post("/engine-rest/process-definition/key/" + key + "/submit-form",
                Map.of("variables", variables(values)));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response;
    }

    private static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }

    @Test
    void aFieldWithoutAFormKeepsItsName() {
        assertThat(FormLabels.label(Map.of("handbookVersion", "Version label"), "version")).isEqualTo("Version label");
        assertThat(FormLabels.label(Map.of("amount", "Amount"), "reason")).isNull();
    }
}
