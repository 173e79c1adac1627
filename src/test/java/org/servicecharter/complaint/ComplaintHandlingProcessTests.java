package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.servicecharter.complaint.ComplaintProcess.*;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The complaint-handling model as deployed by the application: every path through it, with the real delegates
 * and the real classification decision. The job executor is off in the test profile, so the tests fire timers
 * and the asynchronous survey step themselves.
 */
@ServiceCharterTest // the suite's one Spring configuration: the engine and process application start once per JVM
class ComplaintHandlingProcessTests {

    private static final String END_COMPLAINT_HANDLED = "EndEvent_ComplaintHandled";
    private static final String END_SUPERVISOR_FOLLOWED_UP = "EndEvent_SupervisorFollowedUp";

    @Autowired
    private ProcessEngine processEngine;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private ManagementService managementService;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private FormService formService;
    @Autowired
    private IdentityService identityService;
    @Autowired
    private ComplaintRegister register;

    @BeforeEach
    void setUp() {
        init(processEngine);
    }

    // --- happy path -------------------------------------------------------------------------------------------

    @Test
    void happyPathClassifiesHandlesSurveysAndCloses() {
        Instant started = Instant.now();
        ProcessInstance pi = startComplaint(intake("billing", "phone"));

        assertThat(pi).hasPassedInOrder(START_EVENT, REGISTER_COMPLAINT, CLASSIFY_COMPLAINT).isWaitingAt(HANDLE_COMPLAINT);
        String reference = (String) runtimeService.getVariable(pi.getId(), VAR_REFERENCE);
        assertThat(reference).isNotBlank();
        assertThat(pi).hasBusinessKey(reference);

        // classified by the decision: billing -> medium, P1D, manager after P3D, handled by agents
        assertThat(pi).variables()
                .containsEntry(VAR_PRIORITY, "medium")
                .containsEntry(VAR_SLA_DURATION, "P1D")
                .containsEntry(VAR_MANAGER_ESCALATION_DURATION, "P3D")
                .containsEntry(VAR_HANDLING_GROUP, "agents")
                .containsEntry(VAR_GOODWILL_PROPOSED, false)
                .containsEntry(VAR_ABOUT_EMPLOYEE, null)
                .doesNotContainKey(VAR_ORDER_REFERENCE)
                .doesNotContainKey("classification");

        Task agentTask = task(HANDLE_COMPLAINT, pi);
        assertThat(candidateGroups(agentTask)).containsExactly("agents");
        assertThat(agentTask.getDueDate()).isNotNull();
        assertThat(agentTask.getDueDate().toInstant()).isCloseTo(started.plus(Duration.ofDays(1)), within(1, ChronoUnit.MINUTES));
        assertThat(taskFormRef(agentTask)).isEqualTo("handle-complaint");
        assertThat(deployedTaskForm(agentTask)).contains("\"id\": \"handle-complaint\"");

        // both escalation timers run, from the SLA and the manager escalation duration
        assertThat(timer(SLA_BREACHED, pi).getDuedate().toInstant())
                .isCloseTo(started.plus(Duration.ofDays(1)), within(1, ChronoUnit.MINUTES));
        assertThat(timer(SECOND_SLA_BREACH, pi).getDuedate().toInstant())
                .isCloseTo(started.plus(Duration.ofDays(3)), within(1, ChronoUnit.MINUTES));

        complete(agentTask, resolution(false));

        assertThat(pi).hasPassed(HANDLING_SUBPROCESS).hasPassedInOrder(HANDLE_COMPLAINT, END_COMPLAINT_HANDLED, RECORD_RESOLUTION)
                .isWaitingAt(SEND_SURVEY);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().count())
                .as("escalation timers left after the agent resolved the complaint").isZero();

        execute(job(SEND_SURVEY, pi));

        assertThat(pi).isWaitingAt(AWAIT_SURVEY_ANSWER).hasVariables(VAR_SURVEY_TOKEN_HASH, VAR_SURVEY_TIMEOUT);
        assertThat(timer(SURVEY_EXPIRED, pi)).isNotNull();

        runtimeService.createMessageCorrelation(MESSAGE_SURVEY_ANSWERED)
                .processInstanceId(pi.getId())
                .setVariable(VAR_SURVEY_RATING, 5)
                .correlate();

        assertThat(pi).isEnded()
                .hasPassed(END_CLOSED_WITH_SURVEY)
                .hasNotPassed(FOLLOW_UP_OVERDUE, MANAGER_RESOLVES, REQUEST_GOODWILL_APPROVAL, FLAG_FOR_CORRECTIVE_ACTION,
                        END_CLOSED_WITHOUT_SURVEY);
    }

    @Test
    void classificationLeavesOnlyPlainStringVariablesBehind() {
        ProcessInstance pi = startComplaint(intake("staff-behaviour", "email"));

        assertThat(pi).variables()
                .containsEntry(VAR_PRIORITY, "high")
                .containsEntry(VAR_SLA_DURATION, "PT4H")
                .containsEntry(VAR_MANAGER_ESCALATION_DURATION, "PT8H")
                .containsEntry(VAR_HANDLING_GROUP, "agents")
                .doesNotContainKeys("classification", "decisionResult");
        // the decision result itself is never stored, not even in the task's scope or the history
        List<HistoricVariableInstance> history = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).list();
        assertThat(history).extracting(HistoricVariableInstance::getName).doesNotContain("classification", "decisionResult");
        assertThat(history).filteredOn(variable -> List.of(VAR_PRIORITY, VAR_SLA_DURATION, VAR_MANAGER_ESCALATION_DURATION,
                        VAR_HANDLING_GROUP).contains(variable.getName()))
                .hasSize(4)
                .allSatisfy(variable -> {
                    assertThat(variable.getTypeName()).isEqualTo("string");
                    assertThat(variable.getActivityInstanceId()).as("scope of %s", variable.getName()).isEqualTo(pi.getId());
                });
        // no variable of this instance is a serialized Java object
        assertThat(history).extracting(HistoricVariableInstance::getTypeName).doesNotContain("object");
    }

    @Test
    void startFormAndModelsAreDeployedTogether() {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult();
        assertThat(definition).isNotNull();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(1095);
        assertThat(repositoryService.getDeploymentResourceNames(definition.getDeploymentId())).contains(
                "complaint-handling.bpmn", "complaint-classification.dmn",
                "complaint-intake.form", "handle-complaint.form", "follow-up-overdue-complaint.form",
                "call-customer-for-survey.form", "recover-service.form");
        assertThat(formService.getStartFormData(definition.getId()).getCamundaFormRef().getKey()).isEqualTo("complaint-intake");
        assertThat(read(formService.getDeployedStartForm(definition.getId()))).contains("\"id\": \"complaint-intake\"");
    }

    @Test
    void invalidIntakeStartsNothing() {
        Map<String, Object> variables = intake("billing", "phone");
        variables.remove(VAR_DESCRIPTION);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables))
                .hasMessageContaining(VAR_DESCRIPTION);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isEqualTo(before);
    }

    // --- escalations ------------------------------------------------------------------------------------------

    @Test
    void slaBreachAsksSupervisorToFollowUpAndAgentResolutionCancelsTheFollowUp() {
        ProcessInstance pi = startComplaint(intake("product", "phone"));

        execute(timer(SLA_BREACHED, pi));

        assertThat(pi).isWaitingAt(HANDLE_COMPLAINT, FOLLOW_UP_OVERDUE);
        Task followUp = task(FOLLOW_UP_OVERDUE, pi);
        assertThat(candidateGroups(followUp)).containsExactly(GROUP_SUPERVISORS);
        assertThat(taskFormRef(followUp)).isEqualTo("follow-up-overdue-complaint");
        assertThat(candidateGroups(task(HANDLE_COMPLAINT, pi))).containsExactly("agents");

        complete(task(HANDLE_COMPLAINT, pi), resolution(false));

        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(FOLLOW_UP_OVERDUE).count())
                .as("open supervisor follow-ups").isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(FOLLOW_UP_OVERDUE).canceled().count()).as("cancelled supervisor follow-ups").isEqualTo(1);
        assertThat(pi).hasPassed(END_COMPLAINT_HANDLED, RECORD_RESOLUTION)
                .hasNotPassed(END_SUPERVISOR_FOLLOWED_UP, MANAGER_RESOLVES)
                .isWaitingAt(SEND_SURVEY);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    }

    @Test
    void supervisorFollowUpLeavesTheAgentTaskOpenUntilResolved() {
        ProcessInstance pi = startComplaint(intake("delivery", "web"));
        execute(timer(SLA_BREACHED, pi));

        complete(task(FOLLOW_UP_OVERDUE, pi), withVariables(VAR_SUPERVISOR_NOTE, "Reminded the agent; customer called back."));

        assertThat(pi).hasPassed(END_SUPERVISOR_FOLLOWED_UP).isWaitingAt(HANDLE_COMPLAINT).isNotWaitingAt(FOLLOW_UP_OVERDUE);
        assertThat(pi).variables().containsEntry(VAR_SUPERVISOR_NOTE, "Reminded the agent; customer called back.");
        assertThat(timer(SECOND_SLA_BREACH, pi)).as("the manager escalation still runs").isNotNull();

        complete(task(HANDLE_COMPLAINT, pi), resolution(false));

        assertThat(pi).hasPassed(END_COMPLAINT_HANDLED, RECORD_RESOLUTION).hasNotPassed(MANAGER_RESOLVES).isWaitingAt(SEND_SURVEY);
    }

    @Test
    void secondSlaBreachHandsTheComplaintToAManager() {
        ProcessInstance pi = startComplaint(intake("service", "email"));
        execute(timer(SLA_BREACHED, pi));

        execute(timer(SECOND_SLA_BREACH, pi));

        assertThat(pi).isWaitingAt(MANAGER_RESOLVES).isNotWaitingAt(HANDLE_COMPLAINT, FOLLOW_UP_OVERDUE);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly(MANAGER_RESOLVES);
        Task managerTask = task(MANAGER_RESOLVES, pi);
        assertThat(candidateGroups(managerTask)).containsExactly(GROUP_MANAGERS);
        assertThat(taskFormRef(managerTask)).isEqualTo("handle-complaint");

        complete(managerTask, resolution(false));

        assertThat(pi).hasPassed(SECOND_SLA_BREACH, MANAGER_RESOLVES, RECORD_RESOLUTION)
                .hasNotPassed(END_COMPLAINT_HANDLED)
                .isWaitingAt(SEND_SURVEY);
        assertThat(pi).variables().containsEntry(VAR_RESOLUTION, "Apologised, refunded the delivery fee.");
    }

    // --- goodwill and complaints about employees ---------------------------------------------------------------

    @Test
    void aSmallGoodwillGestureWithinTheAgentsAuthorityIsApprovedAtOnceAndRecorded() {
        ProcessInstance pi = startComplaint(intake("billing", "email"));

        completeAs("alice", task(HANDLE_COMPLAINT, pi), resolution(25.0));

        assertThat(pi).hasPassedInOrder(RECORD_RESOLUTION, REQUEST_GOODWILL_APPROVAL, RECORD_GOODWILL_OUTCOME).isWaitingAt(SEND_SURVEY);
        assertThat(pi).variables().containsEntry(VAR_GOODWILL_PROPOSED, true)
                .containsEntry(VAR_RESOLVED_BY, "alice")
                .containsEntry(VAR_GOODWILL_APPROVED, true)
                .containsEntry(VAR_GOODWILL_OUTCOME, "approved")
                .containsEntry(VAR_GOODWILL_APPROVED_AMOUNT, 25.0)
                .containsEntry(VAR_GOODWILL_DECIDED_BY, "alice");
        ComplaintRegister.Entry entry = register.find(pi.getBusinessKey()).orElseThrow();
        assertThat(entry.goodwillAmount()).isEqualByComparingTo("25");
        assertThat(entry.goodwillOutcome()).isEqualTo("approved");
        assertThat(entry.goodwillApprovedAmount()).isEqualByComparingTo("25");
        assertThat(entry.goodwillApprovalRequest()).isEqualTo(runtimeService.getVariable(pi.getId(), VAR_GOODWILL_APPROVAL_REQUEST));
        assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId())
                .processDefinitionKey(APPROVAL_PROCESS_KEY).singleResult().getBusinessKey()).isEqualTo(entry.goodwillApprovalRequest());
    }

    @Test
    void aLargerGoodwillGestureWaitsForASupervisorsApprovalAndContinuesWithIt() {
        ProcessInstance pi = startComplaint(intake("delivery", "phone"));
        completeAs("alice", task(HANDLE_COMPLAINT, pi), resolution(120.0));

        assertThat(pi).isWaitingAt(REQUEST_GOODWILL_APPROVAL);
        ProcessInstance approval = approvalOf(pi);
        assertThat(runtimeService.getVariable(approval.getId(), "requester")).isEqualTo("alice");
        assertThat(runtimeService.getVariable(approval.getId(), "requestType")).isEqualTo("goodwill");
        assertThat(runtimeService.getVariable(approval.getId(), "complaintReference")).isEqualTo(pi.getBusinessKey());
        // the approver's form shows what was agreed with the customer
        assertThat(runtimeService.getVariable(approval.getId(), "complaintResolution"))
                .isEqualTo(runtimeService.getVariable(pi.getId(), VAR_RESOLUTION)).isNotNull();
        Task decide = approvalTask(approval);
        assertThat(taskService.getIdentityLinksForTask(decide.getId())).extracting(IdentityLink::getUserId).containsExactly("sam");

        decideAs("sam", decide, withVariables("decision", "approve", "approvedAmount", 100.0));

        assertThat(pi).hasPassed(REQUEST_GOODWILL_APPROVAL, RECORD_GOODWILL_OUTCOME).isWaitingAt(SEND_SURVEY);
        assertThat(pi).variables().containsEntry(VAR_GOODWILL_APPROVED, true)
                .containsEntry(VAR_GOODWILL_APPROVED_AMOUNT, 100.0)
                .containsEntry(VAR_GOODWILL_DECIDED_BY, "sam");
        ComplaintRegister.Entry entry = register.find(pi.getBusinessKey()).orElseThrow();
        assertThat(entry.goodwillAmount()).isEqualByComparingTo("120");
        assertThat(entry.goodwillApprovedAmount()).isEqualByComparingTo("100");
        assertThat(entry.goodwillDecidedBy()).isEqualTo("sam");
    }

    @Test
    void aRejectedGoodwillGestureIsRecordedAndTheComplaintContinues() {
        ProcessInstance pi = startComplaint(intake("product", "web"));
        completeAs("alice", task(HANDLE_COMPLAINT, pi), resolution(200.0));

        decideAs("sam", approvalTask(approvalOf(pi)), withVariables("decision", "reject",
                "decisionReason", "A replacement was already sent at no charge."));

        assertThat(pi).hasPassed(RECORD_GOODWILL_OUTCOME).isWaitingAt(SEND_SURVEY);
        assertThat(pi).variables().containsEntry(VAR_GOODWILL_APPROVED, false)
                .containsEntry(VAR_GOODWILL_OUTCOME, "rejected")
                .containsEntry(VAR_GOODWILL_APPROVED_AMOUNT, null)
                .containsEntry(VAR_GOODWILL_DECISION_REASON, "A replacement was already sent at no charge.");
        ComplaintRegister.Entry entry = register.find(pi.getBusinessKey()).orElseThrow();
        assertThat(entry.goodwillOutcome()).isEqualTo("rejected");
        assertThat(entry.goodwillAmount()).isEqualByComparingTo("200");
        assertThat(entry.goodwillApprovedAmount()).isNull();
    }

    @Test
    void aGoodwillGestureWithoutAPositiveAmountIsRefusedAndTheAgentsTaskStays() {
        ProcessInstance pi = startComplaint(intake("billing", "phone"));
        Task handle = task(HANDLE_COMPLAINT, pi);

        assertThatThrownBy(() -> completeAs("alice", handle, resolution(0.0))).hasMessageContaining("amount");

        assertThat(pi).isWaitingAt(HANDLE_COMPLAINT).hasNotPassed(RECORD_RESOLUTION);
        assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void complaintAboutAnEmployeeIsFlaggedForCorrectiveAction() {
        ensureUser("alice");
        Map<String, Object> variables = intake("staff-behaviour", "in-person");
        variables.put(VAR_ABOUT_EMPLOYEE, "alice");
        ProcessInstance pi = startComplaint(variables);

        complete(task(HANDLE_COMPLAINT, pi), resolution(false));

        assertThat(pi).hasPassed(FLAG_FOR_CORRECTIVE_ACTION).hasNotPassed(REQUEST_GOODWILL_APPROVAL).isWaitingAt(SEND_SURVEY);
    }

    @Test
    void complaintNotAboutAnEmployeeIsNotFlagged() {
        Map<String, Object> variables = intake("product", "web");
        variables.put(VAR_ABOUT_EMPLOYEE, "   "); // what an untouched optional field of the start form may send
        ProcessInstance pi = startComplaint(variables);
        assertThat(pi).variables().containsEntry(VAR_ABOUT_EMPLOYEE, null);

        complete(task(HANDLE_COMPLAINT, pi), resolution(false));

        assertThat(pi).hasNotPassed(FLAG_FOR_CORRECTIVE_ACTION).isWaitingAt(SEND_SURVEY);
    }

    // --- survey ------------------------------------------------------------------------------------------------

    @Test
    void unansweredSurveyExpiresAndClosesTheComplaint() {
        ProcessInstance pi = startComplaint(intake("other", "web"));
        complete(task(HANDLE_COMPLAINT, pi), resolution(false));
        Instant surveySent = Instant.now();
        execute(job(SEND_SURVEY, pi));
        String surveyTimeout = (String) runtimeService.getVariable(pi.getId(), VAR_SURVEY_TIMEOUT);

        Job expiry = timer(SURVEY_EXPIRED, pi);
        assertThat(expiry.getDuedate().toInstant())
                .isCloseTo(surveySent.plus(Duration.parse(surveyTimeout)), within(1, ChronoUnit.MINUTES));
        execute(expiry);

        assertThat(pi).isEnded().hasPassed(SURVEY_EXPIRED, END_CLOSED_WITHOUT_SURVEY).hasNotPassed(END_CLOSED_WITH_SURVEY);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private ProcessInstance startComplaint(Map<String, Object> variables) {
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
    }

    private static Map<String, Object> intake(String category, String channel) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CUSTOMER_NAME, "Grace Customer");
        variables.put(VAR_CUSTOMER_EMAIL, "grace@example.com");
        variables.put(VAR_CHANNEL, channel);
        variables.put(VAR_CATEGORY, category);
        variables.put(VAR_DESCRIPTION, "The parcel arrived a week late and nobody answered my e-mails.");
        return variables;
    }

    private static Map<String, Object> resolution(boolean goodwill) {
        Map<String, Object> variables = withVariables(
                VAR_CUSTOMER_CONTACTED, true,
                VAR_APOLOGISED, true,
                VAR_RESOLUTION, "Apologised, refunded the delivery fee.",
                VAR_GOODWILL_PROPOSED, goodwill);
        if (goodwill) {
            variables.put(VAR_GOODWILL_AMOUNT, 25.0);
            variables.put(VAR_GOODWILL_REASON, "Delivered a week late");
        }
        return variables;
    }

    /** A resolution with a goodwill gesture of the amount. */
    private static Map<String, Object> resolution(double goodwillAmount) {
        Map<String, Object> variables = resolution(true);
        variables.put(VAR_GOODWILL_AMOUNT, goodwillAmount);
        return variables;
    }

    /** Completes the task as the logged-in user (the goodwill request is asked for in their name). */
    private void completeAs(String user, Task task, Map<String, Object> variables) {
        loginAs(user);
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The approver claims the decision-approval task and decides, as Tasklist does. */
    private void decideAs(String user, Task task, Map<String, Object> variables) {
        loginAs(user);
        try {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void loginAs(String user) {
        identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    }

    private ProcessInstance approvalOf(ProcessInstance complaint) {
        ProcessInstance approval = runtimeService.createProcessInstanceQuery().superProcessInstanceId(complaint.getId()).singleResult();
        assertThat(approval).as("the goodwill request of %s", complaint.getBusinessKey()).isNotNull();
        assertThat(approval.getProcessDefinitionId()).startsWith(APPROVAL_PROCESS_KEY + ":");
        return approval;
    }

    private Task approvalTask(ProcessInstance approval) {
        return taskService.createTaskQuery().processInstanceId(approval.getId()).singleResult();
    }

    private Job timer(String activityId, ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private String taskFormRef(Task task) {
        return formService.getTaskFormData(task.getId()).getCamundaFormRef().getKey();
    }

    private String deployedTaskForm(Task task) {
        return read(formService.getDeployedTaskForm(task.getId()));
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ensureUser(String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            var user = identityService.newUser(userId);
            user.setFirstName("Alice");
            user.setLastName("Agent");
            identityService.saveUser(user);
        }
    }
}
