package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.complaint.ComplaintFixtures.validComplaint;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceCharterTest
class SurveyApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    CustomerMessages customerMessages;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCustomerAnswersTheSurveyOnceThroughTheLinkInTheirMessage() {
        Resolved complaint = fileAndResolve();

        Http.Response page = Http.anonymous(port).get("/survey/" + complaint.token());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(complaint.reference()).contains("name=\"rating\"");

        Http.Response answer = Http.anonymous(port).post("/api/surveys/" + complaint.token(),
                Map.of("rating", 4, "comment", "Quick and friendly."));
        assertThat(answer.status()).isEqualTo(204);

        var instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(complaint.reference()).singleResult();
        assertThat(instance.getState()).isEqualTo("COMPLETED");
        assertThat(instance.getEndActivityId()).isEqualTo(ComplaintProcess.END_CLOSED_WITH_SURVEY);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(ComplaintProcess.VAR_SURVEY_RATING).singleResult().getValue()).isEqualTo(4);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM complaint WHERE reference = ?", complaint.reference());
        assertThat(row.get("SURVEY_RATING")).isEqualTo(4);
        assertThat(row.get("SURVEY_COMMENT")).isEqualTo("Quick and friendly.");
        assertThat(row.get("STATUS")).isEqualTo("CLOSED");

        // single use: the link is gone afterwards, for the page and the API alike
        assertThat(Http.anonymous(port).post("/api/surveys/" + complaint.token(), Map.of("rating", 1)).status()).isEqualTo(410);
        assertThat(Http.anonymous(port).get("/survey/" + complaint.token()).status()).isEqualTo(410);
    }

    @Test
    void theTokenIsNotStoredAnywhereOnlyItsHash() {
        Resolved complaint = fileAndResolve();
        Long storedAsVariable = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ = ?", Long.class, complaint.token());
        assertThat(storedAsVariable).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ = ?", Long.class,
                SurveyTokens.hash(complaint.token()))).isEqualTo(1);
    }

    @Test
    void unknownAndMalformedTokensAreNotFound() {
        String unknown = SurveyTokens.newToken();
        assertThat(Http.anonymous(port).get("/survey/" + unknown).status()).isEqualTo(404);
        assertThat(Http.anonymous(port).post("/api/surveys/" + unknown, Map.of("rating", 5)).status()).isEqualTo(404);
        assertThat(Http.anonymous(port).post("/api/surveys/short", Map.of("rating", 5)).status()).isEqualTo(404);
    }

    @Test
    void aRatingOutsideOneToFiveIsRefusedAndTheSurveyStaysOpen() {
        Resolved complaint = fileAndResolve();
        for (Object rating : new Object[] {0, 6, "five"}) {
            Http.Response response = Http.anonymous(port).post("/api/surveys/" + complaint.token(), Map.of("rating", rating));
            assertThat(response.status()).as("rating %s", rating).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("rating");
        }
        Http.Response missing = Http.anonymous(port).post("/api/surveys/" + complaint.token(), Map.of("comment", "no rating"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(Http.anonymous(port).get("/survey/" + complaint.token()).status()).isEqualTo(200);
    }

    @Test
    void anExpiredSurveyIsGoneAndTheComplaintClosedWithoutIt() {
        Resolved complaint = fileAndResolve();
        Job timer = managementService.createJobQuery().processInstanceId(complaint.processInstanceId()).timers().singleResult();
        managementService.executeJob(timer.getId());

        assertThat(Http.anonymous(port).get("/survey/" + complaint.token()).status()).isEqualTo(410);
        assertThat(Http.anonymous(port).post("/api/surveys/" + complaint.token(), Map.of("rating", 5)).status()).isEqualTo(410);
        HistoricActivityInstance end = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(complaint.processInstanceId()).activityId(ComplaintProcess.END_CLOSED_WITHOUT_SURVEY).singleResult();
        assertThat(end).isNotNull();
    }

    record Resolved(String reference, String processInstanceId, String token) {
    }

    /** Files a complaint through the API, resolves it as alice and sends the survey; returns the emailed token. */
    private Resolved fileAndResolve() {
        String reference = Http.anonymous(port).post("/api/complaints", validComplaint()).json().get("reference").asText();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(ComplaintProcess.HANDLE_COMPLAINT).singleResult();
        taskService.claim(task.getId(), "alice");
        taskService.complete(task.getId(), Map.of(ComplaintProcess.VAR_RESOLUTION, "Refunded the delivery fee.",
                ComplaintProcess.VAR_CUSTOMER_CONTACTED, true, ComplaintProcess.VAR_APOLOGISED, true));
        Job sendSurvey = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).messages().singleResult();
        managementService.executeJob(sendSurvey.getId());

        CustomerMessages.Message message = customerMessages.forReference(reference).stream().filter(m -> m.body().contains("/survey/")).findFirst().orElseThrow();
        assertThat(message.recipient()).isEqualTo("carla@example.com");
        String token = message.body().replaceAll("(?s).*/survey/([A-Za-z0-9_-]{43}).*", "$1");
        assertThat(SurveyTokens.wellFormed(token)).as("link in %s", message.body()).isTrue();
        return new Resolved(reference, task.getProcessInstanceId(), token);
    }
}
