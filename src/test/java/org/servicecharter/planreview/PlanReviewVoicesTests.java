package org.servicecharter.planreview;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.messaging.EmbeddedMailServer;
import org.servicecharter.messaging.Outbox;
import org.servicecharter.messaging.OutboxEntry;
import org.servicecharter.messaging.OutboxSender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 19.1 and 19.3 on the deployed model: the research round before the area reviews (the survey mailed to a
 * sample of recent customers through the outbox and a real SMTP server, answered through its page; interviews; the
 * window's timer; the summary on the forms that follow), the front line's input, and the agents' consultation on the
 * chosen strategies (answered, closed by its timer, held again after a send-back). Periods are far years no other test
 * uses; timers are fired by the tests.
 */
@ServiceCharterTest
class PlanReviewVoicesTests {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired FormService formService;
    @Autowired PlanReviewProperties properties;
    @Autowired IdentityService identityService;
    @Autowired PlanReviews reviews;
    @Autowired PlanReviewResearch research;
    @Autowired PlanReviewSchedule schedule;
    @Autowired Outbox outbox;
    @Autowired OutboxSender sender;
    @Autowired EmbeddedMailServer relay;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        init(processEngine);
        relay.start();
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        identityService.clearAuthentication();
        for (String id : started) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtimeService.deleteProcessInstance(id, "test over");
            }
        }
    }

    // --- the research round ------------------------------------------------------------------------------------------

    @Test
    void theSurveyGoesToASampleOfDistinctRecentCustomersWhoseAnswerThroughTheLinkIsSummarisedForTheForms() throws Exception {
        String run = PlanReviewFixtures.unique().substring(0, 6).toLowerCase(Locale.ROOT);
        LocalDateTime inPeriod = LocalDateTime.of(2081, 8, 3, 10, 0);
        // 23 distinct customers resolved in the period, one of them twice (another case of the same address), one
        // resolved before the period, one with no e-mail (a phone complaint), one survey comment in the period
        for (int i = 0; i < 23; i++) {
            complaint("Customer " + i, "c" + i + "-" + run + "@example.com", inPeriod.plusHours(i), null);
        }
        complaint("Customer 0 again", "C0-" + run.toUpperCase(Locale.ROOT) + "@example.com", inPeriod.plusDays(2), null);
        complaint("Old Customer", "old-" + run + "@example.com", LocalDateTime.of(2081, 6, 20, 10, 0), null);
        complaint("Phone Customer", "", inPeriod.plusDays(3), null);
        complaint("Commenting Customer", "comment-" + run + "@example.com", inPeriod.plusDays(4), "The hold music drove me mad.");

        ProcessInstance pi = start("2081-Q3");
        assertThat(pi).isWaitingAt(RECORD_INTERVIEW).hasPassed(SEND_RESEARCH_SURVEY);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_RESEARCH_SURVEYS_SENT)).as("the configured sample size").isEqualTo(20);
        List<OutboxEntry> queued = outbox.forReference("plan-review:2081-Q3");
        assertThat(queued).hasSize(20);
        Set<String> recipients = new HashSet<>();
        queued.forEach(m -> recipients.add(m.recipient().toLowerCase(Locale.ROOT)));
        assertThat(recipients).as("one survey per address").hasSize(20)
                .allSatisfy(r -> assertThat(r).endsWith("-" + run + "@example.com").doesNotStartWith("old-"));
        assertThat(research.sent("2081-Q3")).isEqualTo(20);

        // the mail arrives over SMTP with a working link
        drainAll();
        String recipient = queued.get(0).recipient();
        MimeMessage mail = relay.received().stream().filter(m -> to(m).equalsIgnoreCase(recipient)).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Help us serve you better: a short survey");
        assertThat(mail.getContent()).isInstanceOf(MimeMultipart.class);
        String body = text(mail);
        String token = body.replaceAll("(?s).*/survey/research/([A-Za-z0-9_-]{43}).*", "$1");
        assertThat(token).hasSize(43);
        Http customer = Http.anonymous(port);
        Http.Response page = customer.get("/survey/research/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Help us serve you better", "research-survey.js");
        JsonNode survey = customer.get("/api/research-surveys/" + token).json();
        assertThat(survey.get("period").asText()).isEqualTo("2081-Q3");
        assertThat(survey.get("serviceElements").get(0).asText()).isEqualTo("Speed of answer");

        // an incomplete answer is refused with a sentence; the full one is stored once
        Map<String, Integer> importance = new LinkedHashMap<>();
        survey.get("serviceElements").forEach(e -> importance.put(e.asText(), 3));
        importance.put("Speed of answer", 5);
        Http.Response partial = customer.post("/api/research-surveys/" + token, Map.of("importance", Map.of("Speed of answer", 5)));
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.body()).contains("Friendliness of staff");
        Http.Response strange = customer.post("/api/research-surveys/" + token, Map.of("importance", Map.of("Free coffee", 5)));
        assertThat(strange.status()).isEqualTo(400);
        assertThat(strange.body()).contains("Free coffee");
        Map<String, Object> answer = new HashMap<>();
        answer.put("expectations", "An answer the same day.");
        answer.put("unmetNeeds", "Nobody calls back.");
        answer.put("competitors", "The other shop answers chats at night.");
        answer.put("importance", importance);
        assertThat(customer.post("/api/research-surveys/" + token, answer).status()).isEqualTo(204);
        Http.Response twice = customer.post("/api/research-surveys/" + token, answer);
        assertThat(twice.status()).as(twice.body()).isEqualTo(410);
        Http.Response used = customer.get("/survey/research/" + token);
        assertThat(used.status()).isEqualTo(410);
        assertThat(used.body()).contains("This survey is closed");
        Http.Response unknown = customer.get("/survey/research/" + "x".repeat(43));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("We could not find this survey");
        assertThat(customer.get("/survey/research/nonsense").status()).isEqualTo(404);
        assertThat(research.answers("2081-Q3")).singleElement().satisfies(a -> {
            assertThat(a.expectations()).isEqualTo("An answer the same day.");
            assertThat(a.importance()).containsEntry("Speed of answer", 5).hasSize(importance.size());
        });
        // each answer is in the review's record, without the customer's address
        com.fasterxml.jackson.databind.JsonNode view = Http.as(port, "maria").get("/api/plan-reviews/2081-Q3").json();
        assertThat(view.get("researchSurveysSent").asLong()).isEqualTo(research.sent("2081-Q3")).isPositive();
        assertThat(view.get("researchAnswers")).hasSize(1);
        assertThat(view.get("researchAnswers").get(0).get("unmetNeeds").asText()).isEqualTo("Nobody calls back.");
        assertThat(view.get("researchAnswers").get(0).get("importance").get("Speed of answer").asInt()).isEqualTo(5);
        assertThat(view.toString()).doesNotContain("@example");

        // interviews: a manager records one and asks for another; an agent records the next and is done
        Task first = task(pi, RECORD_INTERVIEW);
        assertThat(first).hasCandidateGroup("managers").hasCandidateGroup("agents");
        assertThat(formService.getTaskFormData(first.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_RECORD_INTERVIEW);
        identityService.setAuthentication("maria", List.of("managers", "employees"));
        assertThatThrownBy(() -> taskService.complete(first.getId(), Map.of(VAR_INTERVIEW_CHANNEL, "carrier pigeon")))
                .hasMessageContaining("in-person or phone");
        Map<String, Object> tooLong = interview("in-person", "Mrs Jones", "Be called back when promised.", true);
        tooLong.put(VAR_INTERVIEW_SERVICE_ELEMENTS, "Parking\n" + "x".repeat(201));
        assertThatThrownBy(() -> taskService.complete(first.getId(), tooLong)).hasMessageContaining("at most 200 characters");
        Map<String, Object> jones = interview("in-person", "Mrs Jones", "Be called back when promised.", true);
        jones.put(VAR_INTERVIEW_SERVICE_ELEMENTS, "Parking\n speed of answer \n\nparking");
        taskService.complete(first.getId(), jones);
        identityService.setAuthentication("alice", List.of("agents", "employees"));
        Task second = task(pi, RECORD_INTERVIEW);
        assertThat(taskService.getVariable(second.getId(), VAR_INTERVIEW_SERVICE_ELEMENTS)).as("each interview starts empty").isNull();
        Map<String, Object> smith = interview("phone", "Mr Smith", "One person who knows my case.", false);
        smith.put(VAR_INTERVIEW_SERVICE_ELEMENTS, "PARKING\nOpening hours");
        taskService.complete(second.getId(), smith);
        identityService.clearAuthentication();
        assertThat(pi).isWaitingAt(RESEARCH_WINDOW_OVER);
        assertThat(reviews.answers("2081-Q3")).filteredOn(a -> a.kind().equals(ANSWER_INTERVIEW)).extracting(PlanReviews.Answer::answeredBy)
                .containsExactly("maria", "alice");

        // a link still unanswered stops working when the window closes
        String other = queued.get(1).recipient();
        String otherToken = text(relay.received().stream().filter(m -> to(m).equalsIgnoreCase(other)).findFirst().orElseThrow())
                .replaceAll("(?s).*/survey/research/([A-Za-z0-9_-]{43}).*", "$1");
        assertThat(customer.get("/survey/research/" + otherToken).status()).isEqualTo(200);
        Job window = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(RESEARCH_WINDOW_OVER).singleResult();
        ClockUtil.setCurrentTime(new java.util.Date(window.getDuedate().getTime() + 1000));
        assertThat(customer.get("/survey/research/" + otherToken).status()).isEqualTo(410);
        assertThat(customer.post("/api/research-surveys/" + otherToken, answer).status()).isEqualTo(410);

        // the window closes the round: the summary, stored and shown on the forms that follow
        managementService.executeJob(window.getId());
        assertThat(pi).hasPassed(SUMMARISE_RESEARCH).isWaitingAt(REVIEW_CUSTOMER_FEEDBACK, RATE_SERVICE_ELEMENTS, GIVE_FRONT_LINE_INPUT);
        String summary = research.summary("2081-Q3");
        assertThat(summary).contains("Research survey: 20 customers asked, 1 answer.", "- Speed of answer: 5.0 (1 answer)",
                "- Friendliness of staff: 3.0 (1 answer)", "What they expect:\n- \"An answer the same day.\"",
                "Needs we do not meet:\n- \"Nobody calls back.\"", "How we compare with competitors:\n- \"The other shop answers chats at night.\"",
                "Interviews recorded: 2.", "In person, Mrs Jones (recorded by Maria Manager): expects \"Be called back when promised.\"",
                "By phone, Mr Smith (recorded by Alice Agent)", "Complaint survey comments of the period (1):\n- \"The hold music drove me mad.\"");
        for (String key : List.of(REVIEW_CUSTOMER_FEEDBACK, RATE_SERVICE_ELEMENTS)) {
            assertThat(taskService.getVariable(task(pi, key).getId(), VAR_RESEARCH_SUMMARY)).as(key).isEqualTo(summary);
        }

        // the elements the customers named that are not configured: in the summary and rows of the table (issue 19.2)
        assertThat(summary).contains("Service elements they named that we do not rate yet (rows of the table): Parking; Opening hours.");
        assertThat(runtimeService.getVariable(pi.getId(), VAR_RESEARCH_SERVICE_ELEMENTS)).isEqualTo("Parking\nOpening hours");
        Map<String, Object> table = formService.getTaskFormVariables(task(pi, RATE_SERVICE_ELEMENTS).getId());
        int configured = properties.serviceElements().size();
        assertThat(table.get(ServiceElementTable.name(1))).isEqualTo(properties.serviceElements().get(0));
        assertThat(table.get(ServiceElementTable.name(configured + 1))).isEqualTo("Parking");
        assertThat(table.get(ServiceElementTable.name(configured + 2))).isEqualTo("Opening hours");
        assertThat(table.get(ServiceElementTable.name(configured + 3))).isNull();
    }

    @Test
    void theResearchWindowClosesTheRoundWhileAnInterviewIsStillOpen() {
        ProcessInstance pi = start("2082-Q1");
        assertThat(runtimeService.getVariable(pi.getId(), VAR_RESEARCH_SURVEYS_SENT)).as("nobody resolved in 2082").isEqualTo(0);
        Job window = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(RESEARCH_WINDOW_CLOSED).singleResult();
        assertThat(Duration.between(Instant.now(), window.getDuedate().toInstant())).isBetween(Duration.ofDays(7).minusMinutes(5), Duration.ofDays(7));
        assertThat(tasks(pi, REVIEW_TRAINING)).as("the areas wait for the research").isEmpty();

        managementService.executeJob(window.getId());
        assertThat(pi).hasPassed(RESEARCH_WINDOW_CLOSED, SUMMARISE_RESEARCH).hasNotPassed(RESEARCH_WINDOW_OVER);
        assertThat(tasks(pi, RECORD_INTERVIEW)).isEmpty();
        assertThat(tasks(pi, REVIEW_TRAINING)).hasSize(1);
        assertThat(research.summary("2082-Q1")).startsWith("Research survey: 0 customers asked, 0 answers.\nInterviews recorded: 0.");
        assertThat(research.summary("2082-Q1")).doesNotContain("Service elements they named");
        assertThat(runtimeService.getVariable(pi.getId(), VAR_RESEARCH_SERVICE_ELEMENTS)).as("none named: only the configured rows").isNull();
        assertThat(reviews.answers("2082-Q1")).extracting(PlanReviews.Answer::kind).contains(ANSWER_RESEARCH_SUMMARY);
    }

    // --- the front line ---------------------------------------------------------------------------------------------

    @Test
    void agentsGiveTheirInputInTasklistAndAreConsultedOnTheStrategiesAgainAfterASendBack() {
        ProcessInstance pi = start("2082-Q2");
        closeResearch(pi);

        // an agent sees and completes the front-line task through the engine's REST API, as Tasklist does
        Http alice = Http.as(port, "alice");
        Task frontLine = task(pi, GIVE_FRONT_LINE_INPUT);
        assertThat(frontLine).hasCandidateGroup("agents");
        assertThat(formService.getTaskFormData(frontLine.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_FRONT_LINE_INPUT);
        Http.Response visible = alice.get("/engine-rest/task?processInstanceId=" + pi.getId() + "&maxResults=50");
        assertThat(visible.status()).isEqualTo(200);
        assertThat(visible.body()).contains(frontLine.getId())
                .as("the review's other tasks stay the managers' (plan review is confidential: per-task grants)")
                .doesNotContain(task(pi, REVIEW_TRAINING).getId()).doesNotContain(tasks(pi, REVIEW_STAFF).get(0).getId());
        assertThat(alice.post("/engine-rest/task/" + task(pi, REVIEW_TRAINING).getId() + "/submit-form",
                Map.of("variables", typed(Map.of(VAR_FINDINGS, "Forged."))))).extracting(Http.Response::status).isNotEqualTo(204);
        Http.Response incomplete = alice.post("/engine-rest/task/" + frontLine.getId() + "/submit-form",
                Map.of("variables", typed(Map.of(VAR_WHAT_GOES_WRONG, "Call-backs are forgotten."))));
        assertThat(incomplete.status()).as(incomplete.body()).isEqualTo(400);
        Http.Response answered = alice.post("/engine-rest/task/" + frontLine.getId() + "/submit-form", Map.of("variables", typed(Map.of(
                VAR_WHAT_GOES_WRONG, "Call-backs are forgotten.", VAR_WHAT_TO_CHANGE, "A call-back list per shift.",
                VAR_EMPLOYEE_NARRATIVE, "They call three times before someone owns the case."))));
        assertThat(answered.status()).as(answered.body()).isEqualTo(204);

        // the manager writes the customer's side in the feedback review
        completeAreaReviews(pi);
        Task choose = task(pi, CHOOSE_STRATEGIES);
        String frontLineText = (String) taskService.getVariable(choose.getId(), VAR_FRONT_LINE_INPUT);
        assertThat(frontLineText).isEqualTo("The average customer's experience, the customer's side: Waits, repeats the story, gets a refund late.\n"
                + "Alice Agent (front line): what goes wrong: Call-backs are forgotten.; what to change: A call-back list per shift.; "
                + "the average customer's experience, the employees' side: They call three times before someone owns the case.");
        assertThat((String) taskService.getVariable(choose.getId(), VAR_RESEARCH_SUMMARY)).startsWith("Research survey: 0 customers asked");

        // the strategies chosen: every representative is consulted; alice answers, the window closes on the others
        taskService.complete(choose.getId(), strategies());
        List<Task> consultations = tasks(pi, CONSULT_ON_STRATEGIES);
        assertThat(consultations).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(schedule.representatives());
        assertThat(formService.getTaskFormData(consultations.get(0).getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_STRATEGY_CONSULTATION);
        Task alices = consultations.stream().filter(t -> "alice".equals(t.getAssignee())).findFirst().orElseThrow();
        assertThat((String) taskService.getVariable(alices.getId(), VAR_STRATEGIES_SUMMARY)).contains("Callback within a day");
        Http.Response noReason = alice.post("/engine-rest/task/" + alices.getId() + "/submit-form",
                Map.of("variables", typed(Map.of(VAR_STRATEGY_SUPPORT, "with-changes"))));
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(alice.post("/engine-rest/task/" + alices.getId() + "/submit-form", Map.of("variables", typed(Map.of(
                VAR_STRATEGY_SUPPORT, "with-changes", VAR_CONSULTATION_COMMENT, "Train the late shift first."))))).extracting(Http.Response::status)
                .isEqualTo(204);
        assertThat(pi).isWaitingAt(CONSULT_ON_STRATEGIES).isNotWaitingAt(APPROVE_STRATEGIES);
        Job closes = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(CONSULTATION_CLOSED).singleResult();
        assertThat(Duration.between(Instant.now(), closes.getDuedate().toInstant())).isBetween(Duration.ofDays(3).minusMinutes(5), Duration.ofDays(3));
        managementService.executeJob(closes.getId());
        assertThat(tasks(pi, CONSULT_ON_STRATEGIES)).as("the open views closed").isEmpty();
        Task approve = task(pi, APPROVE_STRATEGIES);
        assertThat(taskService.getVariable(approve.getId(), VAR_CONSULTATION_ANSWERS))
                .isEqualTo("Alice Agent: supports them with changes — Train the late shift first.");

        // sent back and chosen again: consulted again, the approval shows this round's views only
        taskService.complete(approve.getId(), Map.of(VAR_STRATEGIES_DECISION, DECISION_SEND_BACK, VAR_SEND_BACK_REASON, "Ask the late shift."));
        taskService.complete(task(pi, CHOOSE_STRATEGIES).getId(), strategies());
        List<Task> again = tasks(pi, CONSULT_ON_STRATEGIES);
        assertThat(again).hasSize(schedule.representatives().size());
        for (Task t : again) {
            identityService.setAuthentication(t.getAssignee(), List.of("agents", "employees"));
            taskService.complete(t.getId(), Map.of(VAR_STRATEGY_SUPPORT, "yes"));
        }
        identityService.clearAuthentication();
        Task approveAgain = task(pi, APPROVE_STRATEGIES);
        String views = (String) taskService.getVariable(approveAgain.getId(), VAR_CONSULTATION_ANSWERS);
        assertThat(views).contains("Alice Agent: supports them", "Bob Agent: supports them").doesNotContain("late shift");
        assertThat(reviews.answers("2082-Q2")).filteredOn(a -> a.kind().equals(ANSWER_CONSULTATION)).extracting(PlanReviews.Answer::subject)
                .contains("1:alice", "2:alice", "2:bob");
        JsonNode view = Http.as(port, "maria").get("/api/plan-reviews/2082-Q2").json();
        List<String> kinds = new ArrayList<>();
        view.get("answers").forEach(a -> kinds.add(a.get("kind").asText()));
        assertThat(kinds).contains(ANSWER_RESEARCH_SUMMARY, ANSWER_FRONT_LINE, ANSWER_CONSULTATION, ANSWER_CUSTOMER_FEEDBACK);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private ProcessInstance start(String period) {
        ProcessInstance pi = runtimeService.createMessageCorrelation(MESSAGE_REVIEW_REQUESTED)
                .setVariable(VAR_PERIOD, period).setVariable(VAR_STARTED_BY, "maria").correlateStartMessage();
        started.add(pi.getId());
        return pi;
    }

    private void closeResearch(ProcessInstance pi) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(RESEARCH_WINDOW_CLOSED).singleResult().getId());
    }

    private void completeAreaReviews(ProcessInstance pi) {
        for (Task t : tasks(pi, REVIEW_STAFF)) {
            taskService.complete(t.getId(), Map.of(VAR_ENTHUSIASM, "4", VAR_FRIENDLINESS, "4", VAR_PROBLEM_SOLVING, "4", VAR_EMPATHY, "4"));
        }
        for (String area : List.of(REVIEW_TRAINING, REVIEW_DECISION_AUTHORITY)) {
            taskService.complete(task(pi, area).getId(), Map.of(VAR_FINDINGS, "Findings on " + area));
        }
        Task feedback = task(pi, REVIEW_CUSTOMER_FEEDBACK);
        assertThatThrownBy(() -> taskService.complete(feedback.getId(), Map.of(VAR_FINDINGS, "Slow call-backs.")))
                .hasMessageContaining("customerNarrative is required");
        taskService.complete(feedback.getId(), Map.of(VAR_FINDINGS, "Slow call-backs.", VAR_CUSTOMER_NARRATIVE,
                "Waits, repeats the story, gets a refund late."));
        Task elements = task(pi, RATE_SERVICE_ELEMENTS);
        taskService.complete(elements.getId(), PlanReviewTables.row(
                PlanReviewTables.table(properties.serviceElements(), n -> new int[] {3, 3}), "Callback within a day", 5, 1));
    }

    private static Map<String, Object> strategies() {
        Map<String, Object> v = new HashMap<>();
        v.put(var(VAR_STRATEGY_WEAKNESS, 1), "Callback within a day");
        v.put(var(VAR_STRATEGY_TYPE, 1), "training");
        v.put(var(VAR_STRATEGY_DESCRIPTION, 1), "Call-back training for every agent");
        v.put(var(VAR_STRATEGY_OWNER, 1), "alice");
        v.put(var(VAR_STRATEGY_DUE, 1), "2082-09-15");
        v.put(VAR_SECOND_STRATEGY, false);
        return v;
    }

    private static Map<String, Object> interview(String channel, String customer, String expectations, boolean another) {
        Map<String, Object> v = new HashMap<>();
        v.put(VAR_INTERVIEW_CHANNEL, channel);
        v.put(VAR_INTERVIEW_CUSTOMER, customer);
        v.put(VAR_INTERVIEW_EXPECTATIONS, expectations);
        v.put(VAR_INTERVIEW_UNMET_NEEDS, "Updates without asking.");
        v.put(VAR_ANOTHER_INTERVIEW, another);
        return v;
    }

    private void complaint(String name, String email, LocalDateTime resolved, String surveyComment) {
        jdbc.update("""
                INSERT INTO complaint (reference, process_instance_id, received_at, customer_name, customer_email, channel, category,
                  description, status, resolved_at, survey_rating, survey_comment, survey_answered_at)
                VALUES (?, ?, ?, ?, ?, 'email', 'delivery', 'Seeded for the research round', ?, ?, ?, ?, ?)""",
                "PRV-" + PlanReviewFixtures.unique(), "seed-" + PlanReviewFixtures.unique(), Timestamp.valueOf(resolved.minusDays(1)), name,
                email, surveyComment == null ? "RESOLVED" : "CLOSED", Timestamp.valueOf(resolved), surveyComment == null ? null : 4,
                surveyComment, surveyComment == null ? null : Timestamp.valueOf(resolved.plusHours(2)));
    }

    private Task task(ProcessInstance pi, String key) {
        List<Task> list = tasks(pi, key);
        assertThat(list).as(key).hasSize(1);
        return list.get(0);
    }

    private List<Task> tasks(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).listPage(0, 500);
    }

    private void drainAll() {
        while (sender.drain(Instant.now()) > 0) {
            // until nothing is due
        }
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((name, value) -> typed.put(name, Map.of("value", value, "type",
                value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer" : "String")));
        return typed;
    }

    static String text(MimeMessage message) throws Exception {
        return org.servicecharter.Mails.plainText(message);
    }
}
