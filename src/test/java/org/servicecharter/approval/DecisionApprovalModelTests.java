package org.servicecharter.approval;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.servicecharter.approval.ApprovalProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
import org.mockito.ArgumentCaptor;
import org.servicecharter.ModelEngine;
import org.servicecharter.ModelMocks;

/**
 * The decision-approval model and its tier tables on their own, every bean mocked, no Spring context: the requester's
 * own authority, the decision at a tier, passing up, the tier's deadline escalating to the next tier and reminding
 * the top tier. {@link DecisionApprovalProcessTests} run the same model with the real delegates.
 */
@Deployment(resources = { "decision-approval.bpmn", "approval-tier.dmn" })
class DecisionApprovalModelTests {

    @RegisterExtension
    static final ProcessEngineExtension engine = ModelEngine.extension();

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    RuntimeService runtimeService;
    ApprovalTiers tiers;
    JavaDelegate register;
    JavaDelegate recordSelfAuthorisation;
    JavaDelegate offerAtTier;
    JavaDelegate passUpOneTier;
    JavaDelegate remindTopTier;
    JavaDelegate recordDecision;
    JavaDelegate recogniseRequester;
    TaskListener fourEyesGuard;

    @BeforeEach
    void mockTheBeansTheModelCalls() {
        init(engine.getProcessEngine());
        runtimeService = engine.getRuntimeService();
        ClockUtil.setCurrentTime(Date.from(NOW));
        register = ModelMocks.delegate("registerApprovalRequestDelegate", execution -> {
            execution.setVariable(VAR_REQUEST_ID, "AR-1");
            execution.setVariable(VAR_EXCLUDED_APPROVERS, execution.getVariable(VAR_REQUESTER));
        });
        recordSelfAuthorisation = ModelMocks.delegate("recordSelfAuthorisationDelegate",
                execution -> execution.setVariable(VAR_OUTCOME, OUTCOME_APPROVED));
        // the real delegate starts at the required tier and skips tiers nobody may decide at (tested with Spring)
        offerAtTier = ModelMocks.delegate("offerAtTierDelegate", execution -> {
            if (execution.getVariable(VAR_CURRENT_TIER) == null) {
                execution.setVariable(VAR_CURRENT_TIER, execution.getVariable(VAR_REQUIRED_TIER));
            }
            execution.setVariable(VAR_DECISION, null);
            execution.setVariable(VAR_RECOGNISE, false);
        });
        passUpOneTier = ModelMocks.delegate("passUpOneTierDelegate", execution -> execution.setVariable(VAR_CURRENT_TIER,
                ApprovalTiers.next((String) execution.getVariable(VAR_CURRENT_TIER))));
        remindTopTier = ModelMocks.delegate("remindTopTierDelegate");
        recordDecision = ModelMocks.delegate("recordDecisionDelegate", execution -> execution.setVariable(VAR_OUTCOME,
                DECISION_APPROVE.equals(execution.getVariable(VAR_DECISION)) ? OUTCOME_APPROVED : OUTCOME_REJECTED));
        recogniseRequester = ModelMocks.delegate("recogniseRequesterDelegate");
        fourEyesGuard = ModelMocks.taskListener("fourEyesGuard");
        tiers = ModelMocks.bean("approvalTiers", ApprovalTiers.class);
        when(tiers.selfAuthorised(anyString(), anyString())).thenReturn(false);
        when(tiers.candidates(eq(TIER_SUPERVISOR), anyString())).thenReturn(List.of("sara"));
        when(tiers.candidates(eq(TIER_MANAGER), anyString())).thenReturn(List.of("mike"));
        when(tiers.candidates(eq(TIER_HEAD_OF_SERVICE), anyString())).thenReturn(List.of("hana"));
        when(tiers.dueIn(anyString())).thenAnswer(invocation -> Date.from(NOW.plus(Duration.parse(invocation.getArgument(0)))));
        when(tiers.isTop(anyString())).thenAnswer(invocation -> TIER_HEAD_OF_SERVICE.equals(invocation.getArgument(0)));
    }

    @AfterEach
    void resetMocksAndClock() {
        ModelMocks.reset();
        ClockUtil.reset();
        reset();
    }

    @Test
    void aRequestWithinTheRequestersOwnAuthorityIsApprovedWithoutATask() throws Exception {
        when(tiers.selfAuthorised(TIER_AGENT, "alice")).thenReturn(true);

        ProcessInstance pi = ask("alice", "refund", 40.0);

        assertThat(pi).isEnded().hasPassedInOrder(REGISTER_REQUEST, DETERMINE_TIER, WITHIN_OWN_AUTHORITY,
                RECORD_SELF_AUTHORISATION, END_SELF_AUTHORISED).hasNotPassed(OFFER_AT_TIER, DECIDE_REQUEST);
        assertThat(pi).variables().containsEntry(VAR_REQUIRED_TIER, TIER_AGENT);
        verify(recordSelfAuthorisation).execute(any());
        verify(offerAtTier, never()).execute(any());
    }

    @Test
    void theTierTableRoutesTheRequestToItsTiersCandidatesWithTheTiersDeadline() throws Exception {
        ProcessInstance pi = ask("alice", "refund", 300.0);

        assertThat(pi).isWaitingAt(DECIDE_REQUEST).hasPassedInOrder(DETERMINE_TIER, OFFER_AT_TIER, LOOK_UP_TIER_DEADLINE);
        assertThat(pi).variables().containsEntry(VAR_REQUIRED_TIER, TIER_SUPERVISOR).containsEntry(VAR_CURRENT_TIER, TIER_SUPERVISOR)
                .containsEntry(VAR_TIER_DEADLINE, "P1D");
        assertThat(task(DECIDE_REQUEST, pi)).hasCandidateUser("sara").hasDueDate(Date.from(NOW.plus(Duration.ofDays(1))));
        assertThat(job(TIER_DEADLINE_PASSED, pi).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(1))));
        verify(tiers).candidates(TIER_SUPERVISOR, "alice");
        verify(recordSelfAuthorisation, never()).execute(any());
    }

    @Test
    void anApprovalIsRecordedAndTheFourEyesGuardWatchesTheTask() throws Exception {
        ProcessInstance pi = ask("alice", "credit", 500.0);

        complete(task(DECIDE_REQUEST, pi), withVariables(VAR_DECISION, DECISION_APPROVE, VAR_DECIDED_BY, "sara"));

        assertThat(pi).isEnded().hasPassedInOrder(DECIDE_REQUEST, WHAT_DECIDED, RECORD_APPROVAL, END_APPROVED)
                .hasNotPassed(RECOGNISE_REQUESTER, RECORD_REJECTION, PASS_UP_ONE_TIER);
        verify(recordDecision).execute(any());
        verify(recogniseRequester, never()).execute(any());
        ArgumentCaptor<DelegateTask> guarded = ArgumentCaptor.forClass(DelegateTask.class);
        verify(fourEyesGuard).notify(guarded.capture());
        assertThat(guarded.getValue().getEventName()).isEqualTo(TaskListener.EVENTNAME_COMPLETE);
    }

    @Test
    void anApprovalThatRecognisesTheRequesterRecordsTheRecognition() throws Exception {
        ProcessInstance pi = ask("alice", "credit", 500.0);

        complete(task(DECIDE_REQUEST, pi), withVariables(VAR_DECISION, DECISION_APPROVE, VAR_RECOGNISE, true));

        assertThat(pi).isEnded().hasPassedInOrder(RECORD_APPROVAL, RECOGNISE_REQUESTER, END_APPROVED);
        verify(recogniseRequester).execute(any());
    }

    @Test
    void aRejectionIsRecordedAndEndsTheRequest() throws Exception {
        ProcessInstance pi = ask("alice", "credit", 500.0);

        complete(task(DECIDE_REQUEST, pi), withVariables(VAR_DECISION, DECISION_REJECT));

        assertThat(pi).isEnded().hasPassedInOrder(WHAT_DECIDED, RECORD_REJECTION, END_REJECTED).hasNotPassed(RECORD_APPROVAL);
        verify(recordDecision).execute(any());
    }

    @Test
    void passingUpOffersTheRequestAtTheNextTierWithThatTiersDeadline() throws Exception {
        ProcessInstance pi = ask("alice", "refund", 300.0);

        complete(task(DECIDE_REQUEST, pi), withVariables(VAR_DECISION, DECISION_PASS_UP));

        assertThat(pi).isWaitingAt(DECIDE_REQUEST).hasPassed(PASS_UP_ONE_TIER).hasNotPassed(RECORD_APPROVAL, RECORD_REJECTION);
        assertThat(pi).variables().containsEntry(VAR_CURRENT_TIER, TIER_MANAGER).containsEntry(VAR_TIER_DEADLINE, "P2D");
        assertThat(task(DECIDE_REQUEST, pi)).hasCandidateUser("mike");
        verify(passUpOneTier).execute(any());
        verify(offerAtTier, times(2)).execute(any());
        verify(recordDecision, never()).execute(any());
    }

    @Test
    void aTierThatMissesItsDeadlineLosesTheRequestToTheNextTier() throws Exception {
        ProcessInstance pi = ask("alice", "refund", 300.0);

        execute(job(TIER_DEADLINE_PASSED, pi));

        assertThat(pi).hasPassedInOrder(TIER_DEADLINE_PASSED, AT_TOP_TIER, NO_DECISION_IN_TIME, PASS_UP_ONE_TIER)
                .hasNotPassed(REMIND_TOP_TIER).isWaitingAt(DECIDE_REQUEST);
        assertThat(pi).variables().containsEntry(VAR_CURRENT_TIER, TIER_MANAGER);
        assertThat(task(DECIDE_REQUEST, pi)).hasCandidateUser("mike");
        verify(remindTopTier, never()).execute(any());
    }

    @Test
    void theTopTierIsRemindedAtEachDeadlineAndKeepsTheRequest() throws Exception {
        ProcessInstance pi = ask("alice", "refund", 6000.0);
        assertThat(pi).variables().containsEntry(VAR_CURRENT_TIER, TIER_HEAD_OF_SERVICE).containsEntry(VAR_TIER_DEADLINE, "P3D");
        String taskId = task(DECIDE_REQUEST, pi).getId();

        execute(job(TIER_DEADLINE_PASSED, pi));
        execute(job(TIER_DEADLINE_PASSED, pi));

        assertThat(pi).hasPassed(REMIND_TOP_TIER).hasNotPassed(NO_DECISION_IN_TIME, PASS_UP_ONE_TIER).isWaitingAt(DECIDE_REQUEST);
        assertThat(task(DECIDE_REQUEST, pi).getId()).as("the same task").isEqualTo(taskId);
        assertThat(job(TIER_DEADLINE_PASSED, pi)).as("the deadline repeats").isNotNull();
        verify(remindTopTier, times(2)).execute(any());
    }

    /** The requester starts the request, as through the API or Tasklist (the model's initiator). */
    private ProcessInstance ask(String requester, String type, double amount) {
        engine.getIdentityService().setAuthenticatedUserId(requester);
        try {
            return runtimeService.startProcessInstanceByKey(PROCESS_KEY,
                Map.of(VAR_REQUESTER, requester, VAR_TYPE, type, VAR_AMOUNT, amount, VAR_REASON, "The customer waited a month."));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
