package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.servicecharter.complaint.ComplaintProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
import org.servicecharter.approval.ApprovalProcess;
import org.servicecharter.approval.ApprovalTiers;

/**
 * The complaint-handling model on its own (with its classification table and, for the goodwill gesture, the
 * decision-approval model it calls): the paths whose logic lives in the BPMN and DMN, with every bean the model calls
 * mocked and no Spring context or application database. The Spring-based {@link ComplaintHandlingProcessTests} run
 * the same model with the real delegates.
 */
@Deployment(resources = { "complaint-handling.bpmn", "complaint-classification.dmn", "decision-approval.bpmn", "approval-tier.dmn" })
class ComplaintHandlingModelTests {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Date SLA_DUE = serviceDue("PT8H");

    /**
     * What the mocked complaintSla.dueIn answers: the duration plus two days, as if a weekend lay in between, so that
     * a timer counted in calendar time (a timeDuration) would be told apart from one that takes the service-hours date.
     */
    private static Date serviceDue(String isoDuration) {
        return Date.from(NOW.plus(Duration.parse(isoDuration)).plus(Duration.ofDays(2)));
    }

    @RegisterExtension
    static final ProcessEngineExtension engine = ModelEngine.extension();

    RuntimeService runtimeService;

    JavaDelegate register;
    JavaDelegate recordResolution;
    JavaDelegate recordGoodwillOutcome;
    JavaDelegate flagForCorrectiveAction;
    JavaDelegate correlateMessage;
    final java.util.List<Map<String, Object>> sentMessages = new java.util.ArrayList<>();
    JavaDelegate sendSurvey;
    JavaDelegate recordSurveyAnswer;
    JavaDelegate reopenForServiceRecovery;
    JavaDelegate recordRecoveryOutcome;
    JavaDelegate recordSelfAuthorisation;
    ComplaintContacts contacts;

    @BeforeEach
    void mockTheBeansTheModelCalls() {
        init(engine.getProcessEngine());
        runtimeService = engine.getRuntimeService();
        ClockUtil.setCurrentTime(Date.from(NOW));
        register = ModelMocks.delegate("registerComplaintDelegate", execution -> {
            execution.setVariable(VAR_REFERENCE, "C-2026-0001");
            execution.setVariable(VAR_GOODWILL_PROPOSED, false);
            execution.setVariable(VAR_RECOVERY_THRESHOLD, 2);
            execution.setVariable(VAR_SURVEY_TIMEOUT, "P14D");
        });
        recordResolution = ModelMocks.delegate("recordResolutionDelegate");
        recordGoodwillOutcome = ModelMocks.delegate("recordGoodwillOutcomeDelegate");
        flagForCorrectiveAction = ModelMocks.delegate("flagForCorrectiveActionDelegate");
        sentMessages.clear();
        correlateMessage = ModelMocks.delegate("correlateMessageDelegate",
                execution -> sentMessages.add(new java.util.HashMap<>(execution.getVariablesLocal())));
        sendSurvey = ModelMocks.delegate("sendSurveyDelegate", execution -> execution.setVariable(VAR_SURVEY_TIMEOUT, "P14D"));
        recordSurveyAnswer = ModelMocks.delegate("recordSurveyAnswerDelegate");
        reopenForServiceRecovery = ModelMocks.delegate("reopenForServiceRecoveryDelegate");
        recordRecoveryOutcome = ModelMocks.delegate("recordRecoveryOutcomeDelegate");
        ComplaintSla sla = ModelMocks.bean("complaintSla", ComplaintSla.class);
        when(sla.dueIn(anyString())).thenAnswer(invocation -> serviceDue(invocation.getArgument(0)));
        when(sla.dueInCalendarTime(anyString()))
                .thenAnswer(invocation -> Date.from(NOW.plus(Duration.parse(invocation.getArgument(0)))));
        contacts = ModelMocks.bean("complaintContacts", ComplaintContacts.class);
        when(contacts.customerHasEmail("C-2026-0001")).thenReturn(true);

        // the goodwill gesture is decided by the approval model: an amount within an agent's own authority
        ModelMocks.delegate("registerApprovalRequestDelegate", execution -> execution.setVariable(ApprovalProcess.VAR_REQUEST_ID, "AR-1"));
        recordSelfAuthorisation = ModelMocks.delegate("recordSelfAuthorisationDelegate", execution -> {
            execution.setVariable(ApprovalProcess.VAR_OUTCOME, ApprovalProcess.OUTCOME_APPROVED);
            execution.setVariable(ApprovalProcess.VAR_APPROVED_AMOUNT, execution.getVariable(ApprovalProcess.VAR_AMOUNT));
            execution.setVariable(ApprovalProcess.VAR_DECIDED_BY, execution.getVariable(ApprovalProcess.VAR_REQUESTER));
            execution.setVariable(ApprovalProcess.VAR_DECISION_REASON, "within own authority");
        });
        ApprovalTiers tiers = ModelMocks.bean("approvalTiers", ApprovalTiers.class);
        when(tiers.selfAuthorised(ApprovalProcess.TIER_AGENT, "alice")).thenReturn(true);
    }

    @AfterEach
    void resetMocksAndClock() {
        ModelMocks.reset();
        ClockUtil.reset();
        reset();
    }

    @Test
    void aComplaintIsClassifiedHandledWithinItsSlaAndClosedByASatisfiedCustomer() throws Exception {
        ProcessInstance pi = start(intake("delivery", "email"));

        assertThat(pi).hasPassedInOrder(START_EVENT, REGISTER_COMPLAINT, CLASSIFY_COMPLAINT).isWaitingAt(HANDLE_COMPLAINT)
                .hasVariables(VAR_PRIORITY, VAR_SLA_DURATION, VAR_HANDLING_GROUP);
        assertThat(pi).variables().containsEntry(VAR_PRIORITY, "medium").containsEntry(VAR_SLA_DURATION, "PT8H")
                .containsEntry(VAR_MANAGER_ESCALATION_DURATION, "P1D").containsEntry(VAR_HANDLING_GROUP, GROUP_AGENTS);
        assertThat(task(HANDLE_COMPLAINT, pi)).hasCandidateGroup(GROUP_AGENTS).hasDueDate(SLA_DUE);
        assertThat(job(SLA_BREACHED, pi).getDuedate()).as("the SLA timer is the task's due date, in service hours")
                .isEqualTo(SLA_DUE);
        assertThat(job(SECOND_SLA_BREACH, pi).getDuedate()).isEqualTo(serviceDue("P1D"));

        complete(task(HANDLE_COMPLAINT, pi), resolution("alice", false));

        assertThat(pi).hasPassedInOrder(HANDLE_COMPLAINT, RECORD_RESOLUTION).hasNotPassed(FOLLOW_UP_OVERDUE, MANAGER_RESOLVES,
                REQUEST_GOODWILL_APPROVAL, FLAG_FOR_CORRECTIVE_ACTION).isWaitingAt(SEND_SURVEY);
        execute(job(SEND_SURVEY, pi));
        assertThat(pi).isWaitingAt(AWAIT_SURVEY_ANSWER);
        assertThat(job(SURVEY_EXPIRED, pi).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));

        answerSurvey(pi, 5, true);

        assertThat(pi).isEnded().hasPassedInOrder(RECORD_SURVEY_ANSWER, GATEWAY_SURVEY_RESULT, END_CLOSED_WITH_SURVEY)
                .hasNotPassed(REOPEN_FOR_SERVICE_RECOVERY, CALL_CUSTOMER_FOR_SURVEY);
        verify(register).execute(any());
        verify(recordResolution).execute(any());
        verify(sendSurvey).execute(any());
        verify(recordSurveyAnswer).execute(any());
        verify(flagForCorrectiveAction, never()).execute(any());
        verify(correlateMessage, never()).execute(any());
        verify(recordGoodwillOutcome, never()).execute(any());
        verify(reopenForServiceRecovery, never()).execute(any());
    }

    @Test
    void theClassificationTableSetsTheDeadlinesOfBothBreaches() {
        ProcessInstance pi = start(intake("staff-behaviour", "phone"));

        assertThat(pi).variables().containsEntry(VAR_PRIORITY, "high").containsEntry(VAR_SLA_DURATION, "PT4H")
                .containsEntry(VAR_MANAGER_ESCALATION_DURATION, "PT8H");
        assertThat(job(SLA_BREACHED, pi).getDuedate()).isEqualTo(serviceDue("PT4H"));
        assertThat(job(SECOND_SLA_BREACH, pi).getDuedate()).isEqualTo(serviceDue("PT8H"));
        assertThat(task(HANDLE_COMPLAINT, pi)).hasDueDate(serviceDue("PT4H"));
    }

    @Test
    void aBreachedSlaAddsASupervisorsFollowUpAndTheAgentsAnswerEndsBoth() {
        ProcessInstance pi = start(intake("delivery", "email"));

        execute(job(SLA_BREACHED, pi));

        assertThat(pi).isWaitingAt(HANDLE_COMPLAINT, FOLLOW_UP_OVERDUE);
        assertThat(task(FOLLOW_UP_OVERDUE, pi)).hasCandidateGroup(GROUP_SUPERVISORS);

        complete(task(HANDLE_COMPLAINT, pi), resolution("alice", false));

        assertThat(pi).hasPassed(RECORD_RESOLUTION).hasNotPassed(MANAGER_RESOLVES).isNotWaitingAt(FOLLOW_UP_OVERDUE);
        assertThat(job(SECOND_SLA_BREACH, pi)).isNull();
    }

    @Test
    void aSecondBreachTakesTheComplaintFromTheAgentAndGivesItToAManager() throws Exception {
        ProcessInstance pi = start(intake("delivery", "email"));
        execute(job(SLA_BREACHED, pi));

        execute(job(SECOND_SLA_BREACH, pi));

        assertThat(pi).isWaitingAt(MANAGER_RESOLVES).isNotWaitingAt(HANDLE_COMPLAINT, FOLLOW_UP_OVERDUE);
        assertThat(task(MANAGER_RESOLVES, pi)).hasCandidateGroup(GROUP_MANAGERS);
        verify(recordResolution, never()).execute(any());

        complete(task(MANAGER_RESOLVES, pi), resolution("mike", false));

        assertThat(pi).hasPassedInOrder(SECOND_SLA_BREACH, MANAGER_RESOLVES, RECORD_RESOLUTION).isWaitingAt(SEND_SURVEY);
        verify(recordResolution).execute(any());
    }

    @Test
    void aProposedGoodwillGestureIsDecidedByTheApprovalTiersAndItsOutcomeRecorded() throws Exception {
        ProcessInstance pi = start(intake("delivery", "email"));

        Map<String, Object> resolution = resolution("alice", true);
        resolution.put(VAR_GOODWILL_AMOUNT, 20.0);
        resolution.put(VAR_GOODWILL_REASON, "A voucher for the late parcel.");
        complete(task(HANDLE_COMPLAINT, pi), resolution);

        assertThat(pi).hasPassedInOrder(RECORD_RESOLUTION, REQUEST_GOODWILL_APPROVAL, RECORD_GOODWILL_OUTCOME).isWaitingAt(SEND_SURVEY);
        assertThat(pi).variables().containsEntry(VAR_GOODWILL_APPROVAL_REQUEST, "AR-1")
                .containsEntry(VAR_GOODWILL_OUTCOME, ApprovalProcess.OUTCOME_APPROVED).containsEntry(VAR_GOODWILL_APPROVED, true)
                .containsEntry(VAR_GOODWILL_APPROVED_AMOUNT, 20.0).containsEntry(VAR_GOODWILL_DECIDED_BY, "alice");
        verify(recordSelfAuthorisation).execute(any());
        verify(recordGoodwillOutcome).execute(any());
    }

    @Test
    void aComplaintAboutAnEmployeeIsFlaggedForCorrectiveAction() throws Exception {
        Map<String, Object> intake = intake("staff-behaviour", "in-person");
        intake.put(VAR_ABOUT_EMPLOYEE, "bob");
        when(contacts.aboutEmployee("C-2026-0001")).thenReturn("bob");
        when(contacts.concern("C-2026-0001")).thenReturn("Was rude at the counter.");
        ProcessInstance pi = start(intake);

        complete(task(HANDLE_COMPLAINT, pi), resolution("alice", false));

        assertThat(pi).hasPassedInOrder(RECORD_RESOLUTION, FLAG_FOR_CORRECTIVE_ACTION, HAND_TO_CORRECTIVE_ACTION).isWaitingAt(SEND_SURVEY);
        verify(flagForCorrectiveAction).execute(any());
        // the hand-over is a message named in the model, with what the register says the complaint is about
        verify(correlateMessage).execute(any());
        assertThat(sentMessages).singleElement().satisfies(sent -> assertThat(sent)
                .containsEntry("message", "CorrectiveActionRepeatComplaint")
                .containsEntry("correlationVariable", "employee").containsEntry("correlationValue", "bob")
                .containsEntry("otherwiseStart", "CorrectiveActionRequested").containsEntry("businessKey", "C-2026-0001")
                .containsEntry("payload.employee", "bob").containsEntry("payload.complaintReference", "C-2026-0001")
                .containsEntry("payload.concern", "Was rude at the counter."));
    }

    @Test
    void whomTheComplaintIsAboutIsTheRegistersNotTheVariables() throws Exception {
        Map<String, Object> intake = intake("staff-behaviour", "in-person");
        intake.put(VAR_ABOUT_EMPLOYEE, "bob"); // the register names nobody (contacts.aboutEmployee answers null)
        ProcessInstance pi = start(intake);

        complete(task(HANDLE_COMPLAINT, pi), resolution("alice", false));

        assertThat(pi).hasNotPassed(FLAG_FOR_CORRECTIVE_ACTION, HAND_TO_CORRECTIVE_ACTION).isWaitingAt(SEND_SURVEY);
        verify(correlateMessage, never()).execute(any());
    }

    @Test
    void withoutAnEmailAddressAnAgentCallsForTheSurveyAndMayNotReachTheCustomer() throws Exception {
        when(contacts.customerHasEmail("C-2026-0001")).thenReturn(false);
        ProcessInstance pi = start(intake("billing", "phone"));
        complete(task(HANDLE_COMPLAINT, pi), resolution("alice", false));

        assertThat(pi).isWaitingAt(CALL_CUSTOMER_FOR_SURVEY).hasNotPassed(SEND_SURVEY);
        assertThat(task(CALL_CUSTOMER_FOR_SURVEY, pi)).hasCandidateGroup(GROUP_AGENTS)
                .as("the survey window is calendar time").hasDueDate(Date.from(NOW.plus(Duration.ofDays(14))));
        assertThat(job(SURVEY_CALL_EXPIRED, pi).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));

        complete(task(CALL_CUSTOMER_FOR_SURVEY, pi), withVariables(VAR_SURVEY_CALL, SURVEY_CALL_NOT_REACHED));

        assertThat(pi).isEnded().hasPassed(END_CUSTOMER_NOT_REACHED).hasNotPassed(RECORD_SURVEY_ANSWER);
        verify(sendSurvey, never()).execute(any());
        verify(recordSurveyAnswer, never()).execute(any());
    }

    @Test
    void theAgentsSurveyCallIsRecordedLikeAnAnswerByMail() throws Exception {
        when(contacts.customerHasEmail("C-2026-0001")).thenReturn(false);
        ProcessInstance pi = start(intake("billing", "phone"));
        complete(task(HANDLE_COMPLAINT, pi), resolution("alice", false));

        complete(task(CALL_CUSTOMER_FOR_SURVEY, pi), withVariables(VAR_SURVEY_CALL, SURVEY_CALL_ANSWERED,
                VAR_SURVEY_RATING, 4, VAR_SURVEY_RESOLVED, true));

        assertThat(pi).isEnded().hasPassedInOrder(CALL_CUSTOMER_FOR_SURVEY, RECORD_SURVEY_ANSWER, END_CLOSED_WITH_SURVEY);
        verify(recordSurveyAnswer).execute(any());
    }

    @Test
    void anUnansweredSurveyExpiresAndClosesTheComplaint() throws Exception {
        ProcessInstance pi = waitingForTheSurvey();

        execute(job(SURVEY_EXPIRED, pi));

        assertThat(pi).isEnded().hasPassed(SURVEY_EXPIRED, END_CLOSED_WITHOUT_SURVEY).hasNotPassed(RECORD_SURVEY_ANSWER);
        verify(recordSurveyAnswer, never()).execute(any());
    }

    @Test
    void aRatingAtTheThresholdReopensTheComplaintForServiceRecovery() throws Exception {
        ProcessInstance pi = waitingForTheSurvey();

        answerSurvey(pi, 2, true);

        assertThat(pi).hasPassedInOrder(RECORD_SURVEY_ANSWER, REOPEN_FOR_SERVICE_RECOVERY).isWaitingAt(RECOVER_SERVICE);
        assertThat(task(RECOVER_SERVICE, pi)).hasCandidateGroup(GROUP_SUPERVISORS).hasDueDate(SLA_DUE);
        verify(reopenForServiceRecovery).execute(any());

        complete(task(RECOVER_SERVICE, pi), withVariables(VAR_RECOVERY_ACTION, "Called back, refunded the shipping.",
                VAR_RECOVERY_OUTCOME, "put-right"));

        assertThat(pi).isEnded().hasPassedInOrder(RECOVER_SERVICE, RECORD_RECOVERY_OUTCOME, END_CLOSED_AFTER_SERVICE_RECOVERY);
        verify(recordRecoveryOutcome).execute(any());
    }

    @Test
    void aGoodRatingOfAnUnresolvedIssueAlsoReopensTheComplaint() {
        ProcessInstance pi = waitingForTheSurvey();

        answerSurvey(pi, 5, false);

        assertThat(pi).isWaitingAt(RECOVER_SERVICE).hasNotPassed(END_CLOSED_WITH_SURVEY);
    }

    @Test
    void aRatingJustAboveTheThresholdOfAResolvedIssueClosesTheComplaint() {
        ProcessInstance pi = waitingForTheSurvey();

        answerSurvey(pi, 3, true);

        assertThat(pi).isEnded().hasPassed(END_CLOSED_WITH_SURVEY).hasNotPassed(REOPEN_FOR_SERVICE_RECOVERY);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private ProcessInstance start(Map<String, Object> intake) {
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, intake);
    }

    private ProcessInstance waitingForTheSurvey() {
        ProcessInstance pi = start(intake("delivery", "email"));
        complete(task(HANDLE_COMPLAINT, pi), resolution("alice", false));
        execute(job(SEND_SURVEY, pi));
        assertThat(pi).isWaitingAt(AWAIT_SURVEY_ANSWER);
        return pi;
    }

    private void answerSurvey(ProcessInstance pi, int rating, boolean resolved) {
        runtimeService.createMessageCorrelation(MESSAGE_SURVEY_ANSWERED).processInstanceId(pi.getId())
                .setVariable(VAR_SURVEY_RATING, rating).setVariable(VAR_SURVEY_RESOLVED, resolved).correlate();
    }

    private static Map<String, Object> intake(String category, String channel) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CUSTOMER_NAME, "Grace Customer");
        variables.put(VAR_CUSTOMER_EMAIL, "grace@example.com");
        variables.put(VAR_CHANNEL, channel);
        variables.put(VAR_CATEGORY, category);
        variables.put(VAR_DESCRIPTION, "The parcel arrived a week late.");
        variables.put(VAR_ABOUT_EMPLOYEE, null);
        return variables;
    }

    private static Map<String, Object> resolution(String resolvedBy, boolean goodwill) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CUSTOMER_CONTACTED, true);
        variables.put(VAR_APOLOGISED, true);
        variables.put(VAR_RESOLUTION, "Refunded the shipping.");
        variables.put(VAR_GOODWILL_PROPOSED, goodwill);
        variables.put(VAR_RESOLVED_BY, resolvedBy);
        return variables;
    }
}
