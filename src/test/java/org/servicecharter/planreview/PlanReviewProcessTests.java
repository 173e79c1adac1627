package org.servicecharter.planreview;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plan-review model as deployed: the timer start, the manager's start and the refused second review of a
 * period, the reviews, the send-back loop, the escalation of an overdue strategy, the re-measure and its comparison
 * with the baseline, the employee survey and the yearly policies branch. Timers are fired by the tests; periods are
 * in far years that no other test uses.
 */
@ServiceCharterTest
class PlanReviewProcessTests {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired FormService formService;
    @Autowired PlanReviews reviews;
    @Autowired PlanReviewSchedule schedule;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlanReviewProperties properties;
    @Autowired EmployeeFile employeeFile;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;
    @LocalServerPort int port;

    PlanReviewFixtures fixtures;
    final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        init(processEngine);
        fixtures = new PlanReviewFixtures(jdbc);
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        identityService.clearAuthentication();
        fixtures.removeHistory();
        for (String id : started) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtimeService.deleteProcessInstance(id, "test over");
            }
        }
    }

    // --- the model ----------------------------------------------------------------------------------------------

    @Test
    void modelAndFormsAreDeployedTogether() {
        ProcessDefinition definition = latest();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(1825);
        assertThat(repositoryService.getDeploymentResourceNames(definition.getDeploymentId())).contains("plan-review.bpmn",
                FORM_RATE_REPRESENTATIVE + ".form", FORM_REVIEW_AREA + ".form", FORM_RATE_SERVICE_ELEMENTS + ".form",
                FORM_CHOOSE_STRATEGIES + ".form", FORM_APPROVE_STRATEGIES + ".form", FORM_IMPLEMENT_STRATEGY + ".form",
                FORM_FOLLOW_UP_OVERDUE_STRATEGY + ".form", FORM_SURVEY_EMPLOYEE + ".form", FORM_REWRITE_POLICIES + ".form",
                FORM_PUBLISH_HANDBOOK + ".form");
    }

    // --- starting -----------------------------------------------------------------------------------------------

    @Test
    void theTimerStartsOnTheFirstWorkingDayOfAQuarterAndReviewsTheQuarterThatEnded() {
        Job timer = managementService.createJobQuery().processDefinitionId(latest().getId()).activityId(TIMER_START).singleResult();
        assertThat(timer).as("the timer start's job").isNotNull();
        LocalDateTime due = ReviewPeriod.time(timer.getDuedate());
        assertThat(due.getMonthValue()).isIn(1, 4, 7, 10);
        assertThat(due.getDayOfMonth()).isLessThanOrEqualTo(3);
        assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(due.getHour()).isEqualTo(7);

        // the first working day of 2093 is Friday 2 January
        ClockUtil.setCurrentTime(ReviewPeriod.date(LocalDateTime.of(2093, 1, 2, 7, 0)));
        managementService.executeJob(timer.getId());

        ProcessInstance pi = byBusinessKey("2092-Q4");
        assertThat(pi).isActive().hasPassed(TIMER_START, OPEN_REVIEW, COMPUTE_FIGURES);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_YEARLY)).as("Q4's review is the yearly one").isEqualTo(true);
        PlanReviews.Review review = reviews.find("2092-Q4").orElseThrow();
        assertThat(review.periodFrom()).isEqualTo(LocalDateTime.of(2092, 10, 1, 0, 0));
        assertThat(review.periodTo()).isEqualTo(LocalDateTime.of(2093, 1, 1, 0, 0));
        assertThat(review.status()).isEqualTo("reviewing");
        assertThat(review.figures()).contains("\"complaints\":0");
        closeResearch(pi);
        assertThat(tasks(pi, REVIEW_TRAINING)).hasSize(1);
        assertThat(tasks(pi, REVIEW_STAFF)).hasSize(schedule.representatives().size());

        Job next = managementService.createJobQuery().processDefinitionId(latest().getId()).activityId(TIMER_START).singleResult();
        assertThat(next.getDuedate()).as("the next quarter's start is scheduled").isAfter(timer.getDuedate());
    }

    @Test
    void aManagerStartsAReviewOnDemandAndASecondReviewOfThePeriodIsRefused() {
        Http maria = Http.as(port, "maria");
        Http.Response created = maria.post("/api/plan-reviews", Map.of("period", "2094-Q1"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/plan-reviews/2094-Q1");
        JsonNode body = created.json();
        started.add(body.get("processInstanceId").asText());
        assertThat(body.get("startedBy").asText()).isEqualTo("maria");
        assertThat(body.get("status").asText()).isEqualTo("reviewing");
        assertThat(body.get("yearly").asBoolean()).isFalse();
        assertThat(body.get("figures").get("complaints").asLong()).isZero();

        Http.Response again = maria.post("/api/plan-reviews", Map.of("period", "2094-Q1"));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(Http.as(port, "henry").post("/api/plan-reviews", Map.of("period", "2094-Q1")).status()).isEqualTo(409);
        assertThat(Http.as(port, "alice").post("/api/plan-reviews", Map.of("period", "2094-Q2")).status())
                .as("agents do not start reviews").isEqualTo(403);
        assertThat(maria.post("/api/plan-reviews", Map.of("period", "2094-Q5")).status()).isEqualTo(400);
        assertThat(reviews.find("2094-Q2")).isEmpty();

        // the register's key decides even past the API's check: a second start of the period ends at once
        ProcessInstance second = runtimeService.createMessageCorrelation(MESSAGE_REVIEW_REQUESTED)
                .setVariable(VAR_PERIOD, "2094-Q1").correlateStartMessage();
        assertThat(second).isEnded().hasPassed(PERIOD_TAKEN, END_PERIOD_TAKEN).hasNotPassed(COMPUTE_FIGURES);
        assertThat(reviews.find("2094-Q1").orElseThrow().processInstanceId()).isEqualTo(started.get(0));

        assertThat(Http.as(port, "audrey").get("/api/plan-reviews/2094-Q1").status()).isEqualTo(200);
        assertThat(Http.as(port, "olga").get("/api/plan-reviews/2094-Q1").status()).isEqualTo(200);
        assertThat(Http.as(port, "alice").get("/api/plan-reviews/2094-Q1").status()).isEqualTo(403);
        assertThat(maria.get("/api/plan-reviews/2099-Q1").status()).isEqualTo(404);
    }

    // --- staff ratings: the employee file, coaching and training needs ---------------------------------------------

    @Test
    void highRatingsArePerformanceEvaluationsInTheEmployeeFileAndOpenNoCoaching() {
        ProcessInstance pi = startReview("2087-Q1");

        List<Task> ratings = tasks(pi, REVIEW_STAFF);
        identityService.setAuthentication("maria", List.of("managers", "employees"));
        for (Task t : ratings) {
            taskService.complete(t.getId(), ratings("3"));
        }
        identityService.clearAuthentication();

        EmployeeFileEntry evaluation = record("alice", RECORD_PERFORMANCE_EVALUATION, "2087-Q1");
        assertThat(evaluation.summary()).isEqualTo("Rated in the plan review of 2087-Q1: enthusiasm 3, friendliness 3, problem solving 3, empathy 3 (1 to 5).");
        assertThat(evaluation.recordedBy()).isEqualTo("maria");
        assertThat(evaluation.subjectReference()).isEqualTo("2087-Q1");
        assertThat(evaluation.details()).contains("\"enthusiasm\":3", "\"empathy\":3", "\"staffNote\":\"Solid quarter.\"",
                "\"period\":\"2087-Q1\"", "\"ratedBy\":\"maria\"");
        assertThat(employeeFile.entriesAbout("2087-Q1", List.of(RECORD_PERFORMANCE_EVALUATION))).hasSize(schedule.representatives().size());
        assertThat(employeeFile.entriesAbout("2087-Q1", List.of(RECORD_TRAINING_NEED))).as("3 is above the threshold 2").isEmpty();
        assertThat(tasks(pi, COACH_REPRESENTATIVE)).isEmpty();
        assertThat(pi).hasNotPassed(COACHING_NEEDED);
        assertThat((String) taskService.getVariable(tasks(pi, REVIEW_TRAINING).get(0).getId(), VAR_TRAINING_NEEDS))
                .isEqualTo("No representative has been rated at or below 2 in a quality in this review (so far).");
    }

    @Test
    void aLowRatingIsATrainingNeedAndOpensACoachingForTheManagerWhoseCompletionIsRecorded() {
        ProcessInstance pi = startReview("2087-Q2");
        Task training = tasks(pi, REVIEW_TRAINING).get(0);
        assertThat(formService.getTaskFormData(training.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_REVIEW_TRAINING);

        List<Task> ratings = tasks(pi, REVIEW_STAFF);
        identityService.setAuthentication("maria", List.of("managers", "employees"));
        for (Task t : ratings) {
            boolean alice = "alice".equals(taskService.getVariable(t.getId(), VAR_REPRESENTATIVE));
            Map<String, Object> rated = new HashMap<>(ratings("4"));
            if (alice) {
                rated.put(VAR_FRIENDLINESS, "2");
                rated.put(VAR_EMPATHY, "1");
            }
            taskService.complete(t.getId(), rated);
        }
        identityService.clearAuthentication();

        // the training need, in the employee file and on the training review's form, by name
        EmployeeFileEntry need = record("alice", RECORD_TRAINING_NEED, "2087-Q2");
        assertThat(need.summary()).isEqualTo("Needs training in friendliness and empathy: rated at or below 2 in the plan review of 2087-Q2.");
        assertThat(need.details()).isEqualTo("friendliness, empathy");
        assertThat(employeeFile.entriesAbout("2087-Q2", List.of(RECORD_TRAINING_NEED))).extracting(EmployeeFileEntry::employeeId)
                .containsExactly("alice");
        assertThat((String) taskService.getVariable(training.getId(), VAR_TRAINING_NEEDS)).isEqualTo("Alice Agent: friendliness, empathy");

        // the coaching: alice's manager, due after coaching-due (P30D), its own form
        Task coaching = tasks(pi, COACH_REPRESENTATIVE).get(0);
        assertThat(tasks(pi, COACH_REPRESENTATIVE)).hasSize(1);
        assertThat(coaching.getName()).isEqualTo("Coach Alice Agent on friendliness and empathy");
        assertThat(coaching.getAssignee()).isEqualTo("sam");
        assertThat(Duration.between(Instant.now(), coaching.getDueDate().toInstant())).isBetween(Duration.ofDays(29), Duration.ofDays(30));
        assertThat(formService.getTaskFormData(coaching.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_COACH_REPRESENTATIVE);

        // the review does not wait for it
        for (String area : List.of(REVIEW_TRAINING, REVIEW_DECISION_AUTHORITY, REVIEW_CUSTOMER_FEEDBACK)) {
            taskService.complete(tasks(pi, area).get(0).getId(), Map.of(VAR_FINDINGS, "Findings on " + area,
                    VAR_CUSTOMER_NARRATIVE, "Waits and repeats the story."));
        }
        frontLine(pi);
        Task elements = tasks(pi, RATE_SERVICE_ELEMENTS).get(0);
        formService.submitTaskForm(elements.getId(), PlanReviewTables.table(properties.serviceElements(), n -> new int[] {3, 3}));
        assertThat(pi).isWaitingAt(CHOOSE_STRATEGIES, COACH_REPRESENTATIVE);

        // past its due date the managers follow it up; the coach's task stays
        Job overdue = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(COACHING_OVERDUE).singleResult();
        assertThat(overdue.getDuedate()).isEqualTo(coaching.getDueDate());
        managementService.executeJob(overdue.getId());
        Task followUp = tasks(pi, FOLLOW_UP_OVERDUE_COACHING).get(0);
        assertThat(followUp).hasCandidateGroup("managers");
        assertThat(followUp.getName()).isEqualTo("Follow up the overdue coaching of Alice Agent");
        assertThat(formService.getTaskFormData(followUp.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_FOLLOW_UP_OVERDUE_COACHING);
        assertThat(tasks(pi, COACH_REPRESENTATIVE)).hasSize(1);

        // a completed training needs its name; then the coaching and the training are in alice's file
        identityService.setAuthentication("sam", List.of("supervisors", "employees"));
        assertThatThrownBy(() -> taskService.complete(coaching.getId(), Map.of(VAR_COACHING_NOTE, "Role-played difficult calls.",
                VAR_TRAINING_COMPLETED, true))).hasMessageContaining("Name the training");
        assertThatThrownBy(() -> taskService.complete(coaching.getId(), Map.of(VAR_TRAINING_COMPLETED, false)))
                .hasMessageContaining("coachingNote is required");
        taskService.complete(coaching.getId(), Map.of(VAR_COACHING_NOTE, "Role-played difficult calls.", VAR_TRAINING_COMPLETED, true,
                VAR_TRAINING_NAME, "Listening to customers"));
        identityService.clearAuthentication();

        EmployeeFileEntry coached = record("alice", RECORD_COACHING, "2087-Q2");
        assertThat(coached.summary()).isEqualTo("Coached on friendliness and empathy after the plan review of 2087-Q2.");
        assertThat(coached.details()).isEqualTo("Role-played difficult calls.");
        assertThat(coached.recordedBy()).isEqualTo("sam");
        EmployeeFileEntry trained = record("alice", RECORD_TRAINING_COMPLETED, "2087-Q2");
        assertThat(trained.details()).isEqualTo("Listening to customers");
        assertThat(trained.summary()).startsWith("Completed the training Listening to customers");
        assertThat(pi).hasPassed(END_COACHED).isWaitingAt(CHOOSE_STRATEGIES);
        assertThat(tasks(pi, COACH_REPRESENTATIVE)).isEmpty();
        assertThat(tasks(pi, FOLLOW_UP_OVERDUE_COACHING)).as("the coaching ended its follow-up").isEmpty();
    }

    // --- the whole cycle -----------------------------------------------------------------------------------------

    @Test
    void reviewSendBackEscalationOfAnOverdueStrategyAndTheRemeasureComparison() {
        ReviewPeriod q = ReviewPeriod.parse("2092-Q2");
        fixtures.seedBaseline(q);
        // the waiting period after the changes (2092-07-01 to 2092-10-01): fewer complaints, resolved faster, rated better
        LocalDateTime w = LocalDateTime.of(2092, 8, 1, 9, 0);
        fixtures.complaint(w, "delivery", "email", w.plusHours(3), 5);
        fixtures.complaint(w.plusDays(1), "delivery", "email", w.plusDays(1).plusHours(3), 5);

        ProcessInstance pi = runtimeService.createMessageCorrelation(MESSAGE_REVIEW_REQUESTED)
                .setVariable(VAR_PERIOD, q.label()).setVariable(VAR_STARTED_BY, "maria").correlateStartMessage();
        started.add(pi.getId());
        assertThat(pi).hasBusinessKey(q.label());
        closeResearch(pi);
        assertThat((String) runtimeService.getVariable(pi.getId(), VAR_FIGURES_SUMMARY)).contains("Complaints received: 5", "SLA breaches: 2");

        // the staff: one rating per representative; a rating out of range is refused
        List<Task> staff = tasks(pi, REVIEW_STAFF);
        assertThat(staff).hasSize(schedule.representatives().size()).allSatisfy(t -> assertThat(t).hasCandidateGroup("managers"));
        assertThat(formService.getTaskFormData(staff.get(0).getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_RATE_REPRESENTATIVE);
        assertThatThrownBy(() -> taskService.complete(staff.get(0).getId(), ratings("9"))).hasMessageContaining("from 1 to 5");
        for (Task t : staff) {
            taskService.complete(t.getId(), ratings("4"));
        }
        for (String area : List.of(REVIEW_TRAINING, REVIEW_DECISION_AUTHORITY, REVIEW_CUSTOMER_FEEDBACK)) {
            Task t = tasks(pi, area).get(0);
            assertThat((String) taskService.getVariable(t.getId(), VAR_REVIEW_QUESTION)).isNotBlank();
            taskService.complete(t.getId(), Map.of(VAR_FINDINGS, "Findings on " + area, VAR_CHANGES_NEEDED, "More of it",
                    VAR_CUSTOMER_NARRATIVE, "Waits and repeats the story."));
        }
        frontLine(pi);

        // the service elements: a table, one row per configured element (pre-filled, the task's own), plus one the
        // review adds; a row without its rating is refused naming the row; the heaviest rows (importance × gap) are the weakest
        Task elements = tasks(pi, RATE_SERVICE_ELEMENTS).get(0);
        assertThat(formService.getTaskFormData(elements.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_RATE_SERVICE_ELEMENTS);
        Map<String, Object> shown = formService.getTaskFormVariables(elements.getId());
        for (int slot = 1; slot <= properties.serviceElements().size(); slot++) {
            assertThat(shown.get(ServiceElementTable.name(slot))).isEqualTo(properties.serviceElements().get(slot - 1));
            assertThat(shown.get(ServiceElementTable.rating(slot))).isNull();
        }
        assertThat(shown.get(ServiceElementTable.name(properties.serviceElements().size() + 1))).as("a free row").isNull();
        assertThat(taskService.getVariablesLocal(elements.getId())).containsKey(ServiceElementTable.name(1));
        Map<String, Object> table = PlanReviewTables.table(properties.serviceElements(),
                n -> n.startsWith("Complaint resolved") ? new int[] {4, 2} : new int[] {3, 4});
        PlanReviewTables.row(table, "Callback within a day", 5, 1);
        Map<String, Object> unrated = new HashMap<>(table);
        unrated.put(ServiceElementTable.rating(2), null);
        unrated.put(ServiceElementTable.importance(3), 7);
        assertThatThrownBy(() -> formService.submitTaskForm(elements.getId(), unrated))
                .hasMessageContaining("row 2 (Friendliness of staff): give the rating from 1 to 5")
                .hasMessageContaining("row 3 (Knowledge of staff): give the importance from 1 to 5");
        Map<String, Object> missing = new HashMap<>(table);
        missing.put(ServiceElementTable.name(1), null);
        assertThatThrownBy(() -> formService.submitTaskForm(elements.getId(), missing))
                .hasMessageContaining("the element 'Speed of answer' is missing: rate it");
        // as Tasklist sends it (REST, JSON variables): 400, the row named
        Map<String, Object> restVariables = new java.util.LinkedHashMap<>();
        unrated.forEach((name, value) -> {
            if (value != null) { // a row's rating left empty: not sent
                restVariables.put(name, Map.of("value", value));
            }
        });
        Http.Response refused = Http.as(port, "maria").post("/engine-rest/task/" + elements.getId() + "/submit-form",
                Map.of("variables", restVariables));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).startsWith("The service-element table cannot be recorded: row 2 (Friendliness of staff)");
        formService.submitTaskForm(elements.getId(), table);
        assertThat(runtimeService.getVariables(pi.getId()).keySet()).as("the rows stay with the task")
                .noneMatch(k -> k.startsWith("element"));
        List<ServiceElementTable.Row> stored = List.of(reviews.read(reviews.find(q.label()).orElseThrow().serviceElements(),
                ServiceElementTable.Row[].class));
        assertThat(stored).hasSize(7);
        assertThat(stored.get(0)).isEqualTo(new ServiceElementTable.Row("Callback within a day", 5, 1, 4, 20, true));
        assertThat(stored.get(1)).isEqualTo(new ServiceElementTable.Row("Complaint resolved at first contact", 4, 2, 3, 12, true));
        assertThat(stored.get(2)).isEqualTo(new ServiceElementTable.Row("Speed of answer", 3, 4, 1, 3, false));

        // strategies: wrong choices are refused; the head of service sends the set back once, then approves it
        Task choose = tasks(pi, CHOOSE_STRATEGIES).get(0);
        assertThat((String) taskService.getVariable(choose.getId(), VAR_WEAKEST_ELEMENTS)).isEqualTo("""
                Callback within a day: importance 5, rated 1 of 5, weight 20
                Complaint resolved at first contact: importance 4, rated 2 of 5, weight 12""");
        Map<String, Object> wrong = strategies("2092-06-15");
        wrong.put(var(VAR_STRATEGY_OWNER, 2), "nobody");
        wrong.put(var(VAR_STRATEGY_TYPE, 1), "magic");
        wrong.put(var(VAR_STRATEGY_REMEASURE_AFTER, 2), "soon");
        assertThatThrownBy(() -> taskService.complete(choose.getId(), wrong))
                .hasMessageContaining("strategy 1: the strategy is one of").hasMessageContaining("strategy 2: the owner")
                .hasMessageContaining("strategy 2: the re-measure time is a number of days from 1 to 730 or an ISO-8601 period");
        taskService.complete(choose.getId(), strategies("2092-06-15"));
        consult(pi);
        Task approve = tasks(pi, APPROVE_STRATEGIES).get(0);
        assertThat(approve).hasCandidateGroup("head-of-service");
        assertThat(taskService.getVariable(approve.getId(), VAR_STRATEGIES_SUMMARY)).as("in words, owners by name").isEqualTo("""
                1. Callback within a day → training programme (Call-back training for every agent), owner Alice Agent, due 15 Jun 2092, re-measured 2 months after it is implemented
                2. Complaint resolved at first contact → redesign a process, owner Bob Agent, due 30 Jun 2092, re-measured 4 months after it is implemented""");
        taskService.complete(approve.getId(), Map.of(VAR_STRATEGIES_DECISION, DECISION_SEND_BACK, VAR_SEND_BACK_REASON, "Give alice more time."));
        assertThat(pi).hasPassed(STRATEGIES_APPROVED);
        Task chooseAgain = tasks(pi, CHOOSE_STRATEGIES).get(0);
        assertThat(taskService.getVariable(chooseAgain.getId(), VAR_SEND_BACK_REASON)).isEqualTo("Give alice more time.");
        taskService.complete(chooseAgain.getId(), strategies("2092-06-20"));
        consult(pi);
        taskService.complete(tasks(pi, APPROVE_STRATEGIES).get(0).getId(), Map.of(VAR_STRATEGIES_DECISION, DECISION_APPROVE));
        assertThat(reviews.strategies(q.label())).extracting(PlanReviews.Strategy::status).containsExactly("approved", "approved");

        // implementation: one task per strategy for its owner, due at its due date
        Task alices = implementTask(pi, "alice");
        Task bobs = implementTask(pi, "bob");
        assertThat(ReviewPeriod.time(alices.getDueDate())).isEqualTo(LocalDateTime.of(2092, 6, 20, 23, 59, 59));
        assertThat(formService.getTaskFormData(alices.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_IMPLEMENT_STRATEGY);
        assertThat((String) taskService.getVariable(alices.getId(), VAR_STRATEGY_TEXT)).contains("Weakness: Callback within a day");

        // alice's strategy is overdue: the managers follow it up, her task stays open
        Job overdue = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(STRATEGY_OVERDUE).list().stream()
                .filter(j -> j.getDuedate().equals(alices.getDueDate())).findFirst().orElseThrow();
        managementService.executeJob(overdue.getId());
        Task followUp = tasks(pi, FOLLOW_UP_OVERDUE_STRATEGY).get(0);
        assertThat(followUp).hasCandidateGroup("managers");
        assertThat((String) taskService.getVariable(followUp.getId(), VAR_STRATEGY_TEXT)).contains("Callback within a day");
        assertThat(reviews.strategy(q.label(), 1).status()).isEqualTo("overdue");
        assertThat(reviews.strategy(q.label(), 2).status()).isEqualTo("approved");
        assertThat(taskService.createTaskQuery().taskId(alices.getId()).count()).isEqualTo(1);

        // bob's strategy is implemented on 1 July 2092: its own waiting period (P4M, set when chosen) runs to 1 November
        ClockUtil.setCurrentTime(ReviewPeriod.date(LocalDateTime.of(2092, 7, 1, 0, 0)));
        taskService.complete(bobs.getId(), Map.of(VAR_IMPLEMENTATION_NOTE, "Redesigned first-contact handling."));
        // alice's on 15 July: the default of its area (training, P2M) runs to 15 September
        ClockUtil.setCurrentTime(ReviewPeriod.date(LocalDateTime.of(2092, 7, 15, 0, 0)));
        taskService.complete(alices.getId(), Map.of(VAR_IMPLEMENTATION_NOTE, "Call-back training given."));
        ClockUtil.reset();
        assertThat(taskService.createTaskQuery().taskId(followUp.getId()).count()).as("the follow-up ends with the strategy").isZero();
        assertThat(reviews.strategies(q.label())).extracting(PlanReviews.Strategy::status, PlanReviews.Strategy::remeasureAfter,
                PlanReviews.Strategy::remeasureTo).containsExactly(
                        tuple("waiting", "P2M", LocalDateTime.of(2092, 9, 15, 0, 0)),
                        tuple("waiting", "P4M", LocalDateTime.of(2092, 11, 1, 0, 0)));
        assertThat(reviews.find(q.label()).orElseThrow().status()).isEqualTo("waiting");
        List<Job> waiting = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(WAITING_PERIOD_OVER)
                .orderByJobDuedate().asc().list();
        assertThat(waiting).extracting(j -> ReviewPeriod.time(j.getDuedate()))
                .containsExactly(LocalDateTime.of(2092, 9, 15, 0, 0), LocalDateTime.of(2092, 11, 1, 0, 0));

        // alice's strategy is re-measured first, against its own baseline (the two months before 15 July); the review waits
        managementService.executeJob(waiting.get(0).getId());
        assertThat(reviews.strategy(q.label(), 1).status()).isEqualTo("remeasured");
        assertThat(reviews.find(q.label()).orElseThrow().status()).isEqualTo("waiting");
        assertThat(tasks(pi, RATE_SERVICE_ELEMENTS_AGAIN)).as("the review closes after the last strategy").isEmpty();
        assertThat(pi).isWaitingAt(WAITING_PERIOD_OVER);
        PlanReviews.StrategyComparison first = reviews.strategyComparisons(q.label()).get(0);
        assertThat(first.comparison().baselineFrom()).startsWith("2092-05-14");
        assertThat(first.comparison().remeasuredFrom()).startsWith("2092-07-15");
        assertThat(first.comparison().remeasuredTo()).startsWith("2092-09-15");

        // bob's, against the four months before 1 July; the review goes on to the table rated again
        managementService.executeJob(waiting.get(1).getId());
        PlanReviews.Review review = reviews.find(q.label()).orElseThrow();
        assertThat(review.status()).isEqualTo("remeasured");
        List<PlanReviews.StrategyComparison> comparisons = reviews.strategyComparisons(q.label());
        assertThat(comparisons).extracting(PlanReviews.StrategyComparison::number).containsExactly(1, 2);
        Map<String, PlanFigures.Change> alicesChanges = new HashMap<>();
        comparisons.get(0).comparison().changes().forEach(c -> alicesChanges.put(c.figure(), c));
        Map<String, PlanFigures.Change> changes = new HashMap<>();
        comparisons.get(1).comparison().changes().forEach(c -> changes.put(c.figure(), c));
        // alice's windows: the complaint of 1 July before, the two of August after
        assertThat(alicesChanges.get("complaints")).extracting("baseline", "remeasured", "verdict").containsExactly(1.0, 2.0, "worse");
        // bob's: the quarter's five and the one of 31 March before, 1 July and August after
        assertThat(changes.get("complaints")).extracting("baseline", "remeasured", "verdict").containsExactly(6.0, 3.0, "improved");
        assertThat(changes.get("averageSurveyRating")).extracting("remeasured", "verdict").containsExactly(5.0, "improved");
        String comparisonSummary = (String) runtimeService.getVariable(pi.getId(), VAR_COMPARISON_SUMMARY);
        assertThat(comparisonSummary).contains("Strategy 1 (Callback within a day → training programme), re-measured 2 months after",
                "Strategy 2 (Complaint resolved at first contact → redesign a process), re-measured 4 months after");

        // the same table again: the first rating's rows, their importance pre-filled, the first figures beside each
        Task again = tasks(pi, RATE_SERVICE_ELEMENTS_AGAIN).get(0);
        assertThat(again).hasCandidateGroup("managers");
        assertThat(formService.getTaskFormData(again.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_RATE_SERVICE_ELEMENTS_AGAIN);
        Map<String, Object> againShown = formService.getTaskFormVariables(again.getId());
        assertThat(againShown.get(ServiceElementTable.name(1))).isEqualTo("Callback within a day");
        assertThat(againShown.get(ServiceElementTable.importance(1))).isEqualTo(5);
        assertThat(againShown.get(ServiceElementTable.rating(1))).isNull();
        assertThat(againShown.get(ServiceElementTable.before(1))).isEqualTo("5, 1, 20");
        assertThat((String) againShown.get(VAR_COMPARISON_SUMMARY)).isEqualTo(comparisonSummary);
        Map<String, Object> rerated = PlanReviewTables.table(stored.stream().map(ServiceElementTable.Row::name).toList(),
                n -> n.equals("Callback within a day") ? new int[] {5, 4} : n.startsWith("Complaint resolved") ? new int[] {4, 2} : new int[] {3, 4});
        Map<String, Object> leftOut = new HashMap<>(rerated);
        leftOut.put(ServiceElementTable.name(2), "");
        assertThatThrownBy(() -> formService.submitTaskForm(again.getId(), leftOut))
                .hasMessageContaining("the element 'Complaint resolved at first contact' is missing: rate it");
        PlanReviewTables.row(rerated, "Online chat", 2, 3);
        formService.submitTaskForm(again.getId(), rerated);
        assertThat((String) runtimeService.getVariable(pi.getId(), VAR_SERVICE_ELEMENT_COMPARISON)).startsWith("""
                Callback within a day: importance 5 → 5, rating 1 → 4, weight 20 → 5 (improved)
                Complaint resolved at first contact: importance 4 → 4, rating 2 → 2, weight 12 → 12 (unchanged)""")
                .contains("Online chat: importance — → 2, rating — → 3, weight — → 4 (new)");

        // not the yearly review: only the employee survey, one task per representative
        assertThat(tasks(pi, REWRITE_POLICIES)).isEmpty();
        List<Task> surveys = tasks(pi, SURVEY_EMPLOYEES);
        assertThat(surveys).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(schedule.representatives());
        for (Task t : surveys) {
            taskService.complete(t.getId(), Map.of(VAR_CHANGE_EFFECT, "better", VAR_SURVEY_COMMENT, "Fewer angry call-backs."));
        }
        assertThat(pi).isEnded().hasPassed(END_COMPLETED);

        JsonNode view = Http.as(port, "maria").get("/api/plan-reviews/" + q.label()).json();
        assertThat(view.get("status").asText()).isEqualTo("completed");
        assertThat(view.get("figures").get("complaints").asLong()).isEqualTo(5);
        assertThat(view.get("comparison").isNull()).as("each strategy has its own").isTrue();
        assertThat(view.get("strategyComparisons")).hasSize(2);
        JsonNode bobsView = view.get("strategyComparisons").get(1);
        assertThat(bobsView.get("remeasureAfter").asText()).isEqualTo("P4M");
        assertThat(bobsView.get("baseline").get("complaints").asLong()).isEqualTo(6);
        assertThat(bobsView.get("remeasured").get("complaints").asLong()).isEqualTo(3);
        assertThat(bobsView.get("comparison").get("changes")).hasSize(10);
        assertThat(view.get("strategies").get(1).get("remeasureTo").asText()).startsWith("2092-11-01");
        assertThat(view.get("serviceElements").get(0).get("name").asText()).isEqualTo("Callback within a day");
        assertThat(view.get("serviceElements").get(0).get("weight").asInt()).isEqualTo(20);
        assertThat(view.get("serviceElements").get(0).get("weakest").asBoolean()).isTrue();
        assertThat(view.get("serviceElementsAgain")).hasSize(8);
        JsonNode callback = view.get("serviceElementComparison").get(0);
        assertThat(callback.get("name").asText()).isEqualTo("Callback within a day");
        assertThat(callback.get("ratingBefore").asInt()).isEqualTo(1);
        assertThat(callback.get("ratingAfter").asInt()).isEqualTo(4);
        assertThat(callback.get("weightAfter").asInt()).isEqualTo(5);
        assertThat(callback.get("change").asText()).isEqualTo("improved");
        assertThat(view.get("strategies").get(0).get("escalatedAt").isNull()).isFalse();
        List<String> kinds = new ArrayList<>();
        view.get("answers").forEach(a -> kinds.add(a.get("kind").asText()));
        assertThat(kinds).contains(ANSWER_STAFF, ANSWER_TRAINING, ANSWER_DECISION_AUTHORITY, ANSWER_CUSTOMER_FEEDBACK, ANSWER_SEND_BACK,
                ANSWER_SURVEY);
    }

    @Test
    void theYearlyReviewHasThePoliciesRewrittenAndTheNewHandbookPublished() {
        ReviewPeriod q = ReviewPeriod.parse("2096-Q4");
        reviews.open(q, "seeded", "maria", true, LocalDateTime.now());
        ProcessInstance pi = runtimeService.createProcessInstanceByKey(PROCESS_KEY).businessKey(q.label())
                .setVariable(VAR_PERIOD, q.label()).setVariable(VAR_YEARLY, true)
                .setVariable(VAR_COMPARISON_SUMMARY, "complaints: 5.0 → 3.0 (improved)")
                .setVariable(VAR_STRATEGIES_SUMMARY, "1. Callback within a day → training")
                .startBeforeActivity(AFTER_REMEASURE).execute();
        started.add(pi.getId());

        Task rewrite = tasks(pi, REWRITE_POLICIES).get(0);
        assertThat(rewrite).hasCandidateGroup("process-owners");
        assertThat(formService.getTaskFormData(rewrite.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_REWRITE_POLICIES);
        taskService.complete(rewrite.getId(), Map.of(VAR_POLICIES_NOTE, "Refund policy rewritten.", VAR_HANDBOOK_CHANGES, true));

        Task publish = tasks(pi, PUBLISH_HANDBOOK).get(0);
        assertThat(publish).hasCandidateGroup("process-owners");
        String version = "PR" + PlanReviewFixtures.unique().substring(0, 8);
        assertThatThrownBy(() -> taskService.complete(publish.getId(), Map.of(VAR_HANDBOOK_VERSION, version)))
                .hasMessageContaining("is not published yet");
        jdbc.update("""
                INSERT INTO handbook_version (version, title, document_sha256, rules, sign_off_deadline, published_at, process_instance_id)
                VALUES (?, 'Customer-service handbook', ?, 'Apologise first.', ?, ?, 'seeded')""", version, "a".repeat(64),
                Timestamp.valueOf(LocalDateTime.now().plusDays(30)), Timestamp.valueOf(LocalDateTime.now()));
        taskService.complete(publish.getId(), Map.of(VAR_HANDBOOK_VERSION, version));

        for (Task t : tasks(pi, SURVEY_EMPLOYEES)) {
            taskService.complete(t.getId(), Map.of(VAR_CHANGE_EFFECT, "no-change"));
        }
        assertThat(pi).isEnded().hasPassed(REWRITE_POLICIES, PUBLISH_HANDBOOK, END_COMPLETED);
        assertThat(reviews.answers(q.label())).extracting(PlanReviews.Answer::kind).contains(ANSWER_POLICIES, ANSWER_HANDBOOK);
        assertThat(reviews.find(q.label()).orElseThrow().status()).isEqualTo("completed");
    }

    @Test
    void theElementsTheResearchNamedAreRowsOfTheTableToo() {
        ProcessInstance pi = runtimeService.createProcessInstanceByKey(PROCESS_KEY).businessKey("2086-Q2")
                .setVariable(VAR_PERIOD, "2086-Q2").setVariable(VAR_RESEARCH_SERVICE_ELEMENTS, "Callback within a day\n speed of answer \n\nParking")
                .startBeforeActivity(RATE_SERVICE_ELEMENTS).execute();
        started.add(pi.getId());
        Task elements = tasks(pi, RATE_SERVICE_ELEMENTS).get(0);
        Map<String, Object> shown = formService.getTaskFormVariables(elements.getId());
        int configured = properties.serviceElements().size();
        assertThat(shown.get(ServiceElementTable.name(configured + 1))).isEqualTo("Callback within a day");
        assertThat(shown.get(ServiceElementTable.name(configured + 2))).as("a configured element is not named twice").isEqualTo("Parking");
        assertThat(shown.get(ServiceElementTable.name(configured + 3))).isNull();
    }

    @Autowired StartWaitingPeriodDelegate startWaitingPeriod;
    @Autowired RemeasureFiguresDelegate remeasureFigures;
    @Autowired PlanFigures planFigures;

    @Test
    void aReviewWaitingOnTheModelVersionBeforeEachStrategyHadItsOwnTimeIsRemeasuredAsThatVersionDid() throws Exception {
        // that version waited once, after the last strategy, at process level: no strategy number in scope
        ReviewPeriod q = ReviewPeriod.parse("2086-Q3");
        fixtures.seedBaseline(q);
        reviews.open(q, "seeded", "maria", false, LocalDateTime.now());
        reviews.figures(q.label(), planFigures.compute(q.start(), q.end()));
        Map<String, Object> variables = new HashMap<>(Map.of(VAR_PERIOD, q.label()));
        org.camunda.bpm.engine.delegate.DelegateExecution execution = org.mockito.Mockito.mock(org.camunda.bpm.engine.delegate.DelegateExecution.class);
        org.mockito.Mockito.when(execution.getVariable(org.mockito.ArgumentMatchers.anyString())).thenAnswer(i -> variables.get(i.<String>getArgument(0)));
        org.mockito.Mockito.doAnswer(i -> variables.put(i.getArgument(0), i.getArgument(1))).when(execution)
                .setVariable(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any());
        ClockUtil.setCurrentTime(ReviewPeriod.date(q.end()));
        startWaitingPeriod.execute(execution);
        assertThat(ReviewPeriod.time((java.util.Date) variables.get(VAR_REMEASURE_TO))).isEqualTo(q.end().plus(properties.remeasureAfter()));
        assertThat(reviews.find(q.label()).orElseThrow().status()).isEqualTo("waiting");

        remeasureFigures.execute(execution);
        PlanReviews.Review review = reviews.find(q.label()).orElseThrow();
        assertThat(review.status()).isEqualTo("remeasured");
        PlanFigures.Comparison comparison = reviews.read(review.comparison(), PlanFigures.Comparison.class);
        assertThat(comparison.changes()).filteredOn(c -> c.figure().equals("complaints")).singleElement()
                .extracting("baseline").isEqualTo(5.0);
        assertThat((String) variables.get(VAR_COMPARISON_SUMMARY)).startsWith("Baseline ");
    }

    @Test
    void aReviewOpenedBeforeTheTableHadRowsIsStillRatedFromItsLines() {
        // an instance of the model version before the table: its form sent name: rating lines, no rows
        ReviewPeriod q = ReviewPeriod.parse("2086-Q1");
        reviews.open(q, "seeded", "maria", false, LocalDateTime.now());
        ProcessInstance pi = runtimeService.createProcessInstanceByKey(PROCESS_KEY).businessKey(q.label())
                .setVariable(VAR_PERIOD, q.label())
                .setVariable(VAR_SERVICE_ELEMENT_RATINGS, "Speed of answer: 4\nCallback within a day: 1\nKnowledge of staff: 2")
                .startBeforeActivity(HIGHLIGHT_WEAKEST).execute();
        started.add(pi.getId());

        assertThat(runtimeService.getVariable(pi.getId(), VAR_WEAKEST_ELEMENTS)).isEqualTo("Callback within a day (1 of 5)\nKnowledge of staff (2 of 5)");
        JsonNode elements = Http.as(port, "maria").get("/api/plan-reviews/" + q.label()).json().get("serviceElements");
        assertThat(elements).hasSize(3);
        assertThat(elements.get(0).get("name").asText()).isEqualTo("Callback within a day");
        assertThat(elements.get(0).get("importance").isNull()).as("not asked then").isTrue();
        assertThat(elements.get(0).get("weakest").asBoolean()).isTrue();
        assertThat(elements.get(2).get("weakest").asBoolean()).isFalse();
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** Starts the review and closes its research round (the window's timer), so that the area reviews are open. */
    private ProcessInstance startReview(String period) {
        ProcessInstance pi = runtimeService.createMessageCorrelation(MESSAGE_REVIEW_REQUESTED)
                .setVariable(VAR_PERIOD, period).setVariable(VAR_STARTED_BY, "maria").correlateStartMessage();
        started.add(pi.getId());
        closeResearch(pi);
        return pi;
    }

    private void closeResearch(ProcessInstance pi) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(RESEARCH_WINDOW_CLOSED).singleResult().getId());
    }

    /** The front line's input (an agent) and every representative's view on the strategies. */
    private void frontLine(ProcessInstance pi) {
        taskService.complete(tasks(pi, GIVE_FRONT_LINE_INPUT).get(0).getId(), Map.of(VAR_WHAT_GOES_WRONG, "Call-backs are forgotten.",
                VAR_WHAT_TO_CHANGE, "A call-back list."));
    }

    private void consult(ProcessInstance pi) {
        for (Task t : tasks(pi, CONSULT_ON_STRATEGIES)) {
            taskService.complete(t.getId(), Map.of(VAR_STRATEGY_SUPPORT, "yes"));
        }
    }

    private EmployeeFileEntry record(String employee, String type, String period) {
        return employeeFile.find(type + ":" + period + ":" + employee).orElseThrow(() -> new AssertionError("no " + type + " of " + employee));
    }

    private ProcessDefinition latest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
    }

    private ProcessInstance byBusinessKey(String key) {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(key)
                .singleResult();
        assertThat(pi).as("review " + key).isNotNull();
        started.add(pi.getId());
        return pi;
    }

    private List<Task> tasks(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
    }

    private Task implementTask(ProcessInstance pi, String owner) {
        return tasks(pi, IMPLEMENT_STRATEGY).stream().filter(t -> owner.equals(t.getAssignee())).findFirst().orElseThrow();
    }

    private static Map<String, Object> ratings(String value) {
        return Map.of(VAR_ENTHUSIASM, value, VAR_FRIENDLINESS, value, VAR_PROBLEM_SOLVING, value, VAR_EMPATHY, value,
                VAR_STAFF_NOTE, "Solid quarter.");
    }

    private static Map<String, Object> strategies(String firstDue) {
        Map<String, Object> v = new HashMap<>();
        v.put(var(VAR_STRATEGY_WEAKNESS, 1), "Callback within a day");
        v.put(var(VAR_STRATEGY_TYPE, 1), "training");
        v.put(var(VAR_STRATEGY_DESCRIPTION, 1), "Call-back training for every agent");
        v.put(var(VAR_STRATEGY_OWNER, 1), "alice");
        v.put(var(VAR_STRATEGY_DUE, 1), firstDue);
        v.put(VAR_SECOND_STRATEGY, true);
        v.put(var(VAR_STRATEGY_WEAKNESS, 2), "Complaint resolved at first contact");
        v.put(var(VAR_STRATEGY_TYPE, 2), "process-redesign");
        v.put(var(VAR_STRATEGY_OWNER, 2), "bob");
        v.put(var(VAR_STRATEGY_DUE, 2), "2092-06-30");
        v.put(var(VAR_STRATEGY_REMEASURE_AFTER, 2), "P4M");
        return v;
    }
}
