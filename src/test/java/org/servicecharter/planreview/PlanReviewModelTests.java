package org.servicecharter.planreview;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.servicecharter.ModelEngine;
import org.servicecharter.ModelMocks;

/**
 * The plan-review model on its own, every bean mocked, no Spring context: the timer and the manager's start, the
 * refused second review of a period, the parallel reviews, the send-back loop, each strategy with its overdue
 * escalation, each strategy's own waiting period and re-measure, the table rated again, the employee survey and the
 * yearly policies branch.
 * {@link PlanReviewProcessTests} run the same model with the real delegates and figures.
 */
@Deployment(resources = "plan-review.bpmn")
class PlanReviewModelTests {

    @RegisterExtension
    static final ProcessEngineExtension engine = ModelEngine.extension();

    private static final Instant NOW = Instant.parse("2026-04-01T07:00:00Z");
    private static final Date STRATEGY_DUE = Date.from(NOW.plus(Duration.ofDays(30)));
    private static final Date REMEASURE_TO = Date.from(NOW.plus(Duration.ofDays(120)));
    /** The second strategy's own re-measure date: later than the first's. */
    private static final Date REMEASURE_TO_2 = Date.from(NOW.plus(Duration.ofDays(200)));
    private static final List<String> REPRESENTATIVES = List.of("alice", "bob");
    private static final Date COACHING_DUE = Date.from(NOW.plus(Duration.ofDays(30)));

    RuntimeService runtimeService;
    TaskService taskService;
    boolean yearly;
    boolean periodTaken;
    JavaDelegate openReview;
    JavaDelegate computeFigures;
    JavaDelegate highlightWeakest;
    JavaDelegate recordStrategies;
    JavaDelegate markStrategyOverdue;
    JavaDelegate recordImplemented;
    JavaDelegate startWaitingPeriod;
    JavaDelegate remeasure;
    JavaDelegate compareElements;
    TaskListener elementTable;
    JavaDelegate completeReview;
    TaskListener answers;
    TaskListener requestCoaching;
    TaskListener recordCoaching;
    JavaDelegate sendResearchSurvey;
    JavaDelegate summariseResearch;
    TaskListener recordInterview;
    TaskListener recordFrontLineInput;
    TaskListener recordConsultation;
    private static final Date RESEARCH_CLOSES = Date.from(NOW.plus(Duration.ofDays(7)));
    PlanReviewCoaching coaching;
    /** Ratings the mocked coaching request finds low, by representative: it starts their coaching like the real one. */
    final java.util.Map<String, String> lowRatings = new java.util.HashMap<>();
    int trainingNeedsAsked;

    @BeforeEach
    void mockTheBeansTheModelCalls() {
        init(engine.getProcessEngine());
        runtimeService = engine.getRuntimeService();
        taskService = engine.getTaskService();
        ClockUtil.setCurrentTime(Date.from(NOW));
        openReview = ModelMocks.delegate("openPlanReviewDelegate", execution -> {
            execution.setVariable(VAR_PERIOD, "2026-Q1");
            if (periodTaken) {
                throw new BpmnError(ERROR_PERIOD_TAKEN, "The period 2026-Q1 already has a review.");
            }
            execution.setVariable(VAR_YEARLY, yearly);
        });
        computeFigures = ModelMocks.delegate("computePlanFiguresDelegate");
        highlightWeakest = ModelMocks.delegate("highlightWeakestElementsDelegate");
        recordStrategies = ModelMocks.delegate("recordStrategiesDelegate", execution -> execution.setVariable(VAR_STRATEGY_NUMBERS,
                Boolean.TRUE.equals(execution.getVariable(VAR_SECOND_STRATEGY)) ? "1,2" : "1"));
        markStrategyOverdue = ModelMocks.delegate("markStrategyOverdueDelegate");
        recordImplemented = ModelMocks.delegate("recordStrategyImplementedDelegate");
        startWaitingPeriod = ModelMocks.delegate("startWaitingPeriodDelegate");
        remeasure = ModelMocks.delegate("remeasureFiguresDelegate");
        compareElements = ModelMocks.delegate("compareServiceElementsDelegate");
        elementTable = ModelMocks.taskListener("serviceElementTableListener");
        completeReview = ModelMocks.delegate("completePlanReviewDelegate");
        // one listener per task in the model; one mock answers for all of them here
        answers = ModelMocks.taskListener("recordStaffRatingListener");
        for (String listener : List.of("recordCustomerFeedbackReviewListener", "recordDecisionAuthorityReviewListener",
                "recordEmployeeSurveyListener", "recordHandbookPublishedListener", "recordPoliciesRewriteListener",
                "recordStrategiesDecisionListener", "recordTrainingReviewListener")) {
            org.camunda.bpm.engine.test.mock.Mocks.register(listener, answers);
        }
        PlanReviewFindings findings = ModelMocks.bean("planReviewFindings", PlanReviewFindings.class);
        when(findings.text(anyString())).thenAnswer(invocation -> "Findings of " + invocation.getArgument(0));
        // the rating task's creation listener shows the representative: here, whom the model gave it
        TaskListener showRepresentative = ModelMocks.taskListener("showRepresentativeFiguresListener");
        doAnswer(invocation -> {
            DelegateTask task = invocation.getArgument(0);
            task.setVariableLocal(VAR_REPRESENTATIVE_NAME, "Name of " + task.getVariable(VAR_REPRESENTATIVE));
            task.setVariableLocal(VAR_REPRESENTATIVE_FIGURES, "Figures of " + task.getVariable(VAR_REPRESENTATIVE) + " in " + task.getVariable(VAR_PERIOD));
            return null;
        }).when(showRepresentative).notify(any());
        coaching = ModelMocks.bean("planReviewCoaching", PlanReviewCoaching.class);
        when(coaching.coach(anyString())).thenAnswer(invocation -> "manager-of-" + invocation.getArgument(0));
        when(coaching.groupsWithoutCoach(anyString())).thenReturn(List.of());
        when(coaching.trainingNeeds(anyString())).thenAnswer(invocation -> "Training needs of " + invocation.getArgument(0)
                + " as asked " + (++trainingNeedsAsked) + " times");
        requestCoaching = ModelMocks.taskListener("requestCoachingListener");
        doAnswer(invocation -> {
            DelegateTask task = invocation.getArgument(0);
            String representative = (String) task.getVariable(VAR_REPRESENTATIVE);
            if (lowRatings.containsKey(representative)) {
                task.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MESSAGE_COACHING_NEEDED)
                        .processInstanceId(task.getProcessInstanceId())
                        .setVariablesToTriggeredScope(java.util.Map.of(VAR_REPRESENTATIVE, representative,
                                VAR_REPRESENTATIVE_NAME, "Name of " + representative, VAR_COACHING_QUALITIES, lowRatings.get(representative),
                                VAR_COACHING_DUE, COACHING_DUE))
                        .correlateWithResult();
            }
            return null;
        }).when(requestCoaching).notify(any());
        recordCoaching = ModelMocks.taskListener("recordCoachingListener");
        sendResearchSurvey = ModelMocks.delegate("sendResearchSurveyDelegate", execution -> execution.setVariable(VAR_RESEARCH_WINDOW_ENDS, RESEARCH_CLOSES));
        summariseResearch = ModelMocks.delegate("summariseResearchDelegate");
        recordInterview = ModelMocks.taskListener("recordInterviewListener");
        doAnswer(invocation -> {
            DelegateTask task = invocation.getArgument(0);
            task.getExecution().getProcessInstance().setVariable(VAR_MORE_INTERVIEWS, Boolean.TRUE.equals(task.getVariable(VAR_ANOTHER_INTERVIEW)));
            return null;
        }).when(recordInterview).notify(any());
        recordFrontLineInput = ModelMocks.taskListener("recordFrontLineInputListener");
        recordConsultation = ModelMocks.taskListener("recordConsultationListener");
        PlanReviewResearch research = ModelMocks.bean("planReviewResearch", PlanReviewResearch.class);
        when(research.summary(anyString())).thenAnswer(invocation -> "Research of " + invocation.getArgument(0));
        PlanReviewVoices voices = ModelMocks.bean("planReviewVoices", PlanReviewVoices.class);
        when(voices.frontLine(anyString())).thenAnswer(invocation -> "Front line of " + invocation.getArgument(0));
        when(voices.consultation(anyString())).thenAnswer(invocation -> "Views on " + invocation.getArgument(0));
        when(voices.consultationWindow()).thenReturn("P3D");
        PlanReviewSchedule schedule = ModelMocks.bean("planReviewSchedule", PlanReviewSchedule.class);
        when(schedule.cycle()).thenReturn("R/2026-07-01T07:00:00Z/P3M");
        when(schedule.representatives()).thenReturn(REPRESENTATIVES);
        when(schedule.numbers(anyString())).thenAnswer(invocation -> List.of(((String) invocation.getArgument(0)).split(","))
                .stream().map(Integer::valueOf).toList());
        when(schedule.strategyOwner(anyString(), anyInt())).thenAnswer(invocation -> "owner" + invocation.getArgument(1));
        when(schedule.strategyDue(anyString(), anyInt())).thenReturn(STRATEGY_DUE);
        when(schedule.remeasureDue(anyString(), anyInt())).thenAnswer(invocation -> (int) invocation.getArgument(1) == 1 ? REMEASURE_TO : REMEASURE_TO_2);
        when(schedule.strategyText(anyString(), anyInt())).thenAnswer(invocation -> "Strategy " + invocation.getArgument(1));
    }

    @AfterEach
    void resetMocksAndClock() {
        ModelMocks.reset();
        ClockUtil.reset();
        reset();
    }

    // --- starting -----------------------------------------------------------------------------------------------

    @Test
    void theQuarterlyTimerStartsAReview() throws Exception {
        Job timer = engine.getManagementService().createJobQuery().activityId(TIMER_START).singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-07-01T07:00:00Z")));

        execute(timer);

        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).singleResult();
        assertThat(pi).hasPassedInOrder(TIMER_START, OPEN_REVIEW, COMPUTE_FIGURES, SEND_RESEARCH_SURVEY).isWaitingAt(RECORD_INTERVIEW);
        closeResearch(pi);
        assertThat(pi).hasPassed(SUMMARISE_RESEARCH).isWaitingAt(REVIEW_STAFF, REVIEW_TRAINING,
                REVIEW_DECISION_AUTHORITY, REVIEW_CUSTOMER_FEEDBACK, RATE_SERVICE_ELEMENTS, GIVE_FRONT_LINE_INPUT);
        verify(computeFigures).execute(any());
    }

    @Test
    void aManagersRequestStartsAReviewWithOneRatingPerRepresentative() {
        ProcessInstance pi = request();

        assertThat(pi).hasPassedInOrder(MANUAL_START, OPEN_REVIEW, COMPUTE_FIGURES).hasNotPassed(TIMER_START);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(REVIEW_STAFF).list())
                .extracting(task -> taskService.getVariable(task.getId(), VAR_REPRESENTATIVE)).containsExactlyInAnyOrderElementsOf(REPRESENTATIVES);
        // each rating task shows its own representative by name, with that person's figures for the review's period
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(REVIEW_STAFF).list())
                .extracting(task -> taskService.getVariable(task.getId(), VAR_REPRESENTATIVE) + " | "
                        + taskService.getVariable(task.getId(), VAR_REPRESENTATIVE_NAME) + " | "
                        + taskService.getVariable(task.getId(), VAR_REPRESENTATIVE_FIGURES))
                .containsExactlyInAnyOrder("alice | Name of alice | Figures of alice in 2026-Q1", "bob | Name of bob | Figures of bob in 2026-Q1");
        assertThat(task(REVIEW_TRAINING, pi)).hasCandidateGroup("managers");
    }

    @Test
    void aPeriodAlreadyUnderReviewIsNotReviewedTwice() throws Exception {
        periodTaken = true;

        ProcessInstance pi = request();

        assertThat(pi).isEnded().hasPassedInOrder(OPEN_REVIEW, PERIOD_TAKEN, END_PERIOD_TAKEN).hasNotPassed(COMPUTE_FIGURES);
        verify(computeFigures, never()).execute(any());
    }

    // --- reviewing and choosing -----------------------------------------------------------------------------------

    @Test
    void everyAreaIsReviewedBeforeStrategiesAreChosenAndTheWeakestElementsAreHighlighted() throws Exception {
        ProcessInstance pi = request();
        completeAll(pi, REVIEW_STAFF, REVIEW_TRAINING, REVIEW_DECISION_AUTHORITY, REVIEW_CUSTOMER_FEEDBACK, GIVE_FRONT_LINE_INPUT);
        assertThat(pi).isWaitingAt(RATE_SERVICE_ELEMENTS).isNotWaitingAt(CHOOSE_STRATEGIES);

        complete(task(RATE_SERVICE_ELEMENTS, pi));

        assertThat(pi).hasPassed(HIGHLIGHT_WEAKEST).isWaitingAt(CHOOSE_STRATEGIES);
        verify(highlightWeakest).execute(any());
        verify(elementTable, times(2)).notify(any()); // the table's rows filled on create, read on complete
        assertThat(taskService.getVariable(task(CHOOSE_STRATEGIES, pi).getId(), VAR_REVIEW_FINDINGS))
                .as("the strategy form shows what the review found").isEqualTo("Findings of 2026-Q1");
        assertThat(taskService.getVariable(task(CHOOSE_STRATEGIES, pi).getId(), VAR_RESEARCH_SUMMARY)).isEqualTo("Research of 2026-Q1");
        assertThat(taskService.getVariable(task(CHOOSE_STRATEGIES, pi).getId(), VAR_FRONT_LINE_INPUT)).isEqualTo("Front line of 2026-Q1");
        assertThat(task(CHOOSE_STRATEGIES, pi)).hasCandidateGroup("managers");
        verify(recordFrontLineInput).notify(any());
        verify(answers, times(REPRESENTATIVES.size() + 3)).notify(any());
    }

    @Test
    void strategiesSentBackAreChosenAgainAndApprovedOnesAreImplementedByTheirOwners() throws Exception {
        ProcessInstance pi = reviewed();
        complete(task(CHOOSE_STRATEGIES, pi), withVariables(VAR_SECOND_STRATEGY, false));
        assertThat(pi).isWaitingAt(CONSULT_ON_STRATEGIES).isNotWaitingAt(APPROVE_STRATEGIES);
        completeAll(pi, CONSULT_ON_STRATEGIES);
        assertThat(task(APPROVE_STRATEGIES, pi)).hasCandidateGroup("head-of-service");
        assertThat(taskService.getVariable(task(APPROVE_STRATEGIES, pi).getId(), VAR_CONSULTATION_ANSWERS)).isEqualTo("Views on 2026-Q1");
        assertThat(taskService.getVariable(task(APPROVE_STRATEGIES, pi).getId(), VAR_REVIEW_FINDINGS)).isEqualTo("Findings of 2026-Q1");

        complete(task(APPROVE_STRATEGIES, pi), withVariables(VAR_STRATEGIES_DECISION, DECISION_SEND_BACK, VAR_SEND_BACK_REASON, "Too vague."));

        assertThat(pi).isWaitingAt(CHOOSE_STRATEGIES).hasNotPassed(IMPLEMENT_SUBPROCESS);
        complete(task(CHOOSE_STRATEGIES, pi), withVariables(VAR_SECOND_STRATEGY, true));
        assertThat(pi).as("chosen again: consulted again").isWaitingAt(CONSULT_ON_STRATEGIES);
        completeAll(pi, CONSULT_ON_STRATEGIES);
        verify(recordConsultation, times(2 * REPRESENTATIVES.size())).notify(any());
        complete(task(APPROVE_STRATEGIES, pi), withVariables(VAR_STRATEGIES_DECISION, DECISION_APPROVE));

        List<Task> strategies = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(IMPLEMENT_STRATEGY).list();
        assertThat(strategies).extracting(Task::getAssignee).containsExactlyInAnyOrder("owner1", "owner2");
        assertThat(strategies).extracting(Task::getDueDate).containsOnly(STRATEGY_DUE);
        assertThat(strategies).extracting(task -> taskService.getVariable(task.getId(), VAR_STRATEGY_TEXT))
                .containsExactlyInAnyOrder("Strategy 1", "Strategy 2");
        verify(recordStrategies, times(2)).execute(any());
    }

    @Test
    void anOverdueStrategyIsFollowedUpAndItsImplementationEndsTheFollowUp() throws Exception {
        ProcessInstance pi = implementing();
        Job overdue = job(STRATEGY_OVERDUE, pi);
        assertThat(overdue.getDuedate()).isEqualTo(STRATEGY_DUE);

        execute(overdue);

        assertThat(pi).hasPassed(MARK_STRATEGY_OVERDUE).isWaitingAt(IMPLEMENT_STRATEGY, FOLLOW_UP_OVERDUE_STRATEGY);
        assertThat(task(FOLLOW_UP_OVERDUE_STRATEGY, pi)).hasCandidateGroup("managers");
        verify(markStrategyOverdue).execute(any());

        complete(task(IMPLEMENT_STRATEGY, pi), withVariables(VAR_IMPLEMENTATION_NOTE, "Done late."));

        assertThat(pi).hasPassed(RECORD_IMPLEMENTED, IMPLEMENT_BY_DUE_DATE, START_WAITING_PERIOD).isNotWaitingAt(FOLLOW_UP_OVERDUE_STRATEGY)
                .isWaitingAt(WAITING_PERIOD_OVER);
        verify(recordImplemented).execute(any());
    }

    // --- after the changes ------------------------------------------------------------------------------------------

    @Test
    void afterTheWaitingPeriodTheFiguresAreRemeasuredTheTableRatedAgainAndEveryEmployeeIsAsked() throws Exception {
        ProcessInstance pi = implementing();
        complete(task(IMPLEMENT_STRATEGY, pi));
        assertThat(job(WAITING_PERIOD_OVER, pi).getDuedate()).isEqualTo(REMEASURE_TO);

        execute(job(WAITING_PERIOD_OVER, pi));

        assertThat(pi).hasPassed(REMEASURE, END_STRATEGY_REMEASURED).isWaitingAt(RATE_SERVICE_ELEMENTS_AGAIN);
        assertThat(task(RATE_SERVICE_ELEMENTS_AGAIN, pi)).hasCandidateGroup("managers");
        complete(task(RATE_SERVICE_ELEMENTS_AGAIN, pi));
        verify(compareElements).execute(any());

        assertThat(pi).hasPassed(COMPARE_SERVICE_ELEMENTS).hasNotPassed(REWRITE_POLICIES).isWaitingAt(SURVEY_EMPLOYEES);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(SURVEY_EMPLOYEES).list())
                .extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(REPRESENTATIVES);
        verify(remeasure).execute(any());

        completeAll(pi, SURVEY_EMPLOYEES);

        assertThat(pi).isEnded().hasPassedInOrder(COMPLETE_REVIEW, END_COMPLETED);
        verify(completeReview).execute(any());
    }

    @Test
    void eachStrategyWaitsItsOwnTimeAndTheReviewGoesOnWhenTheLastIsRemeasured() throws Exception {
        ProcessInstance pi = reviewed();
        complete(task(CHOOSE_STRATEGIES, pi), withVariables(VAR_SECOND_STRATEGY, true));
        completeAll(pi, CONSULT_ON_STRATEGIES);
        complete(task(APPROVE_STRATEGIES, pi), withVariables(VAR_STRATEGIES_DECISION, DECISION_APPROVE));
        Task first = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(IMPLEMENT_STRATEGY).taskAssignee("owner1").singleResult();
        complete(first);
        // the first strategy waits while the second is still being implemented
        assertThat(pi).isWaitingAt(WAITING_PERIOD_OVER, IMPLEMENT_STRATEGY);
        assertThat(job(WAITING_PERIOD_OVER, pi).getDuedate()).isEqualTo(REMEASURE_TO);
        execute(job(WAITING_PERIOD_OVER, pi));
        assertThat(pi).isWaitingAt(IMPLEMENT_STRATEGY).isNotWaitingAt(RATE_SERVICE_ELEMENTS_AGAIN);
        verify(remeasure, times(1)).execute(any());

        complete(task(IMPLEMENT_STRATEGY, pi));
        assertThat(job(WAITING_PERIOD_OVER, pi).getDuedate()).as("its own date").isEqualTo(REMEASURE_TO_2);
        assertThat(pi).isNotWaitingAt(RATE_SERVICE_ELEMENTS_AGAIN, SURVEY_EMPLOYEES);
        execute(job(WAITING_PERIOD_OVER, pi));

        assertThat(pi).isWaitingAt(RATE_SERVICE_ELEMENTS_AGAIN);
        verify(remeasure, times(2)).execute(any());
        verify(startWaitingPeriod, times(2)).execute(any());
    }

    @Test
    void aYearlyReviewRewritesThePoliciesAndPublishesTheHandbookWhenItChanges() throws Exception {
        yearly = true;
        ProcessInstance pi = remeasured();
        assertThat(pi).isWaitingAt(SURVEY_EMPLOYEES, REWRITE_POLICIES);
        assertThat(task(REWRITE_POLICIES, pi)).hasCandidateGroup("process-owners");

        complete(task(REWRITE_POLICIES, pi), withVariables(VAR_HANDBOOK_CHANGES, true));
        assertThat(pi).hasPassed(HANDBOOK_CHANGES).isWaitingAt(PUBLISH_HANDBOOK);
        complete(task(PUBLISH_HANDBOOK, pi), withVariables(VAR_HANDBOOK_VERSION, "2026-04"));
        completeAll(pi, SURVEY_EMPLOYEES);

        assertThat(pi).isEnded().hasPassed(REWRITE_POLICIES, PUBLISH_HANDBOOK, COMPLETE_REVIEW);
    }

    @Test
    void aYearlyReviewWithoutHandbookChangesPublishesNoVersion() {
        yearly = true;
        ProcessInstance pi = remeasured();

        complete(task(REWRITE_POLICIES, pi), withVariables(VAR_HANDBOOK_CHANGES, false));
        completeAll(pi, SURVEY_EMPLOYEES);

        assertThat(pi).isEnded().hasPassed(REWRITE_POLICIES, COMPLETE_REVIEW).hasNotPassed(PUBLISH_HANDBOOK);
    }

    // --- coaching after a low rating ------------------------------------------------------------------------------

    @Test
    void highRatingsOpenNoCoachingAndTheRatingsAreRecorded() throws Exception {
        ProcessInstance pi = request();
        completeAll(pi, REVIEW_STAFF);

        verify(requestCoaching, times(REPRESENTATIVES.size())).notify(any());
        assertThat(pi).hasNotPassed(COACHING_NEEDED).isNotWaitingAt(COACH_REPRESENTATIVE);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(COACH_REPRESENTATIVE).count()).isZero();
    }

    @Test
    void aLowRatingOpensACoachingTaskForTheManagerWhichTheReviewDoesNotWaitFor() throws Exception {
        lowRatings.put("alice", "friendliness and empathy");
        ProcessInstance pi = request();

        completeAll(pi, REVIEW_STAFF);

        List<Task> coachings = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(COACH_REPRESENTATIVE).list();
        assertThat(coachings).hasSize(1);
        Task coachAlice = coachings.get(0);
        assertThat(coachAlice.getName()).isEqualTo("Coach Name of alice on friendliness and empathy");
        assertThat(coachAlice.getAssignee()).isEqualTo("manager-of-alice");
        assertThat(coachAlice.getDueDate()).isEqualTo(COACHING_DUE);
        assertThat(taskService.getVariable(coachAlice.getId(), VAR_REPRESENTATIVE)).isEqualTo("alice");
        assertThat(taskService.getVariable(coachAlice.getId(), VAR_COACHING_QUALITIES)).isEqualTo("friendliness and empathy");

        // the review goes on: every area reviewed, the strategies are chosen while the coaching is open
        completeAll(pi, REVIEW_TRAINING, REVIEW_DECISION_AUTHORITY, REVIEW_CUSTOMER_FEEDBACK, RATE_SERVICE_ELEMENTS, GIVE_FRONT_LINE_INPUT);
        assertThat(pi).isWaitingAt(CHOOSE_STRATEGIES, COACH_REPRESENTATIVE);

        complete(coachAlice, withVariables(VAR_COACHING_NOTE, "Role-played difficult calls.", VAR_TRAINING_COMPLETED, true,
                VAR_TRAINING_NAME, "Listening skills"));

        assertThat(pi).hasPassed(END_COACHED).isWaitingAt(CHOOSE_STRATEGIES).isNotWaitingAt(COACH_REPRESENTATIVE);
        verify(recordCoaching).notify(any());
        assertThat(runtimeService.getVariable(pi.getId(), VAR_COACHING_NOTE)).as("the coaching's answers stay in its task").isNull();
    }

    @Test
    void anOverdueCoachingIsFollowedUpByTheManagersAndTheCoachingEndsTheFollowUp() throws Exception {
        lowRatings.put("alice", "empathy");
        ProcessInstance pi = request();
        completeAll(pi, REVIEW_STAFF);
        Job overdue = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(COACHING_OVERDUE).singleResult();
        assertThat(overdue.getDuedate()).as("due when the coaching is").isEqualTo(COACHING_DUE);

        execute(overdue);

        Task followUp = task(FOLLOW_UP_OVERDUE_COACHING, pi);
        assertThat(followUp).hasCandidateGroup("managers");
        assertThat(followUp.getName()).isEqualTo("Follow up the overdue coaching of Name of alice");
        assertThat(pi).isWaitingAt(COACH_REPRESENTATIVE, FOLLOW_UP_OVERDUE_COACHING, REVIEW_TRAINING);

        complete(task(COACH_REPRESENTATIVE, pi));

        assertThat(pi).hasPassed(END_COACHED).isNotWaitingAt(COACH_REPRESENTATIVE, FOLLOW_UP_OVERDUE_COACHING)
                .isWaitingAt(REVIEW_TRAINING);
    }

    @Test
    void twoLowRatingsOpenTwoCoachingsEachWithItsOwnRepresentative() {
        lowRatings.put("alice", "empathy");
        lowRatings.put("bob", "enthusiasm");
        ProcessInstance pi = request();

        completeAll(pi, REVIEW_STAFF);

        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(COACH_REPRESENTATIVE).list())
                .extracting(task -> task.getName() + " | " + task.getAssignee() + " | " + taskService.getVariable(task.getId(), VAR_REPRESENTATIVE))
                .containsExactlyInAnyOrder("Coach Name of alice on empathy | manager-of-alice | alice",
                        "Coach Name of bob on enthusiasm | manager-of-bob | bob");
    }

    @Test
    void aRepresentativeWithoutManagerIsCoachedByTheManagers() {
        when(coaching.coach("alice")).thenReturn(null);
        when(coaching.groupsWithoutCoach("alice")).thenReturn(List.of("managers"));
        lowRatings.put("alice", "problem solving");
        ProcessInstance pi = request();

        completeAll(pi, REVIEW_STAFF);

        Task coachAlice = task(COACH_REPRESENTATIVE, pi);
        assertThat(coachAlice.getAssignee()).isNull();
        assertThat(coachAlice).hasCandidateGroup("managers");
    }

    @Test
    void theTrainingReviewShowsWhoNeedsWhichFromThePublishedBean() {
        ProcessInstance pi = request();

        assertThat(taskService.getVariable(task(REVIEW_TRAINING, pi).getId(), VAR_TRAINING_NEEDS))
                .as("set when the figures are computed; each training need refreshes it (PlanReviewProcessTests)")
                .isEqualTo("Training needs of 2026-Q1 as asked 1 times");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    // --- the research round and the consultation (issue 19.1, 19.3) ------------------------------------------------

    @Test
    void theResearchRoundRecordsInterviewsUntilNoneIsLeftAndWaitsForTheWindowBeforeTheAreasAreReviewed() throws Exception {
        ProcessInstance pi = started();
        assertThat(pi).hasPassedInOrder(COMPUTE_FIGURES, SEND_RESEARCH_SURVEY).isWaitingAt(RECORD_INTERVIEW).isNotWaitingAt(REVIEW_TRAINING);
        assertThat(task(RECORD_INTERVIEW, pi)).hasCandidateGroup("managers").hasCandidateGroup("agents");
        assertThat(job(RESEARCH_WINDOW_CLOSED, pi).getDuedate()).isEqualTo(RESEARCH_CLOSES);

        complete(task(RECORD_INTERVIEW, pi), withVariables(VAR_ANOTHER_INTERVIEW, true));
        assertThat(pi).as("another interview").isWaitingAt(RECORD_INTERVIEW);
        complete(task(RECORD_INTERVIEW, pi), withVariables(VAR_ANOTHER_INTERVIEW, false));
        assertThat(pi).isWaitingAt(RESEARCH_WINDOW_OVER).hasNotPassed(SUMMARISE_RESEARCH);
        verify(recordInterview, times(2)).notify(any());
        assertThat(job(RESEARCH_WINDOW_OVER, pi).getDuedate()).isEqualTo(RESEARCH_CLOSES);

        execute(job(RESEARCH_WINDOW_OVER, pi));

        assertThat(pi).hasPassed(SUMMARISE_RESEARCH).hasNotPassed(RESEARCH_WINDOW_CLOSED).isWaitingAt(REVIEW_TRAINING, GIVE_FRONT_LINE_INPUT);
        assertThat(task(GIVE_FRONT_LINE_INPUT, pi)).hasCandidateGroup("agents");
        assertThat(taskService.getVariable(task(REVIEW_CUSTOMER_FEEDBACK, pi).getId(), VAR_RESEARCH_SUMMARY)).isEqualTo("Research of 2026-Q1");
        assertThat(taskService.getVariable(task(RATE_SERVICE_ELEMENTS, pi).getId(), VAR_RESEARCH_SUMMARY)).isEqualTo("Research of 2026-Q1");
        verify(summariseResearch).execute(any());
    }

    @Test
    void theConsultationsTimerLetsTheHeadOfServiceDecideWithoutTheMissingViews() throws Exception {
        ProcessInstance pi = reviewed();
        complete(task(CHOOSE_STRATEGIES, pi), withVariables(VAR_SECOND_STRATEGY, false));
        List<Task> views = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(CONSULT_ON_STRATEGIES).list();
        assertThat(views).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(REPRESENTATIVES);
        complete(views.get(0));
        assertThat(job(CONSULTATION_CLOSED, pi).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(3))));

        execute(job(CONSULTATION_CLOSED, pi));

        assertThat(pi).hasPassed(CONSULTATION_CLOSED).isWaitingAt(APPROVE_STRATEGIES).isNotWaitingAt(CONSULT_ON_STRATEGIES);
        verify(recordConsultation, times(1)).notify(any());
    }

    /** A review started by a manager, in its research round. */
    private ProcessInstance started() {
        return runtimeService.createMessageCorrelation(MESSAGE_REVIEW_REQUESTED).setVariable(VAR_STARTED_BY, "mike")
                .correlateStartMessage();
    }

    /** A review started by a manager, its research round closed by the window's timer. */
    private ProcessInstance request() {
        ProcessInstance pi = started();
        if (!pi.isEnded()) {
            closeResearch(pi);
        }
        return pi;
    }

    private void closeResearch(ProcessInstance pi) {
        execute(job(RESEARCH_WINDOW_CLOSED, pi));
    }

    private void completeAll(ProcessInstance pi, String... activityIds) {
        for (String activityId : activityIds) {
            for (Task task : taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list()) {
                complete(task);
            }
        }
    }

    private ProcessInstance reviewed() {
        ProcessInstance pi = request();
        completeAll(pi, REVIEW_STAFF, REVIEW_TRAINING, REVIEW_DECISION_AUTHORITY, REVIEW_CUSTOMER_FEEDBACK, RATE_SERVICE_ELEMENTS,
                GIVE_FRONT_LINE_INPUT);
        assertThat(pi).isWaitingAt(CHOOSE_STRATEGIES);
        return pi;
    }

    /** One strategy approved and being implemented. */
    private ProcessInstance implementing() {
        ProcessInstance pi = reviewed();
        complete(task(CHOOSE_STRATEGIES, pi), withVariables(VAR_SECOND_STRATEGY, false));
        completeAll(pi, CONSULT_ON_STRATEGIES);
        complete(task(APPROVE_STRATEGIES, pi), withVariables(VAR_STRATEGIES_DECISION, DECISION_APPROVE));
        assertThat(pi).isWaitingAt(IMPLEMENT_STRATEGY);
        return pi;
    }

    private ProcessInstance remeasured() {
        ProcessInstance pi = implementing();
        complete(task(IMPLEMENT_STRATEGY, pi));
        execute(job(WAITING_PERIOD_OVER, pi));
        complete(task(RATE_SERVICE_ELEMENTS_AGAIN, pi));
        return pi;
    }
}
