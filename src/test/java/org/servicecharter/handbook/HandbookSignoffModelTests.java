package org.servicecharter.handbook;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.servicecharter.handbook.HandbookProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * The handbook sign-off models (the version's life and each employee's sign-off) on their own, every bean mocked, no
 * Spring context: the head of service's approval (approved, sent back and resubmitted, withdrawn), one sign-off per employee, the late joiners' check, superseding, signing, declining and the conversation that follows (will sign now, the decline stands), the reminder
 * and the deadline. {@link HandbookSignoffProcessTests} run the same models with the real delegates.
 */
@Deployment(resources = "handbook-signoff.bpmn")
class HandbookSignoffModelTests {

    @RegisterExtension
    static final ProcessEngineExtension engine = ModelEngine.extension();

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Date DUE = Date.from(NOW.plus(Duration.ofDays(30)));
    private static final Date REMINDER = Date.from(NOW.plus(Duration.ofDays(23)));
    private static final String VERSION = "2026-03";

    RuntimeService runtimeService;
    JavaDelegate publish;
    JavaDelegate offerSignOff;
    JavaDelegate remind;
    JavaDelegate markOverdue;
    JavaDelegate recordAcknowledgement;
    JavaDelegate recordDecline;
    TaskListener signatureGuard;
    TaskListener approvalGuard;
    JavaDelegate recordApproval;
    JavaDelegate recordRevision;
    JavaDelegate recordConversation;

    @BeforeEach
    void mockTheBeansTheModelsCall() {
        init(engine.getProcessEngine());
        runtimeService = engine.getRuntimeService();
        ClockUtil.setCurrentTime(Date.from(NOW));
        publish = ModelMocks.delegate("publishHandbookVersionDelegate", execution -> {
            execution.setVariable(VAR_VERSION, VERSION);
            execution.setVariable(VAR_TITLE, "Service handbook");
            execution.setVariable(VAR_DOCUMENT_URL, "https://handbook.example.org/2026-03.pdf");
            execution.setVariable(VAR_DOCUMENT_SHA256, "ab".repeat(32));
            execution.setVariable(VAR_RULES, "Be kind.");
            execution.setVariable(VAR_STATEMENT, statement(VERSION));
        });
        // everybody at publication, one newcomer when the late joiners are looked for
        offerSignOff = ModelMocks.delegate("offerSignOffDelegate", execution -> execution.setVariableLocal(VAR_OFFERED_EMPLOYEES,
                OFFER_SIGN_OFF.equals(execution.getCurrentActivityId()) ? "alice,bob" : "carol"));
        remind = ModelMocks.delegate("remindEmployeeDelegate");
        markOverdue = ModelMocks.delegate("markSignOffOverdueDelegate");
        recordAcknowledgement = ModelMocks.delegate("recordAcknowledgementDelegate");
        recordDecline = ModelMocks.delegate("recordDeclineDelegate");
        signatureGuard = ModelMocks.taskListener("signatureGuard");
        approvalGuard = ModelMocks.taskListener("handbookApprovalGuard");
        recordApproval = ModelMocks.delegate("recordHandbookApprovalDelegate");
        recordRevision = ModelMocks.delegate("recordHandbookRevisionDelegate");
        recordConversation = ModelMocks.delegate("recordConversationOutcomeDelegate");
        HandbookSchedule schedule = ModelMocks.bean("handbookSchedule", HandbookSchedule.class);
        when(schedule.employees(anyString())).thenAnswer(invocation -> Arrays.asList(((String) invocation.getArgument(0)).split(",")));
        when(schedule.dueDate(anyString(), anyString())).thenReturn(DUE);
        when(schedule.reminderAt(DUE)).thenReturn(REMINDER);
        when(schedule.lateJoinerCheck()).thenReturn("R/P1D");
        when(schedule.managerOf(anyString())).thenReturn("mike");
        when(schedule.groupsWithoutManager(anyString())).thenReturn(List.of());
    }

    @AfterEach
    void resetMocksAndClock() {
        ModelMocks.reset();
        ClockUtil.reset();
        reset();
    }

    // --- the version -------------------------------------------------------------------------------------------

    @Test
    void aPublishedVersionAwaitsTheHeadOfServicesApprovalAndNobodyIsOfferedBefore() throws Exception {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_KEY, VERSION);

        assertThat(pi).hasPassedInOrder(START_EVENT, PUBLISH_VERSION, VERSION_SUBMITTED).isWaitingAt(APPROVE_VERSION)
                .hasNotPassed(OFFER_SIGN_OFF);
        assertThat(task(APPROVE_VERSION, pi)).hasCandidateGroup("head-of-service").isNotAssigned();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(EMPLOYEE_PROCESS_KEY).count()).isZero();
        verify(offerSignOff, never()).execute(any());
    }

    @Test
    void anApprovedVersionIsRecordedAndOfferedToEveryEmployee() throws Exception {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_KEY, VERSION);

        complete(task(APPROVE_VERSION, pi), withVariables(VAR_APPROVAL_DECISION, APPROVAL_APPROVE));

        assertThat(pi).hasPassedInOrder(APPROVE_VERSION, RECORD_APPROVAL, APPROVED_OR_SENT_BACK, OFFER_SIGN_OFF)
                .hasNotPassed(REVISE_VERSION).isWaitingAt(COLLECT_SIGN_OFFS, KEEP_IN_FORCE);
        verify(approvalGuard).notify(any());
        verify(recordApproval).execute(any());
        verify(recordRevision, never()).execute(any());
    }

    @Test
    void aVersionSentBackGoesToItsPublisherAndReturnsToApprovalWhenResubmitted() throws Exception {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_KEY, VERSION,
                withVariables(VAR_PUBLISHED_BY, "olga"));

        complete(task(APPROVE_VERSION, pi), withVariables(VAR_APPROVAL_DECISION, APPROVAL_SEND_BACK, VAR_SEND_BACK_REASON, "Rule 2?"));

        assertThat(pi).hasPassed(RECORD_APPROVAL).isWaitingAt(REVISE_VERSION).hasNotPassed(OFFER_SIGN_OFF);
        assertThat(task(REVISE_VERSION, pi)).isAssignedTo("olga");

        complete(task(REVISE_VERSION, pi), withVariables(VAR_REVISION_DECISION, REVISION_RESUBMIT));

        assertThat(pi).hasPassedInOrder(REVISE_VERSION, RECORD_REVISION, RESUBMITTED_OR_WITHDRAWN).isWaitingAt(APPROVE_VERSION);
        complete(task(APPROVE_VERSION, pi), withVariables(VAR_APPROVAL_DECISION, APPROVAL_APPROVE));
        assertThat(pi).hasPassed(OFFER_SIGN_OFF).isWaitingAt(COLLECT_SIGN_OFFS, KEEP_IN_FORCE);
        verify(recordApproval, times(2)).execute(any());
        verify(recordRevision).execute(any());
    }

    @Test
    void aVersionSentBackAndWithdrawnEndsWithoutAnyOffer() throws Exception {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_KEY, VERSION,
                withVariables(VAR_PUBLISHED_BY, "olga"));
        complete(task(APPROVE_VERSION, pi), withVariables(VAR_APPROVAL_DECISION, APPROVAL_SEND_BACK, VAR_SEND_BACK_REASON, "No."));

        complete(task(REVISE_VERSION, pi), withVariables(VAR_REVISION_DECISION, REVISION_WITHDRAW));

        assertThat(pi).isEnded().hasPassed(RECORD_REVISION, VERSION_WITHDRAWN).hasNotPassed(OFFER_SIGN_OFF, KEEP_IN_FORCE);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).as("no late joiners' check").isZero();
        verify(offerSignOff, never()).execute(any());
    }

    @Test
    void aPublishedVersionOffersEveryEmployeeTheirOwnSignOffAndStaysInForce() throws Exception {
        ProcessInstance pi = published();

        assertThat(pi).hasPassedInOrder(START_EVENT, PUBLISH_VERSION, APPROVE_VERSION, OFFER_SIGN_OFF).isWaitingAt(COLLECT_SIGN_OFFS, KEEP_IN_FORCE);
        assertThat(job(LOOK_FOR_LATE_JOINERS, pi)).as("the late joiners' check").isNotNull();
        for (String employee : List.of("alice", "bob")) {
            ProcessInstance signOff = signOff(employee);
            assertThat(signOff).isWaitingAt(SIGN_HANDBOOK);
            Task task = task(SIGN_HANDBOOK, signOff);
            assertThat(task).isAssignedTo(employee).hasDueDate(DUE);
            assertThat(signOff).variables().containsEntry(VAR_VERSION, VERSION).containsEntry(VAR_STATEMENT, statement(VERSION))
                    .containsEntry(VAR_DUE_DATE, DUE);
        }
        verify(publish).execute(any());
        verify(offerSignOff).execute(any());
    }

    @Test
    void theVersionEndsWhenEveryEmployeeAnsweredButStaysInForce() {
        ProcessInstance pi = published();

        complete(task(SIGN_HANDBOOK, signOff("alice")), withVariables(VAR_DECISION, DECISION_SIGN));
        complete(task(SIGN_HANDBOOK, signOff("bob")), withVariables(VAR_DECISION, DECISION_SIGN));

        assertThat(pi).hasPassed(SIGN_OFFS_COLLECTED).isWaitingAt(KEEP_IN_FORCE).isNotEnded();
    }

    @Test
    void aNewerVersionSupersedesTheVersionAndEndsItsOpenSignOffs() {
        ProcessInstance pi = published();
        complete(task(SIGN_HANDBOOK, signOff("alice")), withVariables(VAR_DECISION, DECISION_SIGN));

        runtimeService.createMessageCorrelation(MESSAGE_SUPERSEDED).processInstanceBusinessKey(VERSION)
                .setVariable(VAR_SUPERSEDED_BY, "2026-09").correlate();

        assertThat(pi).isEnded().hasPassed(VERSION_SUPERSEDED).hasNotPassed(SIGN_OFFS_COLLECTED);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(EMPLOYEE_PROCESS_KEY).count())
                .as("bob's open sign-off").isZero();
    }

    @Test
    void employeesWhoJoinedAreOfferedTheVersionInForce() throws Exception {
        ProcessInstance pi = published();

        execute(job(LOOK_FOR_LATE_JOINERS, pi));

        assertThat(pi).hasPassed(OFFER_TO_LATE_JOINERS).isWaitingAt(COLLECT_SIGN_OFFS, KEEP_IN_FORCE, COLLECT_LATE_JOINER_SIGN_OFFS);
        assertThat(task(SIGN_HANDBOOK, signOff("carol"))).isAssignedTo("carol").hasDueDate(DUE);
        assertThat(job(LOOK_FOR_LATE_JOINERS, pi)).as("the check repeats").isNotNull();
        verify(offerSignOff, times(2)).execute(any());
    }

    // --- an employee's sign-off ------------------------------------------------------------------------------------

    @Test
    void aSignatureIsCheckedAndRecordedInTheEmployeeFile() throws Exception {
        ProcessInstance signOff = offer("alice");

        complete(task(SIGN_HANDBOOK, signOff), withVariables(VAR_DECISION, DECISION_SIGN));

        assertThat(signOff).isEnded().hasPassedInOrder(SIGN_HANDBOOK, SIGNED_OR_DECLINED, RECORD_ACKNOWLEDGEMENT, HANDBOOK_SIGNED)
                .hasNotPassed(RECORD_DECLINE, REMINDER_DUE, DEADLINE_PASSED);
        verify(signatureGuard).notify(any());
        verify(recordAcknowledgement).execute(any());
        verify(recordDecline, never()).execute(any());
    }

    @Test
    void aDeclineIsRecordedAndDiscussedWithTheEmployeesManager() throws Exception {
        ProcessInstance signOff = offer("alice");

        complete(task(SIGN_HANDBOOK, signOff), withVariables(VAR_DECISION, DECISION_DECLINE, VAR_DECLINE_REASON, "Rule 4 is unclear."));

        assertThat(signOff).hasPassedInOrder(SIGNED_OR_DECLINED, RECORD_DECLINE).isWaitingAt(DISCUSS_DECLINED);
        assertThat(task(DISCUSS_DECLINED, signOff)).isAssignedTo("mike");
        verify(recordDecline).execute(any());
        verify(recordAcknowledgement, never()).execute(any());

        complete(task(DISCUSS_DECLINED, signOff), withVariables(VAR_CONVERSATION_OUTCOME, OUTCOME_DECLINE_STANDS,
                VAR_CONVERSATION_NOTE, "Explained rule 4."));
        assertThat(signOff).isEnded().hasPassedInOrder(DISCUSS_DECLINED, RECORD_CONVERSATION, WILL_SIGN_OR_DECLINE_STANDS, DECLINE_STANDS)
                .hasNotPassed(RECORD_ACKNOWLEDGEMENT);
        verify(recordConversation).execute(any());
    }

    @Test
    void anEmployeeWhoWillSignAfterTheConversationGetsTheSignTaskAgainAndTheSignatureIsRecorded() throws Exception {
        ProcessInstance signOff = offer("alice");
        complete(task(SIGN_HANDBOOK, signOff), withVariables(VAR_DECISION, DECISION_DECLINE, VAR_DECLINE_REASON, "Rule 4 is unclear."));

        complete(task(DISCUSS_DECLINED, signOff), withVariables(VAR_CONVERSATION_OUTCOME, OUTCOME_WILL_SIGN,
                VAR_CONVERSATION_NOTE, "Explained rule 4."));

        assertThat(signOff).hasPassedInOrder(RECORD_CONVERSATION, WILL_SIGN_OR_DECLINE_STANDS, ANSWER_REQUESTED)
                .isWaitingAt(SIGN_HANDBOOK).hasNotPassed(DECLINE_STANDS);
        assertThat(task(SIGN_HANDBOOK, signOff)).isAssignedTo("alice").hasDueDate(DUE);
        assertThat(job(DEADLINE_PASSED, signOff)).as("the deadline still counts").isNotNull();

        complete(task(SIGN_HANDBOOK, signOff), withVariables(VAR_DECISION, DECISION_SIGN));

        assertThat(signOff).isEnded().hasPassed(RECORD_ACKNOWLEDGEMENT, HANDBOOK_SIGNED).hasNotPassed(DECLINE_STANDS);
        verify(recordDecline).execute(any());
        verify(recordAcknowledgement).execute(any());
        verify(signatureGuard, times(2)).notify(any());
    }

    @Test
    void theReminderRemindsTheEmployeeWhoStillHasTheTask() throws Exception {
        ProcessInstance signOff = offer("alice");
        assertThat(job(REMINDER_DUE, signOff).getDuedate()).isEqualTo(REMINDER);
        assertThat(job(DEADLINE_PASSED, signOff).getDuedate()).isEqualTo(DUE);

        execute(job(REMINDER_DUE, signOff));

        assertThat(signOff).hasPassed(REMIND_EMPLOYEE).isWaitingAt(SIGN_HANDBOOK).hasNotPassed(MARK_OVERDUE);
        verify(remind).execute(any());
    }

    @Test
    void aPassedDeadlineMarksTheSignOffOverdueForTheManagerAndTheLateSignatureEndsTheFollowUp() throws Exception {
        ProcessInstance signOff = offer("alice");

        execute(job(DEADLINE_PASSED, signOff));

        assertThat(signOff).hasPassed(MARK_OVERDUE).isWaitingAt(SIGN_HANDBOOK, FOLLOW_UP_OVERDUE);
        assertThat(task(FOLLOW_UP_OVERDUE, signOff)).isAssignedTo("mike");
        verify(markOverdue).execute(any());

        complete(task(SIGN_HANDBOOK, signOff), withVariables(VAR_DECISION, DECISION_SIGN));

        assertThat(signOff).isEnded().hasPassed(RECORD_ACKNOWLEDGEMENT);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A version the head of service approved: every employee is offered its sign-off. */
    private ProcessInstance published() {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_KEY, VERSION);
        complete(task(APPROVE_VERSION, pi), withVariables(VAR_APPROVAL_DECISION, APPROVAL_APPROVE));
        return pi;
    }

    /** The employee's sign-off of the version, started by the version's call activity. */
    private ProcessInstance signOff(String employee) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(EMPLOYEE_PROCESS_KEY)
                .processInstanceBusinessKey(businessKey(VERSION, employee)).singleResult();
    }

    /** An employee's sign-off on its own, with what the version's call activity passes. */
    private ProcessInstance offer(String employee) {
        return runtimeService.startProcessInstanceByKey(EMPLOYEE_PROCESS_KEY, businessKey(VERSION, employee), Map.of(
                VAR_VERSION, VERSION, VAR_EMPLOYEE, employee, VAR_DUE_DATE, DUE, VAR_STATEMENT, statement(VERSION)));
    }
}
