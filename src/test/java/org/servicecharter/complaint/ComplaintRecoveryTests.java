package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.servicecharter.complaint.ComplaintFixtures.validComplaint;
import static org.servicecharter.complaint.ComplaintFixtures.with;
import static org.servicecharter.complaint.ComplaintProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Feedback closes the loop (issue 17, point 4): a poor survey answer reopens the complaint for service recovery by a
 * supervisor; a complaint without e-mail gets its survey as an agent's call. Through the doors people use: the
 * intake and survey APIs, and /engine-rest for the tasks (as Tasklist does).
 */
@ServiceCharterTest
class ComplaintRecoveryTests {

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired CustomerMessages customerMessages;
    @Autowired ComplaintRegister register;
    @Autowired ComplaintFigures complaintFigures;
    @Autowired RegisterComplaintDelegate registerComplaintDelegate;
    @Autowired ComplaintProperties properties;

    @BeforeEach
    void setUp() {
        init(processEngine);
    }

    // --- survey by e-mail ----------------------------------------------------------------------------------------

    @Test
    void aLowRatingReopensTheComplaintForASupervisorWhoPutsThingsRightAndClosesIt() {
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        Filed c = fileResolveAndSurvey(validComplaint());

        assertThat(answer(c, 2, "Nobody called me back.", null).status()).isEqualTo(204);

        ProcessInstance pi = instance(c);
        assertThat(pi).hasPassedInOrder(RECORD_SURVEY_ANSWER, REOPEN_FOR_SERVICE_RECOVERY).isWaitingAt(RECOVER_SERVICE);
        assertThat(register.find(c.reference()).orElseThrow().status()).isEqualTo("RECOVERY");
        Task recover = task(c, RECOVER_SERVICE);
        assertThat(recover.getName()).isEqualTo("Call the customer back and put things right");
        assertThat(candidateGroups(recover)).containsExactly(GROUP_SUPERVISORS);
        assertThat(complaintFigures.between(before, java.time.Instant.now().plusSeconds(1)).serviceRecoveries())
                .isGreaterThanOrEqualTo(1);
        // the link is used up: the customer cannot answer again while the supervisor works on it
        assertThat(answer(c, 5, null, null).status()).isEqualTo(410);

        Http sam = Http.as(port, "sam");
        assertThat(sam.post("/engine-rest/task/" + recover.getId() + "/claim", Map.of("userId", "sam")).status()).isEqualTo(204);
        assertThat(sam.post("/engine-rest/task/" + recover.getId() + "/submit-form", Map.of("variables", typed(Map.of(
                VAR_RECOVERY_ACTION, "Called the customer, apologised, sent a replacement by courier.",
                VAR_RECOVERY_OUTCOME, "put-right")))).status()).isEqualTo(204);

        assertThat(pi).isEnded().hasPassed(RECORD_RECOVERY_OUTCOME, END_CLOSED_AFTER_SERVICE_RECOVERY)
                .hasNotPassed(END_CLOSED_WITH_SURVEY);
        ComplaintRegister.Entry entry = register.find(c.reference()).orElseThrow();
        assertThat(entry.status()).isEqualTo("CLOSED");
        assertThat(entry.surveyRating()).isEqualTo(2);
        assertThat(entry.surveyResolved()).isTrue();
        assertThat(entry.recoveryOpenedAt()).isNotNull();
        assertThat(entry.recoveryAction()).startsWith("Called the customer");
        assertThat(entry.recoveryOutcome()).isEqualTo("put-right");
        assertThat(entry.recoveredBy()).isEqualTo("sam");
        // the trail: who was offered, claimed and completed the recovery
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(RECOVER_SERVICE).singleResult().getAssignee()).isEqualTo("sam");
        assertThat(historyService.createHistoricIdentityLinkLogQuery().taskId(recover.getId()).groupId(GROUP_SUPERVISORS)
                .count()).isPositive();
    }

    @Test
    void aGoodRatingWithTheIssueNotResolvedAlsoReopensIt() {
        Filed c = fileResolveAndSurvey(validComplaint());
        assertThat(answer(c, 5, "Friendly, but the invoice is still wrong.", false).status()).isEqualTo(204);
        assertThat(instance(c)).isWaitingAt(RECOVER_SERVICE).variables().containsEntry(VAR_SURVEY_RESOLVED, false);
        assertThat(register.find(c.reference()).orElseThrow().surveyResolved()).isFalse();
    }

    @Test
    void aGoodRatingClosesTheComplaintAsBefore() {
        Filed c = fileResolveAndSurvey(validComplaint());
        assertThat(answer(c, 3, null, true).status()).isEqualTo(204);
        assertThat(instance(c)).isEnded().hasPassed(RECORD_SURVEY_ANSWER, END_CLOSED_WITH_SURVEY)
                .hasNotPassed(REOPEN_FOR_SERVICE_RECOVERY);
        ComplaintRegister.Entry entry = register.find(c.reference()).orElseThrow();
        assertThat(entry.status()).isEqualTo("CLOSED");
        assertThat(entry.recoveryOpenedAt()).isNull();
        assertThat(entry.surveyTakenBy()).as("answered on the survey page").isNull();
    }

    @Test
    void eachComplaintKeepsTheThresholdItWasRegisteredWith() {
        Filed registeredWithTwo = fileResolveAndSurvey(validComplaint());
        ComplaintProperties raised = new ComplaintProperties(properties.surveyExpiresAfter(), properties.categories(),
                properties.channels(), properties.publicBaseUrl(), properties.emailChannels(), 3);
        ReflectionTestUtils.setField(registerComplaintDelegate, "properties", raised);
        Filed registeredWithThree;
        try {
            registeredWithThree = fileResolveAndSurvey(validComplaint());
        } finally {
            ReflectionTestUtils.setField(registerComplaintDelegate, "properties", properties);
        }
        assertThat(instance(registeredWithTwo)).variables().containsEntry(VAR_RECOVERY_THRESHOLD, 2);
        assertThat(instance(registeredWithThree)).variables().containsEntry(VAR_RECOVERY_THRESHOLD, 3);

        answer(registeredWithTwo, 3, null, null);
        answer(registeredWithThree, 3, null, null);

        assertThat(instance(registeredWithTwo)).isEnded().hasPassed(END_CLOSED_WITH_SURVEY);
        assertThat(instance(registeredWithThree)).isWaitingAt(RECOVER_SERVICE);
    }

    // --- survey by phone -----------------------------------------------------------------------------------------

    @Test
    void aPhoneComplaintWithoutEmailGetsItsSurveyAsAnAgentsCallAndAPoorAnswerReopensIt() {
        Map<String, Object> body = phoneOnly();
        Filed c = fileAndResolve(body);
        ProcessInstance pi = instance(c);
        assertThat(pi).hasPassed(GATEWAY_CUSTOMER_HAS_EMAIL).hasNotPassed(SEND_SURVEY).isWaitingAt(CALL_CUSTOMER_FOR_SURVEY);
        assertThat(customerMessages.forReference(c.reference())).isEmpty();
        ComplaintRegister.Entry entry = register.find(c.reference()).orElseThrow();
        assertThat(entry.customerEmail()).isNull();
        assertThat(entry.customerPhone()).isEqualTo("+44 (0)20 7946-0958");
        Task call = task(c, CALL_CUSTOMER_FOR_SURVEY);
        assertThat(candidateGroups(call)).containsExactly(GROUP_AGENTS);

        Http alice = Http.as(port, "alice");
        assertThat(alice.post("/engine-rest/task/" + call.getId() + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);
        // a rating the form does not offer is refused with the field, and the call stays open
        Http.Response bad = alice.post("/engine-rest/task/" + call.getId() + "/submit-form", Map.of("variables", typed(Map.of(
                VAR_SURVEY_CALL, SURVEY_CALL_ANSWERED, VAR_SURVEY_RATING, "9", VAR_SURVEY_RESOLVED, "true"))));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains(VAR_SURVEY_RATING);
        assertThat(pi).isWaitingAt(CALL_CUSTOMER_FOR_SURVEY);

        Http.Response ok = alice.post("/engine-rest/task/" + call.getId() + "/submit-form", Map.of("variables", typed(Map.of(
                VAR_SURVEY_CALL, SURVEY_CALL_ANSWERED, VAR_SURVEY_RATING, "1", VAR_SURVEY_RESOLVED, "true",
                VAR_SURVEY_COMMENT, "Still waiting for the refund."))));
        assertThat(ok.status()).as(ok.body()).isEqualTo(204);

        assertThat(pi).hasPassed(RECORD_SURVEY_ANSWER, REOPEN_FOR_SERVICE_RECOVERY).isWaitingAt(RECOVER_SERVICE)
                .variables().containsEntry(VAR_SURVEY_RATING, 1);
        entry = register.find(c.reference()).orElseThrow();
        assertThat(entry.surveyRating()).isEqualTo(1);
        assertThat(entry.surveyComment()).isEqualTo("Still waiting for the refund.");
        assertThat(entry.surveyTakenBy()).isEqualTo("alice");
        assertThat(entry.status()).isEqualTo("RECOVERY");
    }

    @Test
    void aGoodAnswerOnThePhoneClosesTheComplaint() {
        Filed c = fileAndResolve(phoneOnly());
        Task call = task(c, CALL_CUSTOMER_FOR_SURVEY);
        Http alice = Http.as(port, "alice");
        alice.post("/engine-rest/task/" + call.getId() + "/claim", Map.of("userId", "alice"));
        assertThat(alice.post("/engine-rest/task/" + call.getId() + "/submit-form", Map.of("variables", typed(Map.of(
                VAR_SURVEY_CALL, SURVEY_CALL_ANSWERED, VAR_SURVEY_RATING, "4", VAR_SURVEY_RESOLVED, "true")))).status())
                .isEqualTo(204);
        assertThat(instance(c)).isEnded().hasPassed(END_CLOSED_WITH_SURVEY);
    }

    @Test
    void aCustomerNotReachedClosesTheComplaintWithoutASurvey() {
        Filed c = fileAndResolve(phoneOnly());
        Task call = task(c, CALL_CUSTOMER_FOR_SURVEY);
        Http alice = Http.as(port, "alice");
        alice.post("/engine-rest/task/" + call.getId() + "/claim", Map.of("userId", "alice"));
        assertThat(alice.post("/engine-rest/task/" + call.getId() + "/submit-form", Map.of("variables", typed(Map.of(
                VAR_SURVEY_CALL, SURVEY_CALL_NOT_REACHED)))).status()).isEqualTo(204);
        assertThat(instance(c)).isEnded().hasPassed(END_CUSTOMER_NOT_REACHED).hasNotPassed(RECORD_SURVEY_ANSWER);
        assertThat(register.find(c.reference()).orElseThrow().surveyAnsweredAt()).isNull();
    }

    @Test
    void aCallNotMadeWithinTheSurveyWindowClosesTheComplaintWithoutASurveyAndSaysSo() {
        Filed c = fileAndResolve(phoneOnly());
        Task call = task(c, CALL_CUSTOMER_FOR_SURVEY);
        // the agents see by when: the same window as an e-mailed survey link
        assertThat(call.getDueDate()).isNotNull();
        String timeout = (String) runtimeService.getVariable(call.getProcessInstanceId(), VAR_SURVEY_TIMEOUT);
        assertThat(call.getDueDate().toInstant()).isBetween(java.time.Instant.now().plus(java.time.Duration.parse(timeout)).minusSeconds(120),
                java.time.Instant.now().plus(java.time.Duration.parse(timeout)));
        org.camunda.bpm.engine.runtime.Job timer = managementService.createJobQuery().processInstanceId(call.getProcessInstanceId())
                .activityId(SURVEY_CALL_EXPIRED).singleResult();
        assertThat(timer).isNotNull();
        assertThat(timer.getDuedate()).isCloseTo(call.getDueDate(), 120_000);
        managementService.executeJob(timer.getId());
        assertThat(instance(c)).isEnded().hasPassed(SURVEY_CALL_EXPIRED, END_SURVEY_CALL_NOT_MADE).hasNotPassed(RECORD_SURVEY_ANSWER);
        assertThat(taskService.createTaskQuery().processInstanceId(call.getProcessInstanceId()).count()).isZero();
        assertThat(register.find(c.reference()).orElseThrow().surveyAnsweredAt()).isNull();
    }

    // --- rights: only the offered group works the new tasks ------------------------------------------------------

    @Test
    void onlySupervisorsWorkTheRecoveryAndOnlyAgentsTheSurveyCall() {
        Filed recovery = fileResolveAndSurvey(validComplaint());
        answer(recovery, 1, null, null);
        String recover = task(recovery, RECOVER_SERVICE).getId();
        assertThat(Http.as(port, "alice").post("/engine-rest/task/" + recover + "/claim", Map.of("userId", "alice")).status())
                .as("an agent claims the supervisors' recovery").isEqualTo(403);
        assertThat(Http.as(port, "maria").post("/engine-rest/task/" + recover + "/claim", Map.of("userId", "maria")).status())
                .as("a manager claims the supervisors' recovery").isEqualTo(403);
        assertThat(Http.as(port, "alice").post("/engine-rest/task/" + recover + "/submit-form", Map.of("variables", typed(Map.of(
                VAR_RECOVERY_ACTION, "x", VAR_RECOVERY_OUTCOME, "put-right")))).status()).isEqualTo(403);

        Filed phone = fileAndResolve(phoneOnly());
        String call = task(phone, CALL_CUSTOMER_FOR_SURVEY).getId();
        assertThat(Http.as(port, "sam").post("/engine-rest/task/" + call + "/claim", Map.of("userId", "sam")).status())
                .as("a supervisor claims the agents' survey call").isEqualTo(403);
        assertThat(Http.as(port, "alice").post("/engine-rest/task/" + call + "/claim", Map.of("userId", "alice")).status())
                .isEqualTo(204);
    }

    @Test
    void aRecoveryOfAComplaintAboutASupervisorIsNeverTheirs() {
        Filed c = fileResolveAndSurvey(with("aboutEmployee", "sam"));
        answer(c, 1, "The supervisor was rude.", null);
        String recover = task(c, RECOVER_SERVICE).getId();
        Http.Response claim = Http.as(port, "sam").post("/engine-rest/task/" + recover + "/claim", Map.of("userId", "sam"));
        assertThat(claim.status()).as(claim.body()).isIn(403, 404);
        assertThat(Http.as(port, "sam").post("/engine-rest/task/" + recover + "/submit-form", Map.of("variables", typed(Map.of(
                VAR_RECOVERY_ACTION, "x", VAR_RECOVERY_OUTCOME, "put-right")))).status()).isIn(403, 404);
        assertThat(instance(c)).isWaitingAt(RECOVER_SERVICE);
    }

    @Test
    void aRecoveryWithoutWhatWasDoneIsRefusedWithTheField() {
        Filed c = fileResolveAndSurvey(validComplaint());
        answer(c, 1, null, null);
        String recover = task(c, RECOVER_SERVICE).getId();
        Http sam = Http.as(port, "sam");
        sam.post("/engine-rest/task/" + recover + "/claim", Map.of("userId", "sam"));
        Http.Response refused = sam.post("/engine-rest/task/" + recover + "/submit-form", Map.of("variables", typed(Map.of(
                VAR_RECOVERY_OUTCOME, "sorted"))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains(VAR_RECOVERY_ACTION, VAR_RECOVERY_OUTCOME);
        assertThat(instance(c)).isWaitingAt(RECOVER_SERVICE);
    }

    // --- intake ----------------------------------------------------------------------------------------------------

    @Test
    void intakeNeedsAnEmailForEmailAndWebAndAWayToReachTheCustomerOtherwise() {
        Map<String, Object> webWithoutEmail = with("channel", "web");
        webWithoutEmail.remove("customerEmail");
        webWithoutEmail.put("customerPhone", "0123 456789");
        assertThat(errorFields(webWithoutEmail)).containsExactly("customerEmail");

        Map<String, Object> phoneWithNothing = with("channel", "phone");
        phoneWithNothing.remove("customerEmail");
        assertThat(errorFields(phoneWithNothing)).containsExactly("customerPhone");

        for (String badPhone : List.of("12345", "call me maybe", "+44 20 7946 0958 1234 5678 9", "12--34--56--x")) {
            assertThat(errorFields(with("customerPhone", badPhone))).as(badPhone).containsExactly("customerPhone");
        }
        Http.Response ok = Http.anonymous(port).post("/api/complaints", with("customerPhone", "+1 (555) 010-9999"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(register.find(ok.json().get("reference").asText()).orElseThrow().customerPhone()).isEqualTo("+1 (555) 010-9999");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    record Filed(String reference, String processInstanceId, String token) {
    }

    private static Map<String, Object> phoneOnly() {
        Map<String, Object> body = with("channel", "phone");
        body.remove("customerEmail");
        body.put("customerPhone", "+44 (0)20 7946-0958");
        return body;
    }

    private List<String> errorFields(Map<String, Object> body) {
        Http.Response response = Http.anonymous(port).post("/api/complaints", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> fields = new java.util.ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    /** Files through the API and resolves as alice (through /engine-rest, as Tasklist does). */
    private Filed fileAndResolve(Map<String, Object> body) {
        Http.Response created = Http.anonymous(port).post("/api/complaints", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String reference = created.json().get("reference").asText();
        Task handle = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(HANDLE_COMPLAINT)
                .singleResult();
        Http alice = Http.as(port, "alice");
        alice.post("/engine-rest/task/" + handle.getId() + "/claim", Map.of("userId", "alice"));
        Http.Response resolved = alice.post("/engine-rest/task/" + handle.getId() + "/submit-form", Map.of("variables", typed(Map.of(
                VAR_CUSTOMER_CONTACTED, true, VAR_APOLOGISED, true, VAR_RESOLUTION, "Refunded the delivery fee.",
                VAR_GOODWILL_PROPOSED, false))));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(204);
        return new Filed(reference, handle.getProcessInstanceId(), null);
    }

    private Filed fileResolveAndSurvey(Map<String, Object> body) {
        Filed filed = fileAndResolve(body);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(filed.processInstanceId())
                .activityId(SEND_SURVEY).singleResult().getId());
        String token = customerMessages.forReference(filed.reference()).stream().filter(m -> m.body().contains("/survey/")).findFirst().orElseThrow().body()
                .replaceAll("(?s).*/survey/([A-Za-z0-9_-]{43}).*", "$1");
        return new Filed(filed.reference(), filed.processInstanceId(), token);
    }

    private Http.Response answer(Filed c, int rating, String comment, Boolean resolved) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rating", rating);
        if (comment != null) {
            body.put("comment", comment);
        }
        if (resolved != null) {
            body.put("resolved", resolved);
        }
        return Http.anonymous(port).post("/api/surveys/" + c.token(), body);
    }

    private ProcessInstance instance(Filed c) {
        ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult();
        if (running != null) {
            return running;
        }
        // ended: camunda-bpm-assert reads an ended instance through its history by id
        org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity ended =
                new org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity();
        ended.setId(c.processInstanceId());
        ended.setProcessInstanceId(c.processInstanceId());
        return ended;
    }

    private Task task(Filed c, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(c.processInstanceId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("%s of %s", key, c.reference()).isNotNull();
        return task;
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }

    private static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((name, value) -> typed.put(name, Map.of("value", value, "type",
                value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer" : "String")));
        return typed;
    }
}
