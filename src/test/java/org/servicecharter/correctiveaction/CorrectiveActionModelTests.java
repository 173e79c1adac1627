package org.servicecharter.correctiveaction;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.servicecharter.ModelEngine;
import org.servicecharter.ModelMocks;

/**
 * The corrective-action model and its ladder tables on their own, every bean mocked, no Spring context: both starts,
 * the conversation, the ladder step by severity and prior actions, HR's review, the monitoring period with its
 * acknowledgement and a repeat complaint during it. {@link CorrectiveActionProcessTests} run the same model with the
 * real delegates and the employee file.
 */
@Deployment(resources = { "corrective-action.bpmn", "corrective-action-ladder.dmn" })
class CorrectiveActionModelTests {

    @RegisterExtension
    static final ProcessEngineExtension engine = ModelEngine.extension();

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Date MONITORING_ENDS = Date.from(NOW.plus(Duration.ofDays(90)));

    RuntimeService runtimeService;
    int highestPriorRung;
    JavaDelegate openCase;
    JavaDelegate recordNotSubstantiated;
    JavaDelegate countPriorActions;
    JavaDelegate recordCorrectiveAction;
    JavaDelegate recordHrDecision;
    JavaDelegate recordAcknowledgement;
    JavaDelegate closeCase;
    TaskListener taskAccess;
    TaskListener conversationGuard;
    TaskListener hrDecisionGuard;
    TaskListener acknowledgementGuard;

    @BeforeEach
    void mockTheBeansTheModelCalls() {
        init(engine.getProcessEngine());
        runtimeService = engine.getRuntimeService();
        ClockUtil.setCurrentTime(Date.from(NOW));
        openCase = ModelMocks.delegate("openCorrectiveActionCaseDelegate", execution -> {
            execution.setVariable(VAR_CONVERSATION_LEAD, "mike");
            execution.setVariable(VAR_MONITORING_ENDS_AT, null);
            execution.setVariable(VAR_ACKNOWLEDGEMENT_PENDING, false);
        });
        recordNotSubstantiated = ModelMocks.delegate("recordNotSubstantiatedDelegate");
        countPriorActions = ModelMocks.delegate("countPriorActionsDelegate",
                execution -> execution.setVariable(VAR_HIGHEST_PRIOR_RUNG, highestPriorRung));
        // a step on the ladder starts a monitoring period that the employee acknowledges (CaseRecord.entry)
        recordCorrectiveAction = ModelMocks.delegate("recordCorrectiveActionDelegate", execution -> {
            execution.setVariable(VAR_MONITORING_ENDS_AT, MONITORING_ENDS);
            execution.setVariable(VAR_ACKNOWLEDGEMENT_PENDING, true);
        });
        recordHrDecision = ModelMocks.delegate("recordHrDecisionDelegate", execution -> {
            if (HR_RETAIN.equals(execution.getVariable(VAR_HR_DECISION))) {
                execution.setVariable(VAR_MONITORING_ENDS_AT, MONITORING_ENDS);
                execution.setVariable(VAR_ACKNOWLEDGEMENT_PENDING, true);
            }
        });
        recordAcknowledgement = ModelMocks.delegate("recordCorrectiveAcknowledgementDelegate",
                execution -> execution.setVariable(VAR_ACKNOWLEDGEMENT_PENDING, false));
        closeCase = ModelMocks.delegate("closeCorrectiveActionCaseDelegate");
        taskAccess = ModelMocks.taskListener("correctiveActionTaskAccess");
        conversationGuard = ModelMocks.taskListener("conversationGuard");
        hrDecisionGuard = ModelMocks.taskListener("hrDecisionGuard");
        acknowledgementGuard = ModelMocks.taskListener("acknowledgementGuard");
        CorrectiveActionCases cases = ModelMocks.bean("correctiveActionCases", CorrectiveActionCases.class);
        when(cases.conversationGroups(anyString())).thenReturn(List.of("managers"));
        when(cases.ladderHistory(anyString())).thenAnswer(invocation -> "Ladder of " + invocation.getArgument(0));
        ModelMocks.staffNames();
    }

    @AfterEach
    void resetMocksAndClock() {
        ModelMocks.reset();
        ClockUtil.reset();
        reset();
    }

    @Test
    void aManagersConcernOpensARestrictedCaseAndAConversationWithTheEmployeesManager() throws Exception {
        ProcessInstance pi = raiseConcern();

        assertThat(pi).hasPassedInOrder(START_BY_MANAGER, OPEN_CASE).isWaitingAt(HOLD_CONVERSATION);
        assertThat(task(HOLD_CONVERSATION, pi)).isAssignedTo("mike").hasCandidateGroupAssociated("managers");
        verify(openCase).execute(any());
        verify(taskAccess).notify(any());
    }

    @Test
    void aComplaintAboutAnEmployeeOpensTheCaseByMessage() throws Exception {
        ProcessInstance pi = runtimeService.createMessageCorrelation(MESSAGE_REQUESTED).processInstanceBusinessKey("CA-2")
                .setVariable(VAR_EMPLOYEE, "bob").setVariable(VAR_CONCERN, "Rude on the phone.")
                .setVariable(VAR_COMPLAINT_REFERENCE, "C-2026-0001").correlateStartMessage();

        assertThat(pi).hasPassedInOrder(START_BY_COMPLAINT, OPEN_CASE).hasNotPassed(START_BY_MANAGER).isWaitingAt(HOLD_CONVERSATION);
        verify(openCase).execute(any());
    }

    @Test
    void aConcernThatIsNotSubstantiatedIsRecordedAndClosesTheCase() throws Exception {
        ProcessInstance pi = raiseConcern();

        complete(task(HOLD_CONVERSATION, pi), conversation("minor", false));

        assertThat(pi).isEnded().hasPassedInOrder(SUBSTANTIATED, RECORD_NOT_SUBSTANTIATED, NOT_SUBSTANTIATED)
                .hasNotPassed(LOOK_UP_LOOK_BACK_WINDOW, DECIDE_LADDER_STEP);
        // on create (clears a previous incident's answers) and on complete (guards)
        verify(conversationGuard, times(2)).notify(any());
        verify(recordNotSubstantiated).execute(any());
        verify(countPriorActions, never()).execute(any());
    }

    @ParameterizedTest(name = "{0} with highest prior rung {1}: {2}")
    @CsvSource({
            "minor, 0, coaching",
            "serious, 0, written-warning",
            "minor, 1, written-warning",
            "serious, 2, final-warning",
            "minor, 3, hr-review",
            "gross-misconduct, 0, hr-review" })
    void theLadderTablesChooseTheStepAndTheModelFollowsIt(String severity, int priorRung, String step) throws Exception {
        highestPriorRung = priorRung;
        ProcessInstance pi = raiseConcern();

        complete(task(HOLD_CONVERSATION, pi), conversation(severity, true));

        assertThat(pi).hasPassedInOrder(LOOK_UP_LOOK_BACK_WINDOW, COUNT_PRIOR_ACTIONS, DECIDE_LADDER_STEP);
        assertThat(pi).variables().containsEntry(VAR_LOOK_BACK_WINDOW, "P12M").containsEntry(VAR_CORRECTIVE_ACTION, step);
        verify(countPriorActions).execute(any());
        if (step.equals("hr-review")) {
            assertThat(pi).isWaitingAt(DECIDE_ON_DISMISSAL).hasNotPassed(RECORD_CORRECTIVE_ACTION);
            assertThat(task(DECIDE_ON_DISMISSAL, pi)).hasCandidateGroup("hr");
            verify(recordCorrectiveAction, never()).execute(any());
        } else {
            assertThat(pi).hasPassed(RECORD_CORRECTIVE_ACTION).isWaitingAt(ACKNOWLEDGE).hasNotPassed(DECIDE_ON_DISMISSAL);
            verify(recordCorrectiveAction).execute(any());
        }
    }

    @Test
    void aStepIsAcknowledgedByTheEmployeeAndTheCaseClosesAfterACleanMonitoringPeriod() throws Exception {
        ProcessInstance pi = raiseConcern();
        complete(task(HOLD_CONVERSATION, pi), conversation("minor", true));

        assertThat(task(ACKNOWLEDGE, pi)).isAssignedTo("bob");
        complete(task(ACKNOWLEDGE, pi), withVariables(VAR_ACKNOWLEDGED, true));

        assertThat(pi).hasPassedInOrder(ACKNOWLEDGE, RECORD_ACKNOWLEDGEMENT).isWaitingAt(MONITORING_PERIOD_OVER);
        assertThat(job(MONITORING_PERIOD_OVER, pi).getDuedate()).isEqualTo(MONITORING_ENDS);
        verify(acknowledgementGuard).notify(any());
        verify(recordAcknowledgement).execute(any());

        execute(job(MONITORING_PERIOD_OVER, pi));

        assertThat(pi).isEnded().hasPassedInOrder(MONITORING_PERIOD_OVER, CLOSE_CASE, CASE_CLOSED);
        verify(closeCase).execute(any());
    }

    @Test
    void hrDismissesTheEmployee() throws Exception {
        ProcessInstance pi = hrReview();
        // HR's form names the employee of the case and shows the corrective actions already on file
        String hrTask = task(DECIDE_ON_DISMISSAL, pi).getId();
        assertThat(engine.getTaskService().getVariables(hrTask)).containsEntry(VAR_EMPLOYEE, "bob")
                .containsEntry(VAR_LADDER_HISTORY, "Ladder of bob");

        complete(task(DECIDE_ON_DISMISSAL, pi), withVariables(VAR_HR_DECISION, HR_DISMISS, VAR_HR_REASON, "Third final warning."));

        assertThat(pi).isEnded().hasPassedInOrder(DECIDE_ON_DISMISSAL, RECORD_HR_DECISION, EMPLOYEE_DISMISSED).hasNotPassed(MONITOR_BEHAVIOUR);
        verify(hrDecisionGuard).notify(any());
        verify(recordHrDecision).execute(any());
    }

    @Test
    void hrRetainsTheEmployeeWithAFinalWarningThatIsMonitored() throws Exception {
        ProcessInstance pi = hrReview();

        complete(task(DECIDE_ON_DISMISSAL, pi), withVariables(VAR_HR_DECISION, HR_RETAIN, VAR_HR_REASON, "Long service."));

        assertThat(pi).hasPassed(RECORD_HR_DECISION).isWaitingAt(ACKNOWLEDGE).hasNotPassed(EMPLOYEE_DISMISSED);
        verify(recordCorrectiveAction, never()).execute(any());
    }

    @Test
    void aRepeatComplaintDuringMonitoringReopensTheConversationAndAnUnfoundedOneReturnsToMonitoring() throws Exception {
        ProcessInstance pi = raiseConcern();
        complete(task(HOLD_CONVERSATION, pi), conversation("minor", true));
        complete(task(ACKNOWLEDGE, pi), withVariables(VAR_ACKNOWLEDGED, true));

        runtimeService.createMessageCorrelation(MESSAGE_REPEAT_COMPLAINT).processInstanceId(pi.getId()).correlate();

        assertThat(pi).hasPassed(REPEAT_COMPLAINT).isWaitingAt(HOLD_CONVERSATION).isNotWaitingAt(MONITORING_PERIOD_OVER);

        complete(task(HOLD_CONVERSATION, pi), conversation("minor", false));

        assertThat(pi).hasPassed(RECORD_NOT_SUBSTANTIATED).hasNotPassed(NOT_SUBSTANTIATED).isWaitingAt(MONITORING_PERIOD_OVER)
                .isNotWaitingAt(ACKNOWLEDGE);
        assertThat(job(MONITORING_PERIOD_OVER, pi).getDuedate()).as("the same period").isEqualTo(MONITORING_ENDS);
        // on create it clears the previous incident's answers, on complete it guards: one conversation per incident
        verify(conversationGuard, times(4)).notify(any());
        verify(recordAcknowledgement, times(1)).execute(any());
        verify(taskAccess, atLeastOnce()).notify(any());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A manager raises a concern about bob through the start form. */
    private ProcessInstance raiseConcern() {
        engine.getIdentityService().setAuthenticatedUserId("mike");
        try {
            return runtimeService.startProcessInstanceByKey(PROCESS_KEY, "CA-1",
                    Map.of(VAR_EMPLOYEE, "bob", VAR_CONCERN, "Shouted at a customer."));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private ProcessInstance hrReview() {
        ProcessInstance pi = raiseConcern();
        complete(task(HOLD_CONVERSATION, pi), conversation("gross-misconduct", true));
        assertThat(pi).isWaitingAt(DECIDE_ON_DISMISSAL);
        return pi;
    }

    private static Map<String, Object> conversation(String severity, boolean substantiated) {
        return withVariables(VAR_WHAT_HAPPENED, "We talked it through.", VAR_SUBSTANTIATED, substantiated, VAR_SEVERITY, severity,
                VAR_DOCUMENTED_BY, "mike");
    }
}
