package org.servicecharter.approval;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.servicecharter.approval.ApprovalProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The decision-approval model as deployed, with the real delegates, the real tier decisions and the demo department
 * (agents alice and bob, supervisor sam, manager maria, head of service henry, HR hana): self-authorisation, approval
 * and rejection at each tier, passing up, the deadline climbing tier by tier and reminding at the top, four-eyes
 * through the Java API, recognition and the history. Timers are fired by the tests.
 */
@ServiceCharterTest
class DecisionApprovalProcessTests {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;
    @Autowired FormService formService;
    @Autowired IdentityService identityService;
    @Autowired ApprovalRegister register;
    @Autowired EmployeeFile employeeFile;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        init(processEngine);
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    // --- the model ---------------------------------------------------------------------------------------------

    @Test
    void modelFormsAndDecisionsAreDeployedAndHistoryIsKeptTenYears() {
        ProcessDefinition definition = latest();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
        assertThat(repositoryService.getDeploymentResourceNames(definition.getDeploymentId())).contains(
                "decision-approval.bpmn", "approval-tier.dmn", "request-approval.form", "decide-approval-request.form");
        assertThat(formService.getStartFormData(definition.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_REQUEST);
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY).latestVersion()
                .singleResult().getHistoryTimeToLive()).isEqualTo(3650);
    }

    // --- self-authorisation --------------------------------------------------------------------------------------

    @Test
    void anAgentsSmallRefundIsSelfAuthorisedWithoutATask() {
        ProcessInstance pi = ask("alice", "refund", 40.0);

        assertThat(pi).isEnded().hasPassedInOrder(REGISTER_REQUEST, DETERMINE_TIER, RECORD_SELF_AUTHORISATION, END_SELF_AUTHORISED)
                .hasNotPassed(DECIDE_REQUEST);
        assertThat(variable(pi, VAR_REQUIRED_TIER)).isEqualTo(TIER_AGENT);
        assertThat(variable(pi, VAR_OUTCOME)).isEqualTo(OUTCOME_APPROVED);
        assertThat(variable(pi, VAR_SELF_AUTHORISED)).isEqualTo(true);
        assertThat(variable(pi, VAR_DECIDED_BY)).isEqualTo("alice");
        assertThat(variable(pi, VAR_APPROVED_AMOUNT)).isEqualTo(40.0);
        ApprovalRegister.Entry entry = register.find(pi.getBusinessKey()).orElseThrow();
        assertThat(entry.status()).isEqualTo(OUTCOME_APPROVED);
        assertThat(entry.selfAuthorised()).isTrue();
        assertThat(entry.decidedBy()).isEqualTo("alice");
        assertThat(entry.approvedAmount()).isEqualByComparingTo("40.00");
        assertThat(pi.getBusinessKey()).matches("AR-\\d{4}-[0-9A-Z]{8}");
    }

    @Test
    void someoneWithoutAnAgentsAuthorityHasEvenASmallRefundDecidedByAnAgent() {
        ProcessInstance pi = ask("hana", "refund", 20.0);

        assertThat(pi).isWaitingAt(DECIDE_REQUEST);
        Task task = decisionTask(pi);
        assertThat(candidateUsers(task)).contains("alice", "bob").doesNotContain("hana");
        assertThat(candidateGroups(task)).isEmpty();

        decide("bob", task, approve());

        assertThat(pi).isEnded().hasPassed(RECORD_APPROVAL, END_APPROVED);
        assertThat(variable(pi, VAR_DECIDED_BY)).isEqualTo("bob");
        assertThat(variable(pi, VAR_DECIDED_AT_TIER)).isEqualTo(TIER_AGENT);
        assertThat(variable(pi, VAR_SELF_AUTHORISED)).isEqualTo(false);
    }

    // --- approve at each tier ----------------------------------------------------------------------------------

    @Test
    void aSupervisorApprovesAMediumRefund() {
        Instant asked = Instant.now();
        ProcessInstance pi = ask("alice", "refund", 200.0);

        assertThat(pi).isWaitingAt(DECIDE_REQUEST).hasPassedInOrder(DETERMINE_TIER, OFFER_AT_TIER, LOOK_UP_TIER_DEADLINE);
        Task task = decisionTask(pi);
        assertThat(candidateUsers(task)).containsExactly("sam");
        assertThat(candidateGroups(task)).as("group candidates would offer it to the requester too").isEmpty();
        assertThat(task.getDueDate().toInstant()).isCloseTo(asked.plus(Duration.ofDays(1)), within(1, ChronoUnit.MINUTES));
        assertThat(formService.getTaskFormData(task.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_DECIDE);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_CURRENT_TIER)).isEqualTo(TIER_SUPERVISOR);
        assertThat(register.find(pi.getBusinessKey()).orElseThrow().currentTier()).isEqualTo(TIER_SUPERVISOR);

        decide("sam", task, approve());

        assertThat(pi).isEnded().hasPassed(RECORD_APPROVAL, END_APPROVED).hasNotPassed(RECOGNISE_REQUESTER, RECORD_REJECTION);
        ApprovalRegister.Entry entry = register.find(pi.getBusinessKey()).orElseThrow();
        assertThat(entry.status()).isEqualTo(OUTCOME_APPROVED);
        assertThat(entry.decidedBy()).isEqualTo("sam");
        assertThat(entry.decidedAtTier()).isEqualTo(TIER_SUPERVISOR);
        assertThat(entry.approvedAmount()).isEqualByComparingTo("200");
        assertThat(entry.decidedAt()).isNotNull();
        assertThat(entry.selfAuthorised()).isFalse();
    }

    @Test
    void aManagerApprovesALargeRefundForALowerAmountButNeverAHigherOne() {
        ProcessInstance pi = ask("alice", "refund", 2000.0);
        Task task = decisionTask(pi);
        assertThat(candidateUsers(task)).containsExactly("maria");

        Map<String, Object> tooMuch = approve();
        tooMuch.put(VAR_APPROVED_AMOUNT, 2000.01);
        assertThatThrownBy(() -> decide("maria", task, tooMuch)).hasRootCauseInstanceOf(Rejected.class)
                .hasMessageContaining(VAR_APPROVED_AMOUNT);
        assertThat(pi).isWaitingAt(DECIDE_REQUEST);

        Map<String, Object> lower = approve();
        lower.put(VAR_APPROVED_AMOUNT, 1500.0);
        lower.put(VAR_DECISION_REASON, "Half of the delivery cost was the carrier's.");
        decide("maria", decisionTask(pi), lower);

        assertThat(pi).isEnded().hasPassed(END_APPROVED);
        assertThat(variable(pi, VAR_APPROVED_AMOUNT)).isEqualTo(1500.0);
        assertThat(variable(pi, VAR_DECIDED_AT_TIER)).isEqualTo(TIER_MANAGER);
        assertThat(register.find(pi.getBusinessKey()).orElseThrow().decisionReason()).contains("carrier");
    }

    @Test
    void theHeadOfServiceApprovesAVeryLargeCredit() {
        ProcessInstance pi = ask("alice", "credit", 25000.0);
        Task task = decisionTask(pi);
        assertThat(candidateUsers(task)).containsExactly("henry");

        decide("henry", task, approve());

        assertThat(pi).isEnded().hasPassed(END_APPROVED);
        assertThat(variable(pi, VAR_DECIDED_BY)).isEqualTo("henry");
        assertThat(variable(pi, VAR_DECIDED_AT_TIER)).isEqualTo(TIER_HEAD_OF_SERVICE);
    }

    // --- reject, pass up ---------------------------------------------------------------------------------------

    @Test
    void aRejectionNeedsAReasonAndExcludesTheRejecterForGood() {
        ProcessInstance pi = ask("alice", "goodwill", 100.0);
        Task task = decisionTask(pi);

        assertThatThrownBy(() -> decide("sam", task, withDecision(DECISION_REJECT)))
                .hasRootCauseInstanceOf(Rejected.class).hasMessageContaining(VAR_DECISION_REASON);
        assertThat(decisionTask(pi).getAssignee()).as("still open, held by nobody").isNull();

        Map<String, Object> reject = withDecision(DECISION_REJECT);
        reject.put(VAR_DECISION_REASON, "The customer already received a voucher for this order.");
        decide("sam", decisionTask(pi), reject);

        assertThat(pi).isEnded().hasPassed(RECORD_REJECTION, END_REJECTED).hasNotPassed(RECORD_APPROVAL);
        assertThat(variable(pi, VAR_OUTCOME)).isEqualTo(OUTCOME_REJECTED);
        assertThat(variable(pi, VAR_APPROVED_AMOUNT)).isNull();
        assertThat(variable(pi, VAR_EXCLUDED_APPROVERS)).isEqualTo("alice,sam");
        ApprovalRegister.Entry entry = register.find(pi.getBusinessKey()).orElseThrow();
        assertThat(entry.status()).isEqualTo(OUTCOME_REJECTED);
        assertThat(entry.decidedBy()).isEqualTo("sam");
        assertThat(entry.approvedAmount()).isNull();
        assertThat(entry.decisionReason()).contains("voucher");
    }

    @Test
    void aRejectedRequestThatComesBackIsNeverOfferedToItsRejecter() {
        ProcessInstance pi = ask("alice", "goodwill", 100.0);
        Map<String, Object> reject = withDecision(DECISION_REJECT);
        reject.put(VAR_DECISION_REASON, "Not justified.");
        decide("sam", decisionTask(pi), reject);
        assertThat(pi).isEnded();

        // an administrator reopens it (Cockpit's restart, with the last variables): it comes back at the supervisor tier
        runtimeService.restartProcessInstances(pi.getProcessDefinitionId()).startBeforeActivity(OFFER_AT_TIER)
                .processInstanceIds(pi.getId()).execute();
        ProcessInstance reopened = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(pi.getBusinessKey()).active().singleResult();
        assertThat(reopened).isNotNull();
        Task task = decisionTask(reopened);

        assertThat(candidateUsers(task)).as("sam, the only supervisor, rejected it: it goes to the managers")
                .containsExactly("maria");
        assertThat(runtimeService.getVariable(reopened.getId(), VAR_CURRENT_TIER)).isEqualTo(TIER_MANAGER);
        assertThatThrownBy(() -> taskService.setAssignee(task.getId(), "sam")).hasRootCauseInstanceOf(Refused.class)
                .hasMessageContaining("rejected");
        assertThatThrownBy(() -> taskService.claim(task.getId(), "alice")).hasRootCauseInstanceOf(Refused.class)
                .hasMessageContaining("asked for");
    }

    @Test
    void aSupervisorPassesTheRequestUpAndAManagerDecides() {
        ProcessInstance pi = ask("alice", "refund", 300.0);

        Map<String, Object> passUp = new java.util.HashMap<>(withDecision(DECISION_PASS_UP));
        passUp.put(VAR_DECISION_REASON, "Above what I decide alone.");
        decide("sam", decisionTask(pi), passUp);

        assertThat(pi).isWaitingAt(DECIDE_REQUEST).hasPassed(PASS_UP_ONE_TIER);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_CURRENT_TIER)).isEqualTo(TIER_MANAGER);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_DECISION)).as("the previous answer is cleared").isNull();
        assertThat(runtimeService.getVariable(pi.getId(), VAR_DECISION_REASON)).as("not pre-filled for the next tier").isNull();
        // the manager reads why it comes to them
        assertThat(runtimeService.getVariable(pi.getId(), VAR_PASSED_UP_REASON))
                .isEqualTo("Passed up by Sam Supervisor at the supervisor tier: Above what I decide alone.");
        assertThat(candidateUsers(decisionTask(pi))).containsExactly("maria");

        decide("maria", decisionTask(pi), approve());

        assertThat(pi).isEnded().hasPassed(END_APPROVED);
        assertThat(variable(pi, VAR_DECIDED_AT_TIER)).isEqualTo(TIER_MANAGER);
        assertThat(register.find(pi.getBusinessKey()).orElseThrow().requiredTier()).isEqualTo(TIER_SUPERVISOR);
    }

    @Test
    void theTopTierCannotPassUp() {
        ProcessInstance pi = ask("alice", "refund", 9000.0);

        assertThatThrownBy(() -> decide("henry", decisionTask(pi), withDecision(DECISION_PASS_UP)))
                .hasRootCauseInstanceOf(Rejected.class).hasMessageContaining("top tier");
        assertThat(pi).isWaitingAt(DECIDE_REQUEST);
    }

    @Test
    void aTierWhoseOnlyMemberIsTheRequesterIsSkipped() {
        ProcessInstance pi = ask("sam", "refund", 200.0);

        assertThat(pi).isWaitingAt(DECIDE_REQUEST);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_REQUIRED_TIER)).isEqualTo(TIER_SUPERVISOR);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_CURRENT_TIER)).isEqualTo(TIER_MANAGER);
        assertThat(candidateUsers(decisionTask(pi))).containsExactly("maria");
    }

    // --- deadlines -----------------------------------------------------------------------------------------------

    @Test
    void withoutADecisionTheRequestClimbsTierByTierAndTheTopTierIsRemindedAndKeepsIt() {
        ProcessInstance pi = ask("hana", "refund", 20.0);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_CURRENT_TIER)).isEqualTo(TIER_AGENT);
        assertThat(candidateUsers(decisionTask(pi))).contains("alice", "bob");

        String[][] climb = {{TIER_SUPERVISOR, "sam"}, {TIER_MANAGER, "maria"}, {TIER_HEAD_OF_SERVICE, "henry"}};
        for (String[] step : climb) {
            Instant fired = Instant.now();
            String from = (String) runtimeService.getVariable(pi.getId(), VAR_CURRENT_TIER);
            execute(deadlineTimer(pi));
            assertThat(pi).isWaitingAt(DECIDE_REQUEST);
            assertThat(runtimeService.getVariable(pi.getId(), VAR_CURRENT_TIER)).isEqualTo(step[0]);
            assertThat(runtimeService.getVariable(pi.getId(), VAR_PASSED_UP_REASON))
                    .isEqualTo("The " + from.replace('-', ' ') + " tier's deadline passed without a decision.");
            Task task = decisionTask(pi);
            assertThat(candidateUsers(task)).containsExactly(step[1]);
            Duration deadline = Duration.parse((String) runtimeService.getVariable(pi.getId(), VAR_TIER_DEADLINE));
            assertThat(task.getDueDate().toInstant()).isCloseTo(fired.plus(deadline), within(1, ChronoUnit.MINUTES));
            assertThat(deadlineTimer(pi).getDuedate().toInstant()).isCloseTo(fired.plus(deadline), within(1, ChronoUnit.MINUTES));
        }
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(NO_DECISION_IN_TIME).count()).isEqualTo(3);

        Task top = decisionTask(pi);
        execute(deadlineTimer(pi));

        assertThat(pi).isWaitingAt(DECIDE_REQUEST).hasPassed(REMIND_TOP_TIER);
        assertThat(decisionTask(pi).getId()).as("the head of service keeps the same task").isEqualTo(top.getId());
        assertThat(decisionTask(pi).getPriority()).isEqualTo(RemindTopTierDelegate.REMINDED_PRIORITY);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_CURRENT_TIER)).isEqualTo(TIER_HEAD_OF_SERVICE);
        assertThat(notifications("henry", pi.getBusinessKey())).isEqualTo(1);
        assertThat(deadlineTimer(pi)).as("the reminder repeats").isNotNull();

        execute(deadlineTimer(pi));
        assertThat(notifications("henry", pi.getBusinessKey())).isEqualTo(2);

        decide("henry", decisionTask(pi), approve());
        assertThat(pi).isEnded().hasPassed(END_APPROVED);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void theSupervisorsDeadlineHandsTheRequestToTheManagers() {
        ProcessInstance pi = ask("alice", "credit", 500.0);
        assertThat(candidateUsers(decisionTask(pi))).containsExactly("sam");

        execute(deadlineTimer(pi));

        assertThat(pi).hasPassed(NO_DECISION_IN_TIME, PASS_UP_ONE_TIER).isWaitingAt(DECIDE_REQUEST);
        assertThat(candidateUsers(decisionTask(pi))).containsExactly("maria");
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).taskDefinitionKey(DECIDE_REQUEST)
                .taskDeleteReason("deleted").count()).as("the supervisor's task ended unfinished").isEqualTo(1);
    }

    // --- four-eyes through the Java API ---------------------------------------------------------------------------

    @Test
    void theRequesterCanNeitherHoldNorCompleteTheirOwnRequest() {
        ProcessInstance pi = ask("alice", "refund", 200.0);
        Task task = decisionTask(pi);
        assertThat(candidateUsers(task)).doesNotContain("alice");

        // as an administrator would, without authorization checks: the guard refuses the requester anyway
        assertThatThrownBy(() -> taskService.claim(task.getId(), "alice")).hasRootCauseInstanceOf(Refused.class);
        assertThatThrownBy(() -> taskService.setAssignee(task.getId(), "alice")).hasRootCauseInstanceOf(Refused.class);
        assertThatThrownBy(() -> taskService.setAssignee(task.getId(), "hana")).as("no supervisor's authority")
                .hasRootCauseInstanceOf(Refused.class);

        // logged in as the requester: the engine refuses her the task (she is not a candidate)
        loginAs("alice");
        assertThatThrownBy(() -> taskService.claim(task.getId(), "alice")).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.complete(task.getId(), approve())).isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();

        // nobody logged in, or a candidate who does not hold the task: refused by the guard
        assertThatThrownBy(() -> taskService.complete(task.getId(), approve())).hasRootCauseInstanceOf(Refused.class)
                .hasMessageContaining("nobody is logged in");
        loginAs("sam");
        assertThatThrownBy(() -> taskService.complete(task.getId(), approve())).hasRootCauseInstanceOf(Refused.class)
                .hasMessageContaining("Claim");
        identityService.clearAuthentication();

        assertThat(pi).isWaitingAt(DECIDE_REQUEST);
        assertThat(decisionTask(pi).getAssignee()).isNull();
        assertThat(register.find(pi.getBusinessKey()).orElseThrow().isOpen()).isTrue();
    }

    // --- recognition -------------------------------------------------------------------------------------------

    @Test
    void anApproverRecognisesTheRequestersGoodDecision() {
        ProcessInstance pi = ask("alice", "goodwill", 80.0);
        Map<String, Object> approve = approve();
        approve.put(VAR_RECOGNISE, true);
        approve.put(VAR_RECOGNITION_NOTE, "Kept a long-standing customer with a small gesture.");

        decide("sam", decisionTask(pi), approve);

        assertThat(pi).isEnded().hasPassedInOrder(RECORD_APPROVAL, RECOGNISE_REQUESTER, END_APPROVED);
        EmployeeFileEntry entry = employeeFile.find(recognitionKey(pi.getBusinessKey())).orElseThrow();
        assertThat(entry.employeeId()).isEqualTo("alice");
        assertThat(entry.recordType()).isEqualTo(RECORD_RECOGNITION);
        assertThat(entry.recordedBy()).isEqualTo("sam");
        assertThat(entry.subjectReference()).isEqualTo(pi.getBusinessKey());
        assertThat(entry.details()).contains("long-standing customer");
        assertThat(entry.summary()).contains("sam", "goodwill", "80.00 EUR");
        assertThat(employeeFile.entriesOf("alice")).extracting(EmployeeFileEntry::uniqueKey).contains(entry.uniqueKey());
        assertThat(notifications("alice", pi.getBusinessKey())).isEqualTo(1);
        // the requester hears the outcome, the approver was told the request waited for them
        assertThat(messages("alice", pi.getBusinessKey(), "Your request " + pi.getBusinessKey() + " was approved")).isEqualTo(1);
        assertThat(messages("sam", pi.getBusinessKey(), "Approval " + pi.getBusinessKey() + " waits for you")).isEqualTo(1);
    }

    @Test
    void onlyAnApprovedDecisionIsRecognised() {
        ProcessInstance pi = ask("alice", "goodwill", 90.0);
        Map<String, Object> reject = withDecision(DECISION_REJECT);
        reject.put(VAR_DECISION_REASON, "No.");
        reject.put(VAR_RECOGNISE, true);

        assertThatThrownBy(() -> decide("sam", decisionTask(pi), reject)).hasRootCauseInstanceOf(Rejected.class)
                .hasMessageContaining(VAR_RECOGNISE);
        assertThat(employeeFile.find(recognitionKey(pi.getBusinessKey()))).isEmpty();
    }

    // --- bad requests and history --------------------------------------------------------------------------------

    @Test
    void aBadRequestStartsNothing() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM approval_request", Integer.class);

        assertThatThrownBy(() -> ask("alice", "refund", -5.0)).hasMessageContaining("amount");
        assertThatThrownBy(() -> ask("alice", "bribe", 5.0)).hasMessageContaining("type");
        Map<String, Object> noReason = request("alice", "refund", 5.0);
        noReason.remove(VAR_REASON);
        assertThatThrownBy(() -> start("alice", noReason)).hasMessageContaining("reason");
        assertThatThrownBy(() -> start(null, request("nobody-here", "refund", 5.0))).hasMessageContaining("requester is not a user");
        assertThatThrownBy(() -> start("alice", request("bob", "refund", 5.0))).as("asking in someone else's name")
                .hasMessageContaining("own name");

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM approval_request", Integer.class)).isEqualTo(rows);
    }

    @Test
    void everyDecisionIsInTheHistoryWithItsInputs() {
        ProcessInstance pi = ask("alice", "credit", 150.0);
        decide("sam", decisionTask(pi), approve());

        List<HistoricDecisionInstance> decisions = historyService.createHistoricDecisionInstanceQuery()
                .processInstanceId(pi.getId()).includeInputs().includeOutputs().list();
        HistoricDecisionInstance tier = decisions.stream().filter(d -> d.getDecisionDefinitionKey().equals(DECISION_KEY))
                .findFirst().orElseThrow();
        assertThat(tier.getInputs()).extracting(HistoricDecisionInputInstance::getValue).containsExactlyInAnyOrder("credit", 150.0);
        assertThat(tier.getOutputs()).singleElement().satisfies(output -> {
            assertThat(output.getVariableName()).isEqualTo("tier");
            assertThat(output.getValue()).isEqualTo(TIER_SUPERVISOR);
        });
        assertThat(decisions).extracting(HistoricDecisionInstance::getDecisionDefinitionKey).contains(DEADLINE_DECISION_KEY);

        // the approver's task, who held it and the outcome's variables
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).taskAssignee("sam").finished()
                .count()).isEqualTo(1);
        List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list();
        assertThat(variables).extracting(HistoricVariableInstance::getName)
                .contains(VAR_TYPE, VAR_AMOUNT, VAR_REASON, VAR_REQUESTER, VAR_REQUIRED_TIER, VAR_DECISION, VAR_OUTCOME,
                        VAR_DECIDED_BY, VAR_DECIDED_AT_TIER, VAR_DECIDED_AT, VAR_APPROVED_AMOUNT);
        assertThat(variables).extracting(HistoricVariableInstance::getTypeName).doesNotContain("object");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private ProcessDefinition latest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
    }

    static Map<String, Object> request(String requester, String type, double amount) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_TYPE, type);
        variables.put(VAR_AMOUNT, amount);
        variables.put(VAR_CURRENCY, "EUR");
        variables.put(VAR_REASON, "The customer's parcel was lost twice.");
        variables.put(VAR_REQUESTER, requester);
        return variables;
    }

    private ProcessInstance ask(String requester, String type, double amount) {
        return start(requester, request(requester, type, amount));
    }

    /** Starts as the logged-in user (Tasklist, the API), or without anyone logged in when user is null. */
    private ProcessInstance start(String user, Map<String, Object> variables) {
        if (user != null) {
            loginAs(user);
        }
        try {
            return runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void decide(String user, Task task, Map<String, Object> variables) {
        loginAs(user);
        try {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
        } catch (RuntimeException e) {
            identityService.clearAuthentication();
            if (task.getId() != null && taskService.createTaskQuery().taskId(task.getId()).singleResult() != null
                    && user.equals(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())) {
                taskService.setAssignee(task.getId(), null); // claim and completion are separate calls here
            }
            throw e;
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void loginAs(String user) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
    }

    static Map<String, Object> approve() {
        return withDecision(DECISION_APPROVE);
    }

    static Map<String, Object> withDecision(String decision) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_DECISION, decision);
        return variables;
    }

    private Task decisionTask(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(DECIDE_REQUEST).singleResult();
    }

    private Job deadlineTimer(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TIER_DEADLINE_PASSED).timers().singleResult();
    }

    private void execute(Job job) {
        assertThat(job).isNotNull();
        managementService.executeJob(job.getId());
    }

    private List<String> candidateUsers(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                .map(IdentityLink::getUserId).sorted().toList();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private Object variable(ProcessInstance pi, String name) {
        HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(name).singleResult();
        assertThat(variable).as("variable %s", name).isNotNull();
        return variable.getValue();
    }

    /** Reminders and recognitions: not the offer of the task (approval-waiting) nor the outcome (approval-outcome). */
    private int notifications(String recipient, String reference) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM message_outbox WHERE recipient_user = ? AND reference = ?"
                + " AND template IN ('approval-reminder', 'recognition')", Integer.class, recipient, reference);
    }

    private int messages(String recipient, String reference, String subjectStart) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM message_outbox WHERE recipient_user = ? AND reference = ? AND subject LIKE ?",
                Integer.class, recipient, reference, subjectStart + "%");
    }
}
