package org.servicecharter.handbook;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.servicecharter.handbook.HandbookFixtures.*;
import static org.servicecharter.handbook.HandbookProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
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
import org.servicecharter.identity.Leavers;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.identity.Roles;
import org.servicecharter.platform.Conflict;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The handbook sign-off model as deployed, every path: publication, the head of service's approval (four eyes, sent
 * back, revised, withdrawn), the offer to every employee, signing, declining and the conversation that follows (will
 * sign now, the decline stands), the signature guard, reminder, escalation, supersession and late joiners. Timers are fired by the tests.
 */
@ServiceCharterTest
class HandbookSignoffProcessTests {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired FormService formService;
    @Autowired IdentityService identityService;
    @Autowired EmployeeFile employeeFile;
    @Autowired HandbookSignOffs signOffs;
    @Autowired ReportingLines reportingLines;
    @Autowired JdbcTemplate jdbc;
    @Autowired Leavers leavers;

    @BeforeEach
    void setUp() {
        init(processEngine);
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    // --- publication -------------------------------------------------------------------------------------------

    @Test
    void modelAndFormsAreDeployedTogetherAndHistoryIsKeptTenYears() {
        ProcessDefinition version = latest(PROCESS_KEY);
        ProcessDefinition employee = latest(EMPLOYEE_PROCESS_KEY);
        assertThat(version.getHistoryTimeToLive()).isEqualTo(3650);
        assertThat(employee.getHistoryTimeToLive()).isEqualTo(3650);
        assertThat(repositoryService.getDeploymentResourceNames(version.getDeploymentId())).contains("handbook-signoff.bpmn",
                "publish-handbook.form", "approve-handbook-version.form", "revise-handbook-version.form", "sign-handbook.form", "follow-up-overdue-handbook-signoff.form", "discuss-declined-handbook.form");
        assertThat(formService.getStartFormData(version.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_PUBLISH);
    }

    @Test
    void publishingOffersEveryEmployeeTheirOwnSignOff() {
        String version = uniqueVersion();
        Document document = document();
        ProcessInstance pi = publish(version, document, inDays(30));

        assertThat(pi).hasBusinessKey(version).hasPassedInOrder(START_EVENT, PUBLISH_VERSION, OFFER_SIGN_OFF)
                .isWaitingAt(COLLECT_SIGN_OFFS, KEEP_IN_FORCE);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_PUBLISHED_BY)).isEqualTo("olga");

        List<String> employees = identityService.createUserQuery().memberOfGroup(Roles.EMPLOYEES).list().stream().map(User::getId).toList();
        assertThat(employees).containsAll(DEMO_EMPLOYEES);
        for (String employee : employees) {
            Task task = signTask(version, employee);
            assertThat(task.getAssignee()).isEqualTo(employee);
            assertThat(task.getDueDate().toInstant()).isEqualTo(HandbookValidator.parseDeadline(inDays(30)));
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(EMPLOYEE_PROCESS_KEY)
                .superProcessInstanceId(pi.getId()).count()).isEqualTo(employees.size());
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId(LOOK_FOR_LATE_JOINERS).count())
                .as("the version looks for late joiners while in force").isEqualTo(1);

        Task alices = signTask(version, "alice");
        assertThat(formService.getTaskFormData(alices.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_SIGN);
        assertThat(taskService.getVariables(alices.getId())).containsEntry(VAR_VERSION, version)
                // the copy the server fetched and checked at publication, not the link
                .containsEntry(VAR_DOCUMENT_URL, "/api/handbooks/" + version + "/document")
                .containsEntry(VAR_DOCUMENT_SHA256, document.sha256())
                .containsEntry(VAR_STATEMENT, "I have read the handbook version " + version + " and will follow it.")
                .containsKey(VAR_RULES).containsKey(VAR_TITLE);
    }

    @Test
    void invalidPublicationStartsNothing() {
        String version = uniqueVersion();
        Document document = document();
        Map<String, Object> wrongHash = startForm(version, document, inDays(10));
        wrongHash.put(VAR_DOCUMENT_SHA256, HandbookDocuments.sha256("another document".getBytes()));
        Map<String, Object> past = startForm(version, document, "2020-01-01");

        identityService.setAuthentication("olga", List.of(Roles.PROCESS_OWNERS, Roles.EMPLOYEES));
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, wrongHash))
                .isInstanceOf(Rejected.class).hasMessageContaining("documentSha256 does not match");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, past))
                .isInstanceOf(Rejected.class).hasMessageContaining("deadline must be in the future");
        identityService.clearAuthentication();

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(version).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM handbook_version WHERE version = ?", Integer.class, version)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM handbook_recipient WHERE version = ?", Integer.class, version)).isZero();
    }

    @Test
    void aVersionLabelIsPublishedOnce() {
        String version = uniqueVersion();
        publish(version, document(), inDays(10));
        assertThatThrownBy(() -> publish(version, document(), inDays(20)))
                .isInstanceOf(Conflict.class).hasMessageContaining("exists already");
    }

    // --- approval by the head of service ------------------------------------------------------------------------

    @Test
    void aPublishedVersionAwaitsTheHeadOfServicesApprovalBeforeAnyoneIsAskedToSign() {
        String version = uniqueVersion();
        ProcessInstance pi = publishOnly(version, document(), inDays(30));

        assertThat(pi).hasPassedInOrder(START_EVENT, PUBLISH_VERSION).isWaitingAt(APPROVE_VERSION).hasNotPassed(OFFER_SIGN_OFF);
        Task approval = approvalTask(processEngine, version);
        assertThat(approval.getAssignee()).isNull();
        assertThat(candidateGroups(approval)).containsExactly(Roles.HEAD_OF_SERVICE);
        assertThat(formService.getTaskFormData(approval.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_APPROVE);
        assertThat(taskService.getVariables(approval.getId())).containsKeys(VAR_TITLE, VAR_RULES)
                .containsEntry(VAR_DOCUMENT_URL, "/api/handbooks/" + version + "/document");
        assertThat(signTask(version, "alice")).as("nobody is asked to sign").isNull();
        assertThat(signOffs.version(version).state()).isEqualTo("awaiting-approval");
        assertThat(status(version).state()).isEqualTo("awaiting-approval");

        // the late joiners' check finds nobody while the version awaits approval
        managementService.executeJob(job(pi, LOOK_FOR_LATE_JOINERS).getId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM handbook_recipient WHERE version = ?", Integer.class, version)).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(EMPLOYEE_PROCESS_KEY)
                .superProcessInstanceId(pi.getId()).count()).isZero();

        Instant before = Instant.now().minusSeconds(1);
        approve(processEngine, version);

        assertThat(pi).hasPassedInOrder(APPROVE_VERSION, RECORD_APPROVAL, APPROVED_OR_SENT_BACK, OFFER_SIGN_OFF)
                .isWaitingAt(COLLECT_SIGN_OFFS, KEEP_IN_FORCE);
        assertThat(signTask(version, "alice").getAssignee()).isEqualTo("alice");
        HandbookRegister.Version approved = signOffs.version(version);
        assertThat(approved.state()).isEqualTo("in-force");
        assertThat(approved.approvedBy()).isEqualTo(APPROVER);
        assertThat(approved.approvedAt()).isAfter(before);
        assertThat(status(version).approvedBy()).isEqualTo(APPROVER);
    }

    @Test
    void thePublisherCannotApproveTheirOwnVersionAndOnlyTheHeadOfServiceApproves() {
        String version = uniqueVersion();
        publishOnly(version, document(), inDays(30));
        Task approval = approvalTask(processEngine, version);

        // olga, who published it, is in the head of service's group too: four eyes
        identityService.setAuthentication("olga", List.of(Roles.PROCESS_OWNERS, Roles.HEAD_OF_SERVICE, Roles.EMPLOYEES));
        try {
            assertThatThrownBy(() -> taskService.claim(approval.getId(), "olga")).hasMessageContaining("Four eyes");
            assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of(VAR_APPROVAL_DECISION, APPROVAL_APPROVE)))
                    .hasRootCauseInstanceOf(Refused.class).hasMessageContaining("Four eyes");
        } finally {
            identityService.clearAuthentication();
        }
        assertThatThrownBy(() -> answerAs("hana", approval, Map.of(VAR_APPROVAL_DECISION, APPROVAL_APPROVE)))
                .as("HR is not offered the approval").isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThatThrownBy(() -> answerAs("henry", approval, Map.of(VAR_APPROVAL_DECISION, APPROVAL_SEND_BACK)))
                .hasRootCauseInstanceOf(Rejected.class).hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> answerAs("henry", approval, Map.of()))
                .hasRootCauseInstanceOf(Rejected.class).hasMessageContaining("approve the version or to send it back");

        assertThat(approvalTask(processEngine, version)).as("still waiting").isNotNull();
        assertThat(signOffs.version(version).state()).isEqualTo("awaiting-approval");
    }

    @Test
    void aVersionSentBackGoesToItsPublisherWhoRevisesItAndResubmitsItForApproval() {
        String version = uniqueVersion();
        ProcessInstance pi = publishOnly(version, document(), inDays(30));

        sendBack(processEngine, version, "Rule 2 contradicts the refund policy.");

        assertThat(pi).hasPassed(RECORD_APPROVAL).isWaitingAt(REVISE_VERSION).hasNotPassed(OFFER_SIGN_OFF);
        HandbookRegister.Version sentBack = signOffs.version(version);
        assertThat(sentBack.state()).isEqualTo("sent-back");
        assertThat(sentBack.sentBackBy()).isEqualTo(APPROVER);
        assertThat(sentBack.sentBackReason()).isEqualTo("Rule 2 contradicts the refund policy.");
        assertThat(sentBack.approvedBy()).isNull();
        assertThat(status(version).state()).isEqualTo("sent-back");
        assertThat(signTask(version, "alice")).isNull();
        Task revise = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(REVISE_VERSION).singleResult();
        assertThat(revise.getAssignee()).isEqualTo("olga");
        assertThat(formService.getTaskFormData(revise.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_REVISE);
        assertThat(taskService.getVariables(revise.getId())).containsEntry(VAR_SEND_BACK_REASON, "Rule 2 contradicts the refund policy.");

        Map<String, Object> revision = Map.of(VAR_REVISION_DECISION, REVISION_RESUBMIT, VAR_TITLE, "Customer-service handbook, revised",
                VAR_RULES, "Apologise first. Refunds follow the refund policy.");
        assertThatThrownBy(() -> answerAs("henry", revise, revision)).isInstanceOf(Refused.class).hasMessageContaining("olga");
        assertThatThrownBy(() -> answerAs("olga", revise, Map.of(VAR_REVISION_DECISION, REVISION_RESUBMIT, VAR_TITLE, " ", VAR_RULES, "x")))
                .hasRootCauseInstanceOf(Rejected.class).hasMessageContaining("title");
        answerAs("olga", revise, revision);

        assertThat(pi).hasPassed(RECORD_REVISION).isWaitingAt(APPROVE_VERSION);
        HandbookRegister.Version resubmitted = signOffs.version(version);
        assertThat(resubmitted.state()).isEqualTo("awaiting-approval");
        assertThat(resubmitted.title()).isEqualTo("Customer-service handbook, revised");
        assertThat(resubmitted.rules()).isEqualTo("Apologise first. Refunds follow the refund policy.");
        assertThat(taskService.getVariables(approvalTask(processEngine, version).getId())).doesNotContainKey(VAR_APPROVAL_DECISION);

        approve(processEngine, version);

        assertThat(pi).isWaitingAt(COLLECT_SIGN_OFFS, KEEP_IN_FORCE);
        assertThat(taskService.getVariables(signTask(version, "alice").getId()))
                .containsEntry(VAR_TITLE, "Customer-service handbook, revised")
                .containsEntry(VAR_RULES, "Apologise first. Refunds follow the refund policy.");
        assertThat(signOffs.version(version).state()).isEqualTo("in-force");
    }

    @Test
    void aWithdrawnVersionIsNeverOffered() {
        String version = uniqueVersion();
        ProcessInstance pi = publishOnly(version, document(), inDays(30));
        sendBack(processEngine, version, "We are rewriting the whole handbook.");
        Task revise = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(REVISE_VERSION).singleResult();

        answerAs("olga", revise, Map.of(VAR_REVISION_DECISION, REVISION_WITHDRAW));

        assertThat(pi).isEnded().hasPassed(VERSION_WITHDRAWN).hasNotPassed(OFFER_SIGN_OFF);
        assertThat(signOffs.version(version).state()).isEqualTo("withdrawn");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM handbook_recipient WHERE version = ?", Integer.class, version)).isZero();
    }

    @Test
    void aNewerVersionSupersedesTheOneInForceOnlyOnceApproved() {
        String older = uniqueVersion();
        String newer = uniqueVersion();
        ProcessInstance olderPi = publish(older, document(), inDays(30));
        publishOnly(newer, document(), inDays(40));

        assertThat(olderPi).as("still in force while the newer one awaits approval").isWaitingAt(COLLECT_SIGN_OFFS, KEEP_IN_FORCE);
        assertThat(signTask(older, "alice")).isNotNull();
        assertThat(signOffs.version(older).state()).isEqualTo("in-force");

        approve(processEngine, newer);

        assertThat(olderPi).isEnded().hasPassed(VERSION_SUPERSEDED);
        assertThat(signOffs.version(older).supersededBy()).isEqualTo(newer);
        assertThat(signTask(newer, "alice")).isNotNull();
    }

    // --- signing -----------------------------------------------------------------------------------------------

    @Test
    void signingRecordsWhoWhenWhichVersionAndTheDocumentsHashInTheEmployeeFile() {
        String version = uniqueVersion();
        Document document = document();
        publish(version, document, inDays(30));
        ProcessInstance alices = signOff(version, "alice");

        Instant before = Instant.now().minusSeconds(1);
        answerAs("alice", signTask(version, "alice"), sign());

        assertThat(alices).isEnded().hasPassedInOrder(SIGN_HANDBOOK, RECORD_ACKNOWLEDGEMENT, HANDBOOK_SIGNED)
                .hasNotPassed(REMIND_EMPLOYEE, FOLLOW_UP_OVERDUE, RECORD_DECLINE);
        EmployeeFileEntry entry = employeeFile.find(answerKey(version, "alice")).orElseThrow();
        assertThat(entry.employeeId()).isEqualTo("alice");
        assertThat(entry.recordedBy()).isEqualTo("alice");
        assertThat(entry.recordType()).isEqualTo(RECORD_HANDBOOK_ACKNOWLEDGEMENT);
        assertThat(entry.subjectReference()).isEqualTo(version);
        assertThat(entry.documentSha256()).isEqualTo(document.sha256());
        assertThat(entry.summary()).contains("I have read the handbook version " + version + " and will follow it.");
        assertThat(entry.recordedAt()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(entry.processInstanceId()).isEqualTo(alices.getId());
        assertThat(employeeFile.entriesOf("alice")).contains(entry);
    }

    @Test
    void onlyTheEmployeeCanSignTheirSignOffEvenIfSomeoneElseHoldsTheTask() {
        String version = uniqueVersion();
        publish(version, document(), inDays(30));
        Task task = signTask(version, "alice");

        // a colleague to whom the task was handed, an administrator, and nobody logged in: all refused
        taskService.setAssignee(task.getId(), "bob");
        assertThatThrownBy(() -> answerAs("bob", task, sign())).hasRootCauseInstanceOf(Refused.class)
                .hasMessageContaining("Only alice can sign");
        assertThatThrownBy(() -> answerAs("demo", task, sign())).hasRootCauseInstanceOf(Refused.class);
        assertThatThrownBy(() -> taskService.complete(task.getId(), sign())).hasRootCauseInstanceOf(Refused.class);

        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);
        assertThat(employeeFile.find(answerKey(version, "alice"))).isEmpty();
        assertThat(employeeFile.find(answerKey(version, "bob"))).isEmpty();

        // nor does alice sign while bob holds her task (a claimed task is its assignee's): it is handed back first
        assertThatThrownBy(() -> answerAs("alice", task, sign())).hasMessageContaining("held by bob")
                .satisfies(refusal -> assertThat(org.assertj.core.util.Throwables.getRootCause(refusal) == null ? refusal
                        : org.assertj.core.util.Throwables.getRootCause(refusal)).isInstanceOf(Refused.class));
        taskService.setAssignee(task.getId(), "alice");
        answerAs("alice", task, sign());
        assertThat(employeeFile.find(answerKey(version, "alice"))).get().extracting(EmployeeFileEntry::recordedBy).isEqualTo("alice");
    }

    @Test
    void signingNeedsTheAcknowledgementAndDecliningNeedsAReason() {
        String version = uniqueVersion();
        publish(version, document(), inDays(30));
        Task task = signTask(version, "bob");

        Map<String, Object> unconfirmed = Map.of(VAR_DECISION, DECISION_SIGN, VAR_ACKNOWLEDGED, false);
        Map<String, Object> noReason = Map.of(VAR_DECISION, DECISION_DECLINE, VAR_DECLINE_REASON, "  ");
        Map<String, Object> noDecision = Map.of(VAR_ACKNOWLEDGED, true);
        assertThatThrownBy(() -> answerAs("bob", task, unconfirmed)).hasMessageContaining("confirm the statement");
        assertThatThrownBy(() -> answerAs("bob", task, noReason)).hasMessageContaining("Declining needs a reason");
        assertThatThrownBy(() -> answerAs("bob", task, noDecision)).hasMessageContaining("Choose to sign or to decline");
        assertThat(employeeFile.find(answerKey(version, "bob"))).isEmpty();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    // --- declining ---------------------------------------------------------------------------------------------

    @Test
    void decliningIsRecordedWithItsReasonAndGoesToTheEmployeesManager() {
        String version = uniqueVersion();
        publish(version, document(), inDays(30));
        ProcessInstance bobs = signOff(version, "bob");

        answerAs("bob", signTask(version, "bob"), decline("Rule 4 contradicts our refund policy."));

        assertThat(bobs).hasPassedInOrder(SIGN_HANDBOOK, RECORD_DECLINE).isWaitingAt(DISCUSS_DECLINED);
        assertThat(employeeFile.find(answerKey(version, "bob"))).as("no signature").isEmpty();
        EmployeeFileEntry entry = employeeFile.find(declineKey(version, "bob", 1)).orElseThrow();
        assertThat(entry.recordType()).isEqualTo(RECORD_HANDBOOK_DECLINED);
        assertThat(entry.details()).contains("Rule 4 contradicts our refund policy.");
        Task discuss = taskService.createTaskQuery().processInstanceId(bobs.getId()).taskDefinitionKey(DISCUSS_DECLINED).singleResult();
        assertThat(discuss.getAssignee()).isEqualTo(reportingLines.managerOf("bob")).isEqualTo("sam");
        assertThat(formService.getTaskFormData(discuss.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_DISCUSS_DECLINED);

        identityService.setAuthentication("sam", List.of(Roles.SUPERVISORS, Roles.EMPLOYEES));
        taskService.complete(discuss.getId(), Map.of(VAR_CONVERSATION_OUTCOME, OUTCOME_DECLINE_STANDS,
                VAR_CONVERSATION_NOTE, "Explained the refund policy; bob will sign the next version."));
        identityService.clearAuthentication();
        assertThat(bobs).isEnded().hasPassedInOrder(DISCUSS_DECLINED, RECORD_CONVERSATION, DECLINE_STANDS).hasNotPassed(HANDBOOK_SIGNED);
        EmployeeFileEntry outcome = employeeFile.find(conversationKey(version, "bob", 1)).orElseThrow();
        assertThat(outcome.recordType()).isEqualTo(RECORD_HANDBOOK_DECLINE_STANDS);
        assertThat(outcome.recordedBy()).isEqualTo("sam");
        assertThat(outcome.details()).isEqualTo("Explained the refund policy; bob will sign the next version.");
        assertThat(statusOf(version, "bob").status()).isEqualTo("declined");
        assertThat(statusOf(version, "bob").declineReason()).isEqualTo("Rule 4 contradicts our refund policy.");
    }

    @Test
    void afterTheConversationTheEmployeeWhoWillSignGetsTheSameVersionAgainAndTheSignatureIsRecorded() {
        String version = uniqueVersion();
        publish(version, document(), inDays(30));
        ProcessInstance bobs = signOff(version, "bob");
        answerAs("bob", signTask(version, "bob"), decline("Rule 2 is unclear to me."));
        Task discuss = taskService.createTaskQuery().processInstanceId(bobs.getId()).taskDefinitionKey(DISCUSS_DECLINED).singleResult();

        answerAs("sam", discuss, Map.of(VAR_CONVERSATION_OUTCOME, OUTCOME_WILL_SIGN, VAR_CONVERSATION_NOTE, "Explained rule 2."));

        assertThat(bobs).hasPassed(RECORD_CONVERSATION).isWaitingAt(SIGN_HANDBOOK).isNotEnded();
        EmployeeFileEntry outcome = employeeFile.find(conversationKey(version, "bob", 1)).orElseThrow();
        assertThat(outcome.recordType()).isEqualTo(RECORD_HANDBOOK_WILL_SIGN);
        assertThat(outcome.summary()).contains("will sign");
        assertThat(statusOf(version, "bob").status()).as("open again").isEqualTo("pending");
        Task again = signTask(version, "bob");
        assertThat(again.getAssignee()).isEqualTo("bob");
        assertThat(taskService.getVariables(again.getId())).as("a blank answer").doesNotContainKeys(VAR_DECISION, VAR_DECLINE_REASON)
                .containsEntry(VAR_VERSION, version);

        answerAs("bob", again, sign());

        assertThat(bobs).isEnded().hasPassed(RECORD_ACKNOWLEDGEMENT, HANDBOOK_SIGNED).hasNotPassed(DECLINE_STANDS);
        EmployeeFileEntry signature = employeeFile.find(answerKey(version, "bob")).orElseThrow();
        assertThat(signature.recordType()).isEqualTo(RECORD_HANDBOOK_ACKNOWLEDGEMENT);
        assertThat(signature.recordedBy()).isEqualTo("bob");
        assertThat(statusOf(version, "bob").status()).isEqualTo("signed");
        assertThat(employeeFile.find(declineKey(version, "bob", 1))).as("the decline stays in the file").isPresent();
    }

    @Test
    void anEmployeeWhoWillSignCanDeclineAgainAndTheNewDeclineIsRecordedToo() {
        String version = uniqueVersion();
        publish(version, document(), inDays(30));
        ProcessInstance bobs = signOff(version, "bob");
        answerAs("bob", signTask(version, "bob"), decline("Rule 2 is unclear to me."));
        answerAs("sam", discussTask(bobs), Map.of(VAR_CONVERSATION_OUTCOME, OUTCOME_WILL_SIGN, VAR_CONVERSATION_NOTE, "Explained rule 2."));

        answerAs("bob", signTask(version, "bob"), decline("Still unclear."));

        assertThat(employeeFile.find(declineKey(version, "bob", 2))).get().extracting(EmployeeFileEntry::details).isEqualTo("Still unclear.");
        assertThat(statusOf(version, "bob").status()).isEqualTo("declined");
        assertThat(statusOf(version, "bob").declineReason()).isEqualTo("Still unclear.");
        answerAs("sam", discussTask(bobs), Map.of(VAR_CONVERSATION_OUTCOME, OUTCOME_DECLINE_STANDS, VAR_CONVERSATION_NOTE, "We disagree."));
        assertThat(bobs).isEnded().hasPassed(DECLINE_STANDS);
        assertThat(employeeFile.find(conversationKey(version, "bob", 2))).get().extracting(EmployeeFileEntry::recordType)
                .isEqualTo(RECORD_HANDBOOK_DECLINE_STANDS);
    }

    @Test
    void theConversationNeedsAnOutcomeAndNotes() {
        String version = uniqueVersion();
        publish(version, document(), inDays(30));
        ProcessInstance bobs = signOff(version, "bob");
        answerAs("bob", signTask(version, "bob"), decline("No."));
        Task discuss = discussTask(bobs);

        assertThatThrownBy(() -> answerAs("sam", discuss, Map.of(VAR_CONVERSATION_NOTE, "Talked.")))
                .isInstanceOf(Rejected.class).hasMessageContaining("outcome");
        assertThatThrownBy(() -> answerAs("sam", discuss, Map.of(VAR_CONVERSATION_OUTCOME, OUTCOME_WILL_SIGN)))
                .isInstanceOf(Rejected.class).hasMessageContaining("Note what was said");
        assertThat(bobs).isWaitingAt(DISCUSS_DECLINED);
        assertThat(employeeFile.find(conversationKey(version, "bob", 1))).isEmpty();
    }

    @Test
    void anEmployeeWithoutManagerHasTheirDeclineFollowedUpByHr() {
        String version = uniqueVersion();
        publish(version, document(), inDays(30));
        ProcessInstance henrys = signOff(version, "henry");

        answerAs("henry", signTask(version, "henry"), decline("I wrote a better one."));

        Task discuss = taskService.createTaskQuery().processInstanceId(henrys.getId()).taskDefinitionKey(DISCUSS_DECLINED).singleResult();
        assertThat(discuss.getAssignee()).isNull();
        assertThat(candidateGroups(discuss)).containsExactly(Roles.HR);
    }

    // --- reminder and escalation -------------------------------------------------------------------------------

    @Test
    void theEmployeeIsRemindedBeforeTheDeadline() {
        String version = uniqueVersion();
        publish(version, document(), inDays(30));
        ProcessInstance alices = signOff(version, "alice");
        Instant due = HandbookValidator.parseDeadline(inDays(30));

        Job reminder = job(alices, REMINDER_DUE);
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(due.minus(Duration.ofDays(2)));
        assertThat(job(alices, DEADLINE_PASSED).getDuedate().toInstant()).isEqualTo(due);

        managementService.executeJob(reminder.getId());

        assertThat(alices).hasPassed(REMIND_EMPLOYEE).isWaitingAt(SIGN_HANDBOOK);
        assertThat(signTask(version, "alice").getPriority()).isEqualTo(RemindEmployeeDelegate.REMINDED_PRIORITY);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_outbox WHERE recipient_user = 'alice' AND reference = ?"
                + " AND subject LIKE 'Reminder:%'", Integer.class, businessKey(version, "alice"))).isEqualTo(1);
        // the sign-off task was announced to her when it was created, with a link to it
        assertThat(jdbc.queryForObject("SELECT body_text FROM message_outbox WHERE recipient_user = 'alice' AND reference = ?"
                + " AND subject LIKE 'Handbook version%published%'", String.class, businessKey(version, "alice")))
                .contains("/camunda/app/tasklist/default/#/?task=" + signTask(version, "alice").getId());
        assertThat(statusOf(version, "alice").remindedAt()).isNotNull();
        assertThat(statusOf(version, "alice").status()).isEqualTo("pending");
    }

    @Test
    void aShortDeadlineStillGetsItsReminderInBetween() {
        String version = uniqueVersion();
        Instant deadline = Instant.now().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);
        publish(version, document(), deadline.toString());
        Instant reminder = job(signOff(version, "bob"), REMINDER_DUE).getDuedate().toInstant();
        assertThat(reminder).isBetween(Instant.now().plus(Duration.ofHours(2)), deadline.minus(Duration.ofHours(2)));
    }

    @Test
    void whenTheDeadlinePassesTheManagerFollowsUpAndTheEmployeeCanStillSign() {
        String version = uniqueVersion();
        publish(version, document(), inDays(30));
        ProcessInstance alices = signOff(version, "alice");

        managementService.executeJob(job(alices, DEADLINE_PASSED).getId());

        assertThat(alices).hasPassed(MARK_OVERDUE).isWaitingAt(SIGN_HANDBOOK, FOLLOW_UP_OVERDUE);
        Task followUp = taskService.createTaskQuery().processInstanceId(alices.getId()).taskDefinitionKey(FOLLOW_UP_OVERDUE).singleResult();
        assertThat(followUp.getAssignee()).isEqualTo("sam");
        assertThat(formService.getTaskFormData(followUp.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_FOLLOW_UP_OVERDUE);
        assertThat(statusOf(version, "alice").status()).isEqualTo("overdue");
        // the employee hears it is overdue, the manager gets the follow-up with a link to it
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_outbox WHERE recipient_user = 'alice' AND reference = ?"
                + " AND subject LIKE 'Overdue:%'", Integer.class, alices.getBusinessKey())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT body_text FROM message_outbox WHERE recipient_user = 'sam' AND reference = ?"
                + " AND subject LIKE 'Overdue handbook sign-off%'", String.class, alices.getBusinessKey()))
                .contains("/camunda/app/tasklist/default/#/?task=" + followUp.getId());

        answerAs("alice", signTask(version, "alice"), sign());

        assertThat(alices).isEnded().hasPassed(HANDBOOK_SIGNED);
        assertThat(taskService.createTaskQuery().taskId(followUp.getId()).count()).as("follow-up no longer needed").isZero();
        assertThat(statusOf(version, "alice").status()).isEqualTo("signed");
    }

    @Test
    void theManagersFollowUpEndsWithTheirNoteWhileTheSignOffStaysOpen() {
        String version = uniqueVersion();
        publish(version, document(), inDays(30));
        ProcessInstance bobs = signOff(version, "bob");
        managementService.executeJob(job(bobs, DEADLINE_PASSED).getId());
        Task followUp = taskService.createTaskQuery().processInstanceId(bobs.getId()).taskDefinitionKey(FOLLOW_UP_OVERDUE).singleResult();

        identityService.setAuthentication("sam", List.of(Roles.SUPERVISORS, Roles.EMPLOYEES));
        taskService.complete(followUp.getId(), Map.of(VAR_FOLLOW_UP_NOTE, "Bob signs tomorrow."));
        identityService.clearAuthentication();

        assertThat(bobs).hasPassed(FOLLOW_UP_OVERDUE).isWaitingAt(SIGN_HANDBOOK);
    }

    // --- supersession ------------------------------------------------------------------------------------------

    @Test
    void aNewerVersionSupersedesTheOpenSignOffsOfTheOlderOne() {
        String older = uniqueVersion();
        ProcessInstance olderPi = publish(older, document(), inDays(30));
        answerAs("alice", signTask(older, "alice"), sign());
        ProcessInstance bobsOlder = signOff(older, "bob");

        String newer = uniqueVersion();
        ProcessInstance newerPi = publish(newer, document(), inDays(40));

        assertThat(olderPi).isEnded().hasPassed(VERSION_SUPERSEDED);
        assertThat(bobsOlder).isEnded();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(businessKey(older, "bob")).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(EMPLOYEE_PROCESS_KEY)
                .superProcessInstanceId(olderPi.getId()).count()).isZero();
        assertThat(newerPi).isWaitingAt(COLLECT_SIGN_OFFS, KEEP_IN_FORCE);
        assertThat(signTask(newer, "alice")).isNotNull();
        assertThat(signTask(newer, "bob")).isNotNull();

        HandbookSignOffs.Status status = status(older);
        assertThat(status.state()).isEqualTo("superseded");
        assertThat(status.supersededBy()).isEqualTo(newer);
        assertThat(statusIn(status, "alice")).isEqualTo("signed");
        assertThat(statusIn(status, "bob")).isEqualTo("superseded");
        assertThat(employeeFile.find(answerKey(older, "alice"))).as("a signature stays in the file").isPresent();
    }

    // --- late joiners ------------------------------------------------------------------------------------------

    @Test
    void aLeaverIsOfferedNoLaterVersionNeitherAtPublicationNorAsALateJoiner() {
        String leaver = newEmployee();
        String stays = newEmployee();
        leavers.markLeft(leaver, "Resigned to move abroad.", "demo");

        String version = uniqueVersion();
        ProcessInstance pi = publish(version, document(), inDays(3));
        assertThat(signTask(version, stays).getAssignee()).isEqualTo(stays);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(businessKey(version, leaver)).count()).isZero();

        managementService.executeJob(job(pi, LOOK_FOR_LATE_JOINERS).getId());
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(businessKey(version, leaver)).count()).isZero();
        assertThat(status(version).employees()).noneMatch(e -> e.employee().equals(leaver));
    }

    @Test
    void anEmployeeWhoJoinsLaterGetsTheirSignOffWithAtLeastTheLateJoinersPeriod() {
        String version = uniqueVersion();
        ProcessInstance pi = publish(version, document(), inDays(3));
        String joiner = newEmployee();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(businessKey(version, joiner)).count()).isZero();

        Job check = job(pi, LOOK_FOR_LATE_JOINERS);
        managementService.executeJob(check.getId());

        Task task = signTask(version, joiner);
        assertThat(task.getAssignee()).isEqualTo(joiner);
        assertThat(task.getDueDate().toInstant()).isCloseTo(Instant.now().plus(Duration.ofDays(14)), within(1, ChronoUnit.MINUTES));
        assertThat(statusOf(version, joiner).lateJoiner()).isTrue();
        assertThat(job(pi, LOOK_FOR_LATE_JOINERS).getId()).as("the next look is scheduled").isNotEqualTo(check.getId());

        // looking again offers nothing twice
        managementService.executeJob(job(pi, LOOK_FOR_LATE_JOINERS).getId());
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(businessKey(version, joiner)).count()).isEqualTo(1);

        answerAs(joiner, task, sign());
        assertThat(employeeFile.find(answerKey(version, joiner))).isPresent();
        assertThat(statusOf(version, joiner).status()).isEqualTo("signed");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Publishes the version and the head of service approves it: every employee is offered the sign-off. */
    private ProcessInstance publish(String version, Document document, String deadline) {
        ProcessInstance pi = publishOnly(version, document, deadline);
        approve(processEngine, version);
        return pi;
    }

    /** Publishes the version as olga: it awaits the head of service's approval. */
    private ProcessInstance publishOnly(String version, Document document, String deadline) {
        identityService.setAuthentication("olga", List.of(Roles.PROCESS_OWNERS, Roles.EMPLOYEES));
        try {
            return runtimeService.startProcessInstanceByKey(PROCESS_KEY, startForm(version, document, deadline));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void answerAs(String user, Task task, Map<String, Object> answer) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            taskService.complete(task.getId(), answer);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Map<String, Object> sign() {
        Map<String, Object> answer = new HashMap<>();
        answer.put(VAR_DECISION, DECISION_SIGN);
        answer.put(VAR_ACKNOWLEDGED, true);
        return answer;
    }

    private static Map<String, Object> decline(String reason) {
        return Map.of(VAR_DECISION, DECISION_DECLINE, VAR_DECLINE_REASON, reason);
    }

    private Task discussTask(ProcessInstance signOff) {
        return taskService.createTaskQuery().processInstanceId(signOff.getId()).taskDefinitionKey(DISCUSS_DECLINED).singleResult();
    }

    private Task signTask(String version, String employee) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey(version, employee))
                .taskDefinitionKey(SIGN_HANDBOOK).singleResult();
    }

    private ProcessInstance signOff(String version, String employee) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(EMPLOYEE_PROCESS_KEY)
                .processInstanceBusinessKey(businessKey(version, employee)).singleResult();
    }

    private Job job(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    private HandbookSignOffs.Status status(String version) {
        identityService.setAuthentication("hana", List.of(Roles.HR, Roles.EMPLOYEES));
        try {
            return signOffs.status(version);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private HandbookSignOffs.EmployeeStatus statusOf(String version, String employee) {
        return status(version).employees().stream().filter(e -> e.employee().equals(employee)).findFirst().orElseThrow();
    }

    private static String statusIn(HandbookSignOffs.Status status, String employee) {
        return status.employees().stream().filter(e -> e.employee().equals(employee)).findFirst().orElseThrow().status();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }

    private ProcessDefinition latest(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private String newEmployee() {
        String id = "joiner" + System.nanoTime();
        User user = identityService.newUser(id);
        user.setFirstName("New");
        user.setLastName("Joiner");
        user.setPassword(id);
        ((IdentityServiceImpl) identityService).saveUser(user, true); // password = id, like the demo users: around the policy
        identityService.createMembership(id, Roles.EMPLOYEES);
        reportingLines.setManager(id, "sam");
        return id;
    }
}
