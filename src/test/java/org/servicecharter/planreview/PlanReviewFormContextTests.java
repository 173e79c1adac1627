package org.servicecharter.planreview;

import static org.assertj.core.api.Assertions.*;
import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.approval.ApprovalProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The deciders of a plan review see the review's context on their forms (issue 18): the rating task shows the rated
 * representative by name with their own figures for the period — not the department's, not another person's — and the
 * strategy tasks show what the area reviews and the ratings found. Read as Tasklist reads a form (the form's
 * variables), for a seeded period in a far year that no other test uses.
 */
@ServiceCharterTest
class PlanReviewFormContextTests {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired FormService formService;
    @Autowired RepositoryService repositoryService;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlanReviewProperties properties;

    PlanReviewFixtures fixtures;
    final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixtures = new PlanReviewFixtures(jdbc);
    }

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        fixtures.removeHistory();
        for (String id : started) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtimeService.deleteProcessInstance(id, "test over");
            }
        }
    }

    @Test
    void theRatingFormShowsTheRepresentativeByNameWithTheirOwnFiguresAndTheStrategyFormsShowTheFindings() throws Exception {
        ReviewPeriod q = ReviewPeriod.parse("2089-Q2");
        LocalDateTime d = q.start().plusDays(10);
        // alice: three complaints resolved in the quarter (rated 5 and 4, one unrated); the SLA escalation fired before
        // the second was resolved, and after the third was (that one was resolved in time)
        fixtures.complaintResolvedBy("alice", d, d.plusHours(2), 5, null);
        fixtures.complaintResolvedBy("alice", d.plusDays(1), d.plusDays(2), 4, d.plusDays(1).plusHours(8));
        fixtures.complaintResolvedBy("alice", d.plusDays(3), d.plusDays(3).plusHours(1), null, d.plusDays(3).plusHours(5));
        // not hers in this quarter: resolved at the first moment of the next one, and one resolved by bob
        fixtures.complaintResolvedBy("alice", q.end().minusDays(1), q.end(), 1, null);
        fixtures.complaintResolvedBy("bob", d, d.plusHours(3), 1, d.plusHours(1));
        fixtures.fileEntry("alice", ApprovalProcess.RECORD_RECOGNITION, d.plusDays(5));
        fixtures.fileEntry("alice", ApprovalProcess.RECORD_RECOGNITION, q.end().plusDays(1));

        ProcessInstance pi = runtimeService.createMessageCorrelation(MESSAGE_REVIEW_REQUESTED)
                .setVariable(VAR_PERIOD, q.label()).setVariable(VAR_STARTED_BY, "maria").correlateStartMessage();
        started.add(pi.getId());
        // the research round closes with its window (issue 19.1); then the areas are reviewed
        processEngine.getManagementService().executeJob(processEngine.getManagementService().createJobQuery()
                .processInstanceId(pi.getId()).activityId(RESEARCH_WINDOW_CLOSED).singleResult().getId());

        // the rating form: the representative's name and their own figures, each task its own person
        Task alices = staffTask(pi, "alice");
        Map<String, Object> shown = shownAsManager(alices);
        assertThat(shown.get(VAR_REPRESENTATIVE_NAME)).isEqualTo("Alice Agent");
        assertThat(shown.get(VAR_REPRESENTATIVE_FIGURES)).isEqualTo("""
                Complaints handled (resolved by them): 3
                Resolved within the SLA: 2 of 3 (66.7 %)
                Survey average: 4.5 of 5 (2 answers)
                Recognitions for good decisions: 1""");
        assertThat((String) shown.get(VAR_FIGURES_SUMMARY)).as("the department's figures stay beside them").startsWith("Period ");
        Map<String, Object> bobs = shownAsManager(staffTask(pi, "bob"));
        assertThat(bobs.get(VAR_REPRESENTATIVE_NAME)).isEqualTo("Bob Agent");
        assertThat(bobs.get(VAR_REPRESENTATIVE_FIGURES)).isEqualTo("""
                Complaints handled (resolved by them): 1
                Resolved within the SLA: 0 of 1 (0.0 %)
                Survey average: 1.0 of 5 (1 answer)
                Recognitions for good decisions: 0""");
        assertThat(disabledFieldKeys("rate-representative")).contains(VAR_REPRESENTATIVE_NAME, VAR_REPRESENTATIVE_FIGURES)
                .doesNotContain(VAR_REPRESENTATIVE);

        // the reviews, answered by maria
        asMaria(() -> {
            for (Task t : tasks(pi, REVIEW_STAFF)) {
                String rep = (String) taskService.getVariable(t.getId(), VAR_REPRESENTATIVE);
                taskService.complete(t.getId(), "alice".equals(rep)
                        ? Map.of(VAR_ENTHUSIASM, "4", VAR_FRIENDLINESS, "5", VAR_PROBLEM_SOLVING, "3", VAR_EMPATHY, "2", VAR_STAFF_NOTE, "Rushes\nthe callers.")
                        : Map.of(VAR_ENTHUSIASM, "3", VAR_FRIENDLINESS, "3", VAR_PROBLEM_SOLVING, "3", VAR_EMPATHY, "3"));
            }
            taskService.complete(tasks(pi, REVIEW_TRAINING).get(0).getId(),
                    Map.of(VAR_FINDINGS, "Nobody trained on the new tariff.", VAR_CHANGES_NEEDED, "A tariff course."));
            // each review answers for itself: the next area's form is not filled in with the previous one's answer
            Task authority = tasks(pi, REVIEW_DECISION_AUTHORITY).get(0);
            assertThat(formService.getTaskFormVariables(authority.getId())).containsEntry(VAR_FINDINGS, null).containsEntry(VAR_CHANGES_NEEDED, null);
            assertThatThrownBy(() -> taskService.complete(authority.getId(), Map.of(VAR_CHANGES_NEEDED, "None.")))
                    .as("its findings are its own, required again").hasMessageContaining("findings is required");
            taskService.complete(authority.getId(), Map.of(VAR_FINDINGS, "Tiers are right."));
            Task elements = tasks(pi, RATE_SERVICE_ELEMENTS).get(0);
            formService.submitTaskForm(elements.getId(), PlanReviewTables.row(
                    PlanReviewTables.table(properties.serviceElements(), n -> new int[] {3, 4}), "Callback within a day", 5, 1));
        });
        // completed by no one known (a program through the engine's API): its findings say whose they are by not naming anyone
        taskService.complete(tasks(pi, REVIEW_CUSTOMER_FEEDBACK).get(0).getId(),
                Map.of(VAR_FINDINGS, "Callers wait too long for a callback.", VAR_CHANGES_NEEDED, "Callback within a day.",
                        VAR_CUSTOMER_NARRATIVE, "Calls twice, waits a day."));
        identityService.setAuthentication("alice", List.of("agents", "employees"));
        try {
            taskService.complete(tasks(pi, GIVE_FRONT_LINE_INPUT).get(0).getId(), Map.of(VAR_WHAT_GOES_WRONG, "Callbacks forgotten.",
                    VAR_WHAT_TO_CHANGE, "A callback list."));
        } finally {
            identityService.clearAuthentication();
        }

        // the strategy form: the area reviews' answers and the ratings, by name, beside the figures and the weakest elements
        Task choose = tasks(pi, CHOOSE_STRATEGIES).get(0);
        Map<String, Object> context = shownAsManager(choose);
        String findings = (String) context.get(VAR_REVIEW_FINDINGS);
        assertThat(findings).startsWith("""
                Training (Maria Manager): Nobody trained on the new tariff. Changes needed: A tariff course.
                Decision authority (approval tiers) (Maria Manager): Tiers are right.
                Customer feedback: Callers wait too long for a callback. Changes needed: Callback within a day.
                Representatives (enthusiasm, friendliness, problem solving, empathy; 1 to 5):
                """);
        assertThat(findings.lines()).contains("- Alice Agent: 4, 5, 3, 2 — Rushes the callers.", "- Bob Agent: 3, 3, 3, 3")
                .noneMatch(l -> l.startsWith("- alice") || l.startsWith("- bob"));
        assertThat((String) context.get(VAR_WEAKEST_ELEMENTS)).startsWith("Callback within a day: importance 5, rated 1 of 5, weight 20");
        assertThat((String) context.get(VAR_FIGURES_SUMMARY)).contains("Complaints received: 5 — by category delivery 5");
        assertThat(disabledFieldKeys("choose-strategies")).contains(VAR_REVIEW_FINDINGS, VAR_WEAKEST_ELEMENTS, VAR_FIGURES_SUMMARY,
                VAR_RESEARCH_SUMMARY, VAR_FRONT_LINE_INPUT);
        assertThat((String) context.get(VAR_RESEARCH_SUMMARY)).startsWith("Research survey: ");
        assertThat((String) context.get(VAR_FRONT_LINE_INPUT)).isEqualTo("The average customer's experience, the customer's side: "
                + "Calls twice, waits a day.\nAlice Agent (front line): what goes wrong: Callbacks forgotten.; what to change: A callback list.");
        assertThat(disabledFieldKeys("rate-service-elements")).contains(VAR_RESEARCH_SUMMARY);
        assertThat(disabledFieldKeys("review-plan-area")).contains(VAR_RESEARCH_SUMMARY);

        Map<String, Object> strategies = new HashMap<>();
        strategies.put(var(VAR_STRATEGY_WEAKNESS, 1), "Callback within a day");
        strategies.put(var(VAR_STRATEGY_TYPE, 1), "training");
        strategies.put(var(VAR_STRATEGY_OWNER, 1), "alice");
        strategies.put(var(VAR_STRATEGY_DUE, 1), "2089-07-15");
        strategies.put(VAR_SECOND_STRATEGY, false);
        asMaria(() -> taskService.complete(choose.getId(), strategies));
        for (Task view : tasks(pi, CONSULT_ON_STRATEGIES)) {
            taskService.complete(view.getId(), Map.of(VAR_STRATEGY_SUPPORT, "no", VAR_CONSULTATION_COMMENT, "Not before the holidays."));
        }
        Task approve = tasks(pi, APPROVE_STRATEGIES).get(0);
        identityService.setAuthentication("henry", List.of("head-of-service"));
        VariableMap forHead = formService.getTaskFormVariables(approve.getId());
        identityService.clearAuthentication();
        assertThat(forHead.get(VAR_REVIEW_FINDINGS)).as("the head of service decides on the same findings").isEqualTo(findings);
        assertThat(forHead.get(VAR_STRATEGIES_SUMMARY)).isEqualTo("1. Callback within a day → training programme, owner Alice Agent, due 15 Jul 2089, re-measured 2 months after it is implemented");
        assertThat(disabledFieldKeys("approve-strategies")).contains(VAR_REVIEW_FINDINGS, VAR_STRATEGIES_SUMMARY, VAR_CONSULTATION_ANSWERS);
        assertThat((String) forHead.get(VAR_CONSULTATION_ANSWERS)).contains("Alice Agent: does not support them — Not before the holidays.");
    }

    @Test
    void theFormsAfterTheRemeasureShowEachStrategysComparisonAndTheTableRowByRow() throws Exception {
        for (String form : List.of(FORM_SURVEY_EMPLOYEE, FORM_REWRITE_POLICIES)) {
            assertThat(disabledFieldKeys(form)).as(form).contains(VAR_COMPARISON_SUMMARY, VAR_SERVICE_ELEMENT_COMPARISON);
        }
        assertThat(disabledFieldKeys(FORM_RATE_SERVICE_ELEMENTS_AGAIN)).contains(VAR_COMPARISON_SUMMARY, ServiceElementTable.before(1),
                ServiceElementTable.before(ServiceElementTable.SLOTS));
        assertThat(disabledFieldKeys(FORM_RATE_SERVICE_ELEMENTS_AGAIN)).doesNotContain(ServiceElementTable.rating(1), ServiceElementTable.importance(1));
    }

    private Task staffTask(ProcessInstance pi, String representative) {
        return tasks(pi, REVIEW_STAFF).stream().filter(t -> representative.equals(taskService.getVariable(t.getId(), VAR_REPRESENTATIVE)))
                .findFirst().orElseThrow();
    }

    /** What Tasklist gives a manager's form: the task's form variables, read with maria's rights. */
    private Map<String, Object> shownAsManager(Task task) {
        identityService.setAuthentication("maria", List.of("managers", "employees"));
        try {
            return new HashMap<>(formService.getTaskFormVariables(task.getId()));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void asMaria(Runnable action) {
        identityService.setAuthentication("maria", List.of("managers", "employees"));
        try {
            action.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<Task> tasks(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).listPage(0, 500); // paged: a logged-in user may not list unbounded
    }

    /** The keys of the read-only fields of the form as deployed with the model. */
    private List<String> disabledFieldKeys(String formKey) throws Exception {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult();
        try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), formKey + ".form")) {
            JsonNode form = new ObjectMapper().readTree(in);
            List<String> keys = new ArrayList<>();
            form.get("components").forEach(c -> {
                if (c.path("disabled").asBoolean() && c.has("key")) {
                    keys.add(c.get("key").asText());
                }
            });
            return keys;
        }
    }
}
