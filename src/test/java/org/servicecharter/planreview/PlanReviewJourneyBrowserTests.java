package org.servicecharter.planreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.Chromium.choose;
import static org.servicecharter.Chromium.fillIn;
import static org.servicecharter.Chromium.technicalWords;
import static org.servicecharter.Chromium.visibleText;
import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plan review walked in Chromium: maria starts the review of a quarter with a known history, rates a
 * representative and reviews the decision authority in Tasklist, reads the weakest elements when choosing strategies,
 * and henry approves the strategies. Every form shows the period's figures in words: no printed maps, no raw ids.
 * Screenshots in target/screenshots/journeys/plan-review.
 */
@ServiceCharterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanReviewJourneyBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/journeys/plan-review");

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.FormService formService;
    @Autowired PlanReviewProperties properties;
    @Autowired HistoryService historyService;
    @Autowired org.camunda.bpm.engine.ManagementService managementService;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.servicecharter.employeefile.EmployeeFile employeeFile;

    PlanReviewFixtures fixtures;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        fixtures = new PlanReviewFixtures(jdbc);
        browser = Chromium.start(1400, 1300);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stopBrowser() throws Exception {
        fixtures.removeHistory();
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void managersReviewTheQuarterInTasklistAndTheHeadOfServiceApprovesTheStrategies() throws Exception {
        // a quarter in a far year that no other test writes to, with a known history
        ReviewPeriod q = ReviewPeriod.parse((2400 + ThreadLocalRandom.current().nextInt(500)) + "-Q" + (1 + ThreadLocalRandom.current().nextInt(4)));
        fixtures.seedBaseline(q);
        Http.Response started = Http.as(port, "maria").post("/api/plan-reviews", Map.of("period", q.label()));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String instance = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(q.label()).singleResult().getId();

        // the research round (issue 19.1): alice, an agent, records a customer interview in Tasklist
        Task interview = tasks(instance, RECORD_INTERVIEW).get(0);
        Chromium.tasklistAs(browser, port, "alice");
        Chromium.openTask(browser, port, interview.getId(), "Field_InterviewCustomer");
        Chromium.choose(browser, "Field_InterviewChannel", 1);
        fillIn(browser, "Field_InterviewCustomer", "Mrs Jones");
        fillIn(browser, "Field_InterviewExpectations", "To be called back when promised.");
        fillIn(browser, "Field_InterviewUnmetNeeds", "Updates without asking.");
        fillIn(browser, "Field_InterviewServiceElements", "Callback within a day");
        shot("00-alice-records-a-customer-interview");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(interview.getId()).count() == 0, "the interview recorded");
        // no other interview: the round waits for its window, which closes it
        org.camunda.bpm.engine.runtime.Job window = managementService.createJobQuery().processInstanceId(instance)
                .activityId(RESEARCH_WINDOW_OVER).singleResult();
        managementService.executeJob(window.getId());

        // maria rates alice against the plan's requirements
        Task rateAlice = tasks(instance, REVIEW_STAFF).stream()
                .filter(t -> "alice".equals(taskService.getVariable(t.getId(), VAR_REPRESENTATIVE))).findFirst().orElseThrow();
        Chromium.tasklistAs(browser, port, "maria");
        Chromium.assertNoVendorBanner(browser);
        Chromium.openTask(browser, port, rateAlice.getId(), "Field_StaffNote");
        wait.until(d -> visibleText(d, ".task-details").contains("Complaints received"));
        String rateForm = visibleText(browser, ".task-details");
        assertThat(rateForm).contains("Period 1 " + q.start().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH),
                "Complaints received: 5", "SLA breaches: 2", "delivery 3");
        assertFiguresInWords(rateForm, "the representative's rating");
        assertThat(browser.findElement(Chromium.field("Field_Representative")).getAttribute("value")).isEqualTo("Alice Agent");
        shot("01-maria-rates-a-representative");
        for (String field : List.of("Field_Enthusiasm", "Field_ProblemSolving", "Field_Empathy")) {
            Chromium.select(browser, field, "4 — good");
        }
        Chromium.select(browser, "Field_Friendliness", "2 — weak");
        String staffNote = "Calm with upset customers; could close calls faster.";
        fillIn(browser, "Field_StaffNote", staffNote);
        shot("02-maria-has-rated-alice");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(rateAlice.getId()).count() == 0, "alice rated");
        assertThat(review(q).get("answers").toString()).as("the stored rating").contains(staffNote);
        assertThat(employeeFile.find(RECORD_PERFORMANCE_EVALUATION + ":" + q.label() + ":alice")).as("alice's evaluation on file")
                .hasValueSatisfying(e -> assertThat(e.recordedBy()).isEqualTo("maria"));

        // friendliness 2 is at the coaching threshold: a training need, shown on the training review
        Task training = tasks(instance, REVIEW_TRAINING).get(0);
        Chromium.openTask(browser, port, training.getId(), "Field_Findings");
        wait.until(d -> browser.findElement(Chromium.field("Field_TrainingNeeds")).getAttribute("value").contains("Alice Agent"));
        assertThat(browser.findElement(Chromium.field("Field_TrainingNeeds")).getAttribute("value")).isEqualTo("Alice Agent: friendliness");
        shot("02b-maria-sees-who-needs-which-training");
        fillIn(browser, "Field_Findings", "Alice needs the friendliness workshop; the programme covers it.");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(training.getId()).count() == 0, "training reviewed");

        // the decision authority: are the approval tiers right?
        Task authority = tasks(instance, REVIEW_DECISION_AUTHORITY).get(0);
        Chromium.openTask(browser, port, authority.getId(), "Field_Findings");
        wait.until(d -> visibleText(d, ".task-details").contains("Complaints received"));
        String authorityForm = visibleText(browser, ".task-details");
        assertFiguresInWords(authorityForm, "the decision authority's review");
        shot("03-maria-reviews-the-decision-authority");
        String findings = "Supervisors decide most requests within a day; the agent tier is rarely used.";
        fillIn(browser, "Field_Findings", findings);
        fillIn(browser, "Field_ChangesNeeded", "Raise the agents' goodwill limit to 50 EUR.");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(authority.getId()).count() == 0, "authority reviewed");
        assertThat(review(q).get("answers").toString()).as("the stored review").contains(findings);

        // the other reviews as the engine's API would take them (their forms are the same kind as the two above)
        for (Task t : tasks(instance, REVIEW_STAFF)) {
            taskService.complete(t.getId(), Map.of(VAR_ENTHUSIASM, "4", VAR_FRIENDLINESS, "4", VAR_PROBLEM_SOLVING, "4",
                    VAR_EMPATHY, "4", VAR_STAFF_NOTE, "Solid quarter."));
        }
        for (String area : List.of(REVIEW_CUSTOMER_FEEDBACK)) {
            taskService.complete(tasks(instance, area).get(0).getId(), Map.of(VAR_FINDINGS, "Fine", VAR_CHANGES_NEEDED, "None",
                    VAR_CUSTOMER_NARRATIVE, "Calls twice and waits a day."));
        }
        // alice gives the front line's input in Tasklist (issue 19.3)
        Task frontLine = tasks(instance, GIVE_FRONT_LINE_INPUT).get(0);
        Chromium.tasklistAs(browser, port, "alice");
        Chromium.openTask(browser, port, frontLine.getId(), "Field_WhatGoesWrong");
        fillIn(browser, "Field_WhatGoesWrong", "Call-backs are forgotten.");
        fillIn(browser, "Field_WhatToChange", "A call-back list per shift.");
        fillIn(browser, "Field_EmployeeNarrative", "They call three times before someone owns the case.");
        shot("03b-alice-tells-what-goes-wrong");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(frontLine.getId()).count() == 0, "the front line answered");
        Chromium.tasklistAs(browser, port, "maria");
        Task elements = tasks(instance, RATE_SERVICE_ELEMENTS).get(0);
        // the element Mrs Jones named in her interview is a row of the table, after the configured ones
        Chromium.openTask(browser, port, elements.getId(), "Field_Element1Importance");
        String researchRow = "Field_Element" + (properties.serviceElements().size() + 1) + "Name";
        wait.until(d -> "Callback within a day".equals(d.findElement(Chromium.field(researchRow)).getAttribute("value")));
        assertThat(browser.findElement(Chromium.field("Field_ResearchSummary")).getAttribute("value"))
                .contains("Service elements they named that we do not rate yet (rows of the table): Callback within a day.");
        shot("03c-the-table-has-the-element-the-customer-named");
        formService.submitTaskForm(elements.getId(), PlanReviewTables.row(PlanReviewTables.table(properties.serviceElements(),
                n -> n.startsWith("Complaint resolved") ? new int[] {4, 2} : new int[] {3, 4}), "Callback within a day", 5, 1));

        // maria reads the weakest elements when she chooses the strategies
        Task choose = tasks(instance, CHOOSE_STRATEGIES).get(0);
        Chromium.openTask(browser, port, choose.getId(), "Field_Strategy1Weakness");
        wait.until(d -> visibleText(d, ".task-details").contains("Callback within a day: importance 5, rated 1 of 5, weight 20"));
        String chooseForm = visibleText(browser, ".task-details");
        assertFiguresInWords(chooseForm, "the strategies' choice");
        assertThat(chooseForm).contains("By phone, Mrs Jones (recorded by Alice Agent): expects \"To be called back when promised.\"",
                "Alice Agent (front line): what goes wrong: Call-backs are forgotten.");
        shot("04-maria-reads-the-weakest-elements");
        taskService.complete(choose.getId(), strategies());
        // the agents' views on the chosen strategies (issue 19.3)
        for (Task view : tasks(instance, CONSULT_ON_STRATEGIES)) {
            taskService.complete(view.getId(), "alice".equals(view.getAssignee())
                    ? Map.of(VAR_STRATEGY_SUPPORT, "with-changes", VAR_CONSULTATION_COMMENT, "Start with the late shift.")
                    : Map.of(VAR_STRATEGY_SUPPORT, "yes"));
        }

        // henry approves the strategies
        Task approve = tasks(instance, APPROVE_STRATEGIES).get(0);
        Chromium.tasklistAs(browser, port, "henry");
        Chromium.openTask(browser, port, approve.getId(), "Field_StrategiesDecision-0");
        wait.until(d -> visibleText(d, ".task-details").contains("Call-back training"));
        String approveForm = visibleText(browser, ".task-details");
        assertFiguresInWords(approveForm, "the strategies' approval");
        assertThat(approveForm).contains("Alice Agent: supports them with changes — Start with the late shift.");
        assertThat(approveForm).contains("→ training programme (Call-back training for every agent), owner Alice Agent, due ",
                "→ redesign a process", "owner Bob Agent");
        choose(browser, "Field_StrategiesDecision", 0);
        shot("05-henry-approves-the-strategies");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(approve.getId()).count() == 0, "henry approved");
        assertThat(review(q).get("strategies").toString()).contains("Call-back training for every agent");
        assertThat(tasks(instance, IMPLEMENT_STRATEGY)).extracting(Task::getAssignee).containsExactlyInAnyOrder("alice", "bob");

        // sam, alice's manager, coaches her; the review did not wait for it
        Task coaching = tasks(instance, COACH_REPRESENTATIVE).get(0);
        assertThat(coaching.getName()).isEqualTo("Coach Alice Agent on friendliness");
        assertThat(coaching.getAssignee()).isEqualTo("sam");
        Chromium.tasklistAs(browser, port, "sam");
        Chromium.openTask(browser, port, coaching.getId(), "Field_CoachingNote");
        wait.until(d -> visibleText(d, ".task-details").contains("coach them on friendliness"));
        assertThat(browser.findElement(Chromium.field("Field_Representative")).getAttribute("value")).isEqualTo("Alice Agent");
        fillIn(browser, "Field_CoachingNote", "Listened to three calls together; agreed on a greeting.");
        Chromium.tick(browser, "Field_TrainingCompleted");
        wait.until(d -> !d.findElements(Chromium.field("Field_TrainingName")).isEmpty());
        fillIn(browser, "Field_TrainingName", "Friendly on the phone");
        shot("06-sam-coaches-alice");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(coaching.getId()).count() == 0, "alice coached");
        assertThat(employeeFile.find(RECORD_COACHING + ":" + q.label() + ":alice")).hasValueSatisfying(e -> {
            assertThat(e.details()).isEqualTo("Listened to three calls together; agreed on a greeting.");
            assertThat(e.recordedBy()).isEqualTo("sam");
        });
        assertThat(employeeFile.find(RECORD_TRAINING_COMPLETED + ":" + q.label() + ":alice"))
                .hasValueSatisfying(e -> assertThat(e.details()).isEqualTo("Friendly on the phone"));
    }

    /** The period's figures as a person reads them: no printed maps, no ids, no variable names. */
    private static void assertFiguresInWords(String form, String what) {
        assertThat(technicalWords(form)).as("technical words on %s", what).isEmpty();
        assertThat(form).as(what).doesNotContain("{", "}", "=");
    }

    private com.fasterxml.jackson.databind.JsonNode review(ReviewPeriod q) {
        Http.Response review = Http.as(port, "maria").get("/api/plan-reviews/" + q.label());
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        return review.json();
    }

    private List<Task> tasks(String instance, String key) throws InterruptedException {
        Chromium.waitUntil(() -> taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).count() > 0,
                "the task " + key);
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list();
    }

    private static Map<String, Object> strategies() {
        Map<String, Object> v = new HashMap<>();
        v.put(String.format(VAR_STRATEGY_WEAKNESS, 1), "Callback within a day");
        v.put(String.format(VAR_STRATEGY_TYPE, 1), "training");
        v.put(String.format(VAR_STRATEGY_DESCRIPTION, 1), "Call-back training for every agent");
        v.put(String.format(VAR_STRATEGY_OWNER, 1), "alice");
        v.put(String.format(VAR_STRATEGY_DUE, 1), LocalDate.now().plusDays(30).toString());
        v.put(VAR_SECOND_STRATEGY, true);
        v.put(String.format(VAR_STRATEGY_WEAKNESS, 2), "Complaint resolved at first contact");
        v.put(String.format(VAR_STRATEGY_TYPE, 2), "process-redesign");
        v.put(String.format(VAR_STRATEGY_DESCRIPTION, 2), "One owner per complaint from the first call");
        v.put(String.format(VAR_STRATEGY_OWNER, 2), "bob");
        v.put(String.format(VAR_STRATEGY_DUE, 2), LocalDate.now().plusDays(45).toString());
        return v;
    }

    private void shot(String name) throws Exception {
        Chromium.screenshot(browser, SCREENSHOTS, name);
    }
}
