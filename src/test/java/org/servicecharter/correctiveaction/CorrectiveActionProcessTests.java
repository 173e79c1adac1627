package org.servicecharter.correctiveaction;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
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
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry;
import org.servicecharter.identity.Leavers;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The corrective-action model as deployed, every path: not substantiated, each rung of the ladder, HR retaining and
 * dismissing, a repeat complaint during monitoring escalating, a clean monitoring period closing the case, the guards,
 * and the look-back window's edges. Timers are fired by the tests (the job executor is off).
 */
@ServiceCharterTest
class CorrectiveActionProcessTests {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired FormService formService;
    @Autowired IdentityService identityService;
    @Autowired ReportingLines reportingLines;
    @Autowired EmployeeFile employeeFile;
    @Autowired CorrectiveActionRecords records;
    @Autowired CorrectiveActionProperties properties;
    @Autowired JdbcTemplate jdbc;
    @Autowired Leavers leavers;

    CorrectiveActionFixtures f;

    @BeforeEach
    void setUp() {
        init(processEngine);
        f = new CorrectiveActionFixtures(identityService, runtimeService, taskService, managementService, reportingLines);
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    // --- the model ------------------------------------------------------------------------------------------------

    @Test
    void modelDecisionsAndFormsAreDeployedTogetherAndHistoryIsKeptTenYears() {
        ProcessDefinition definition = latest();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
        assertThat(repositoryService.getDeploymentResourceNames(definition.getDeploymentId())).contains(
                "corrective-action.bpmn", "corrective-action-ladder.dmn", FORM_REQUEST + ".form",
                FORM_CONVERSATION + ".form", FORM_HR_REVIEW + ".form", FORM_ACKNOWLEDGE + ".form");
        assertThat(formService.getStartFormData(definition.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_REQUEST);
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(LADDER_DECISION_KEY).latestVersion()
                .singleResult().getHistoryTimeToLive()).isEqualTo(3650);
    }

    // --- scenarios ------------------------------------------------------------------------------------------------

    @Test
    void aCorrectiveActionNamesTheHandbookRuleThatWasBrokenInTheEmployeeFile() {
        String employee = f.newEmployee("sam");
        ProcessInstance pi = f.open("sam", employee);
        Task task = f.task(pi, HOLD_CONVERSATION);
        Map<String, Object> answers = new java.util.HashMap<>(f.conversation(true, "minor"));
        answers.put(VAR_BROKEN_HANDBOOK_RULE, "x".repeat(501));
        assertThatThrownBy(() -> f.asUser("sam", () -> taskService.complete(task.getId(), answers)))
                .hasMessageContaining("at most 500 characters");

        answers.put(VAR_BROKEN_HANDBOOK_RULE, "Never argue with a customer.");
        f.asUser("sam", () -> taskService.complete(task.getId(), answers));

        assertThat(employeeFile.entriesOf(employee)).anySatisfy(entry -> {
            assertThat(entry.subjectReference()).isEqualTo(pi.getBusinessKey());
            assertThat(entry.details()).contains("Handbook rule broken: Never argue with a customer.");
        });
    }

    @Test
    void notSubstantiatedClosesTheCaseAndIsRecordedButNeverCounted() {
        String employee = f.newEmployee("sam");
        ProcessInstance pi = f.open("sam", employee);

        assertThat(pi).isWaitingAt(HOLD_CONVERSATION).hasPassed(OPEN_CASE);
        assertThat(pi.getBusinessKey()).startsWith("CA-");
        Task conversation = f.task(pi, HOLD_CONVERSATION);
        assertThat(conversation.getAssignee()).isEqualTo("sam");
        assertThat(formService.getTaskFormData(conversation.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_CONVERSATION);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_REQUESTED_BY)).isEqualTo("sam");

        f.document("sam", pi, false, null);

        assertThat(pi).isEnded().hasPassed(RECORD_NOT_SUBSTANTIATED, NOT_SUBSTANTIATED).hasNotPassed(DECIDE_LADDER_STEP);
        List<EmployeeFileEntry> file = employeeFile.entriesOf(employee);
        assertThat(file).extracting(EmployeeFileEntry::recordType).containsExactly(RECORD_TYPE_NOT_SUBSTANTIATED);
        assertThat(file.get(0).recordedBy()).isEqualTo("sam");
        assertThat(file.get(0).subjectReference()).isEqualTo(pi.getBusinessKey());
        assertThat(file.get(0).details()).contains("It was the end of a long shift");
        assertThat(records.priorActions(employee, java.time.Period.ofMonths(12), Instant.now()).count()).isZero();
    }

    @Test
    void minorFirstOffenceIsCoachingAcknowledgedMonitoredAndClosedAfterACleanPeriod() {
        String employee = f.newEmployee("sam");
        ProcessInstance pi = f.open("sam", employee);
        Instant documented = Instant.now();
        f.document("sam", pi, true, "minor");

        assertThat(pi).hasPassedInOrder(LOOK_UP_LOOK_BACK_WINDOW, COUNT_PRIOR_ACTIONS, DECIDE_LADDER_STEP, RECORD_CORRECTIVE_ACTION)
                .isWaitingAt(ACKNOWLEDGE);
        assertThat(pi).variables().containsEntry(VAR_LOOK_BACK_WINDOW, "P12M").containsEntry(VAR_PRIOR_ACTIONS_IN_WINDOW, 0)
                .containsEntry(VAR_HIGHEST_PRIOR_RUNG, 0).containsEntry(VAR_CORRECTIVE_ACTION, "coaching")
                .containsEntry(VAR_DOCUMENTED_BY, "sam");
        Date endsAt = (Date) runtimeService.getVariable(pi.getId(), VAR_MONITORING_ENDS_AT);
        assertThat(endsAt.toInstant()).isCloseTo(documented.atZone(ZoneId.systemDefault()).plus(properties.monitoringPeriod())
                .toInstant(), within(1, ChronoUnit.MINUTES));
        assertThat(employeeFile.entriesOf(employee)).extracting(EmployeeFileEntry::recordType)
                .containsExactly(LadderStep.COACHING.recordType());
        Task ack = f.task(pi, ACKNOWLEDGE);
        assertThat(ack.getAssignee()).isEqualTo(employee);
        assertThat(formService.getTaskFormData(ack.getId()).getCamundaFormRef().getKey()).isEqualTo(FORM_ACKNOWLEDGE);

        // the manager was told a confidential task waits: a link, no details of the case
        java.util.List<java.util.Map<String, Object>> notices = jdbc.queryForList(
                "SELECT recipient_user, body_text FROM message_outbox WHERE reference = ?", "corrective-action:" + pi.getId());
        assertThat(notices).extracting(m -> m.get("RECIPIENT_USER")).contains("sam").doesNotContain("alice", "maria", "hana");
        assertThat(notices).allSatisfy(m -> assertThat((String) m.get("BODY_TEXT")).contains("/camunda/app/tasklist/default/#/?task=")
                .doesNotContain("minor").doesNotContain("coaching").doesNotContain(employee));

        f.acknowledge(employee, pi);

        assertThat(pi).hasPassed(RECORD_ACKNOWLEDGEMENT).isWaitingAt(MONITORING_PERIOD_OVER);
        assertThat(f.monitoringTimer(pi).getDuedate()).isEqualTo(endsAt);

        execute(f.monitoringTimer(pi));

        assertThat(pi).isEnded().hasPassed(CLOSE_CASE, CASE_CLOSED).variables();
        assertThat(employeeFile.entriesOf(employee)).extracting(EmployeeFileEntry::recordType).containsExactly(
                LadderStep.COACHING.recordType(), RECORD_TYPE_ACKNOWLEDGED, RECORD_TYPE_CLOSED);
    }

    @Test
    void seriousFirstOffenceStartsAtAWrittenWarning() {
        String employee = f.newEmployee("sam");
        ProcessInstance pi = f.open("sam", employee);
        f.document("sam", pi, true, "serious");

        assertThat(pi).isWaitingAt(ACKNOWLEDGE).variables().containsEntry(VAR_CORRECTIVE_ACTION, "written-warning");
        assertThat(employeeFile.entriesOf(employee)).extracting(EmployeeFileEntry::recordType)
                .containsExactly(LadderStep.WRITTEN_WARNING.recordType());
    }

    @Test
    void repeatComplaintsDuringMonitoringClimbTheLadderOneStepEachUpToHrWhoDismisses() {
        String employee = f.newEmployee("sam");
        ProcessInstance pi = f.open("sam", employee);
        f.document("sam", pi, true, "minor");
        assertThat(pi).variables().containsEntry(VAR_CORRECTIVE_ACTION, "coaching");
        f.acknowledge(employee, pi);

        // coaching -> written warning
        f.repeatComplaint(employee, "C-2026-REPEAT01");
        assertThat(pi).isWaitingAt(HOLD_CONVERSATION).hasPassed(REPEAT_COMPLAINT);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_COMPLAINT_REFERENCE)).isEqualTo("C-2026-REPEAT01");
        // a new conversation: the form shows nothing of the previous incident's account
        Map<String, Object> shown = formService.getTaskFormVariables(f.task(pi, HOLD_CONVERSATION).getId()).entrySet().stream()
                .filter(e -> e.getValue() != null).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(shown).doesNotContainKeys(VAR_WHAT_HAPPENED, VAR_EMPLOYEE_ACCOUNT, VAR_SUBSTANTIATED, VAR_SEVERITY);
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys(VAR_WHAT_HAPPENED, VAR_EMPLOYEE_ACCOUNT,
                VAR_SUBSTANTIATED, VAR_SEVERITY);
        f.document("sam", pi, true, "minor");
        assertThat(pi).isWaitingAt(ACKNOWLEDGE).variables().containsEntry(VAR_CORRECTIVE_ACTION, "written-warning")
                .containsEntry(VAR_PRIOR_ACTIONS_IN_WINDOW, 1).containsEntry(VAR_HIGHEST_PRIOR_RUNG, 1);

        // written warning -> final warning (even before the employee acknowledged the written warning)
        f.repeatComplaint(employee, "C-2026-REPEAT02");
        f.document("sam", pi, true, "minor");
        assertThat(pi).isWaitingAt(ACKNOWLEDGE).variables().containsEntry(VAR_CORRECTIVE_ACTION, "final-warning")
                .containsEntry(VAR_HIGHEST_PRIOR_RUNG, 2);
        f.acknowledge(employee, pi);

        // final warning -> HR review
        f.repeatComplaint(employee, "C-2026-REPEAT03");
        f.document("sam", pi, true, "minor");
        assertThat(pi).isWaitingAt(DECIDE_ON_DISMISSAL).variables().containsEntry(VAR_CORRECTIVE_ACTION, "hr-review");
        Task hrTask = f.task(pi, DECIDE_ON_DISMISSAL);
        assertThat(taskService.getIdentityLinksForTask(hrTask.getId())).extracting(l -> l.getGroupId()).contains("hr");

        f.decideHr("hana", pi, HR_DISMISS, "Three substantiated complaints in four months despite coaching and warnings.");

        assertThat(pi).isEnded().hasPassed(RECORD_HR_DECISION, EMPLOYEE_DISMISSED).hasNotPassed(CASE_CLOSED);
        List<EmployeeFileEntry> file = employeeFile.entriesOf(employee);
        assertThat(file).extracting(EmployeeFileEntry::recordType).containsExactly(
                LadderStep.COACHING.recordType(), RECORD_TYPE_ACKNOWLEDGED, LadderStep.WRITTEN_WARNING.recordType(),
                LadderStep.FINAL_WARNING.recordType(), RECORD_TYPE_ACKNOWLEDGED, LadderStep.HR_DISMISSED.recordType(), "left");
        EmployeeFileEntry dismissal = file.get(file.size() - 2);
        assertThat(dismissal.recordedBy()).isEqualTo("hana");
        assertThat(dismissal.summary()).contains("Three substantiated complaints");
    }

    @Test
    void unsubstantiatedRepeatComplaintReturnsToTheSameMonitoringPeriod() {
        String employee = f.newEmployee("sam");
        ProcessInstance pi = f.open("sam", employee);
        f.document("sam", pi, true, "minor");
        f.acknowledge(employee, pi);
        Date endsAt = (Date) runtimeService.getVariable(pi.getId(), VAR_MONITORING_ENDS_AT);

        f.repeatComplaint(employee, "C-2026-REPEAT09");
        f.document("sam", pi, false, null);

        assertThat(pi).isWaitingAt(MONITORING_PERIOD_OVER).hasPassed(RECORD_NOT_SUBSTANTIATED).hasNotPassed(NOT_SUBSTANTIATED);
        assertThat(f.monitoringTimer(pi).getDuedate()).isEqualTo(endsAt);
        assertThat(f.task(pi, ACKNOWLEDGE)).as("already acknowledged, not asked again").isNull();
        execute(f.monitoringTimer(pi));
        assertThat(pi).isEnded().hasPassed(CASE_CLOSED);
    }

    @Test
    void aDismissalMakesTheEmployeeALeaverWhoseAccountIsDisabledAndWhoseTasksGoBack() {
        String employee = f.newEmployee("sam");
        String report = f.newEmployee(employee);
        Task queued = standaloneTask("Call the customer back", employee, "agents");
        Task personal = standaloneTask("Finish the monthly queue report", employee, null);
        try {
            ProcessInstance pi = f.open("sam", employee);
            f.document("sam", pi, true, "gross-misconduct");
            assertThat(identityService.checkPassword(employee, employee)).isTrue();

            f.decideHr("hana", pi, HR_DISMISS, "Threatened a customer at the counter.");

            assertThat(pi).isEnded().hasPassed(RECORD_HR_DECISION, EMPLOYEE_DISMISSED);
            assertThat(leavers.isLeaver(employee)).isTrue();
            assertThat(leavers.find(employee).orElseThrow().recordedBy()).isEqualTo("hana");
            // the account: no password anyone knows, no groups; the user stays for names and history
            assertThat(identityService.checkPassword(employee, employee)).isFalse();
            assertThat(identityService.createGroupQuery().groupMember(employee).count()).isZero();
            assertThat(identityService.createUserQuery().userId(employee).count()).isEqualTo(1);
            // the work goes back: to the group it was offered to, else to the manager; the report moves up
            assertThat(taskService.createTaskQuery().taskId(queued.getId()).singleResult().getAssignee()).isNull();
            assertThat(taskService.createTaskQuery().taskId(personal.getId()).singleResult().getAssignee()).isEqualTo("sam");
            assertThat(reportingLines.managerOf(report)).isEqualTo("sam");
            // the file: HR's decision, then the leaving, both in HR's name
            List<EmployeeFileEntry> file = employeeFile.entriesOf(employee);
            assertThat(file).extracting(EmployeeFileEntry::recordType).containsExactly(LadderStep.HR_DISMISSED.recordType(), "left");
            assertThat(file.get(1).recordedBy()).isEqualTo("hana");
            assertThat(file.get(1).summary()).contains("Dismissed by HR's decision in corrective-action case " + pi.getBusinessKey())
                    .contains("Threatened a customer");
        } finally {
            taskService.deleteTask(queued.getId(), true);
            taskService.deleteTask(personal.getId(), true);
        }
    }

    @Test
    void theDismissedIsWhomTheCaseWasOpenedForNotWhomTheVariableNamesNow() {
        String employee = f.newEmployee("sam");
        String bystander = f.newEmployee("sam");
        ProcessInstance pi = f.open("sam", employee);
        f.document("sam", pi, true, "gross-misconduct");
        runtimeService.setVariable(pi.getId(), VAR_EMPLOYEE, bystander); // an administrator can rewrite the variable

        f.decideHr("hana", pi, HR_DISMISS, "Threatened a customer at the counter.");

        assertThat(leavers.isLeaver(employee)).isTrue();
        assertThat(leavers.isLeaver(bystander)).isFalse();
        assertThat(identityService.checkPassword(bystander, bystander)).isTrue();
    }

    private Task standaloneTask(String name, String assignee, String candidateGroup) {
        Task task = taskService.newTask();
        task.setName(name);
        task.setAssignee(assignee);
        taskService.saveTask(task);
        if (candidateGroup != null) {
            taskService.addCandidateGroup(task.getId(), candidateGroup);
        }
        return task;
    }

    @Test
    void grossMisconductGoesToHrWhoRetainsWithAFinalWarningThenMonitoringFollows() {
        String employee = f.newEmployee("sam");
        ProcessInstance pi = f.open("maria", employee); // a manager further up the line may open it too
        f.document("sam", pi, true, "gross-misconduct");

        assertThat(pi).isWaitingAt(DECIDE_ON_DISMISSAL).variables().containsEntry(VAR_CORRECTIVE_ACTION, "hr-review");
        f.decideHr("hana", pi, HR_RETAIN, "First incident in eight years of service; the customer accepted the apology.");

        assertThat(pi).hasPassed(RECORD_HR_DECISION).isWaitingAt(ACKNOWLEDGE);
        assertThat(employeeFile.entriesOf(employee)).extracting(EmployeeFileEntry::recordType)
                .containsExactly(LadderStep.HR_RETAINED.recordType());
        f.acknowledge(employee, pi);

        // after an HR review, the next substantiated complaint goes to HR again
        f.repeatComplaint(employee, "C-2026-REPEAT10");
        f.document("sam", pi, true, "minor");
        assertThat(pi).isWaitingAt(DECIDE_ON_DISMISSAL).variables().containsEntry(VAR_HIGHEST_PRIOR_RUNG, 4);
    }

    @Test
    void aNewCaseSeesTheActionsOfEarlierCasesWithinTheWindow() {
        String employee = f.newEmployee("sam");
        ProcessInstance first = f.open("sam", employee);
        f.document("sam", first, true, "minor");
        f.acknowledge(employee, first);
        execute(f.monitoringTimer(first));
        assertThat(first).isEnded();

        ProcessInstance second = f.open("sam", employee);
        f.document("sam", second, true, "minor");
        assertThat(second).isWaitingAt(ACKNOWLEDGE).variables().containsEntry(VAR_CORRECTIVE_ACTION, "written-warning");
    }

    @Test
    void anEmployeeWithoutAManagerIsTalkedToByHr() {
        String employee = f.newEmployee(null);
        // nobody is above them, so no manager can open a case; a complaint can, and HR holds the conversation
        assertThatThrownBy(() -> f.open("sam", employee)).isInstanceOf(Refused.class);
        assertThat(new CorrectiveActionCases(reportingLines, identityService, null, null, null, null).conversationGroups(null)).containsExactly("hr");
    }

    // --- guards -----------------------------------------------------------------------------------------------

    @Test
    void aManagerOutsideTheReportingLineCannotOpenACaseAndNothingStarts() {
        String employee = f.newEmployee("sam");
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();

        assertThatThrownBy(() -> f.open("henry", f.newEmployee(null))).isInstanceOf(Refused.class);
        String outsider = f.newEmployee("maria");
        identityService.createMembership(outsider, "supervisors");
        try {
            assertThatThrownBy(() -> f.open(outsider, employee)).isInstanceOf(Refused.class)
                    .hasMessageContaining("reporting line");
        } finally {
            // the shared database: other tests count who is a supervisor
            identityService.deleteMembership(outsider, "supervisors");
        }
        Map<String, Object> unknown = new HashMap<>(Map.of(VAR_EMPLOYEE, "nobodyhere", VAR_CONCERN, "x"));
        assertThatThrownBy(() -> f.as("sam", () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, unknown)))
                .isInstanceOf(Rejected.class).hasMessageContaining("nobodyhere");

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isEqualTo(before);
        assertThat(employeeFile.entriesOf(employee)).isEmpty();
    }

    @Test
    void onlyTheReportingLineDocumentsTheConversationAndOnlyCompletely() {
        String employee = f.newEmployee("sam");
        ProcessInstance pi = f.open("sam", employee);
        Task conversation = f.task(pi, HOLD_CONVERSATION);
        taskService.setAssignee(conversation.getId(), "hana"); // handed to someone outside the line

        assertThatThrownBy(() -> f.asUser("hana", () -> taskService.complete(conversation.getId(),
                CorrectiveActionFixtures.conversation(true, "minor")))).satisfies(e -> assertThat(root(e)).isInstanceOf(Refused.class));
        taskService.setAssignee(conversation.getId(), "sam");
        assertThatThrownBy(() -> f.asUser("sam", () -> taskService.complete(conversation.getId(),
                CorrectiveActionFixtures.conversation(true, "catastrophic")))).satisfies(e -> assertThat(root(e)).isInstanceOf(Rejected.class))
                .hasMessageContaining("severity");
        Map<String, Object> noAccount = CorrectiveActionFixtures.conversation(true, "minor");
        noAccount.put(VAR_EMPLOYEE_ACCOUNT, " ");
        assertThatThrownBy(() -> f.asUser("sam", () -> taskService.complete(conversation.getId(), noAccount)))
                .satisfies(e -> assertThat(root(e)).isInstanceOf(Rejected.class));

        assertThat(pi).isWaitingAt(HOLD_CONVERSATION);
        assertThat(employeeFile.entriesOf(employee)).isEmpty();
    }

    @Test
    void hrDecisionNeedsHrAndAReasonAndOnlyTheEmployeeAcknowledges() {
        String employee = f.newEmployee("sam");
        ProcessInstance pi = f.open("sam", employee);
        f.document("sam", pi, true, "gross-misconduct");
        Task hrTask = f.task(pi, DECIDE_ON_DISMISSAL);

        assertThatThrownBy(() -> f.decideHr("hana", pi, HR_DISMISS, " ")).satisfies(e -> assertThat(root(e)).isInstanceOf(Rejected.class))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> f.decideHr("hana", pi, "fire-them", "because")).satisfies(e -> assertThat(root(e)).isInstanceOf(Rejected.class));
        taskService.setAssignee(hrTask.getId(), "maria");
        assertThatThrownBy(() -> f.decideHr("maria", pi, HR_DISMISS, "because")).satisfies(e -> assertThat(root(e)).isInstanceOf(Refused.class));
        assertThat(pi).isWaitingAt(DECIDE_ON_DISMISSAL);
        assertThat(employeeFile.entriesOf(employee)).isEmpty();

        taskService.setAssignee(hrTask.getId(), null);
        f.decideHr("hana", pi, HR_RETAIN, "Long record of good service.");
        Task ack = f.task(pi, ACKNOWLEDGE);
        assertThatThrownBy(() -> f.asUser("sam", () -> taskService.complete(ack.getId(), Map.of(VAR_ACKNOWLEDGED, true))))
                .satisfies(e -> assertThat(root(e)).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class));
        assertThatThrownBy(() -> f.asUser(employee, () -> taskService.complete(ack.getId(), Map.of(VAR_ACKNOWLEDGED, false))))
                .satisfies(e -> assertThat(root(e)).isInstanceOf(Rejected.class));
        assertThat(pi).isWaitingAt(ACKNOWLEDGE);
    }

    // --- the look-back window -------------------------------------------------------------------------------------

    @Test
    void priorActionsCountInsideTheWindowIncludingItsEdgeAndNotBefore() {
        String employee = f.newEmployee("sam");
        java.time.Period window = java.time.Period.ofMonths(12);
        // a clock with nanoseconds (some machines' clocks have them): the database keeps microseconds
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS).plusNanos(123);
        Instant start = CorrectiveActionRecords.windowStart(now, window);
        insertBackdated(employee, LadderStep.WRITTEN_WARNING.recordType(), start.minus(1, ChronoUnit.MINUTES)); // spent
        insertBackdated(employee, RECORD_TYPE_NOT_SUBSTANTIATED, start.plus(1, ChronoUnit.DAYS)); // never counts
        assertThat(records.priorActions(employee, window, now)).isEqualTo(new CorrectiveActionRecords.PriorActions(0, 0));

        insertBackdated(employee, LadderStep.COACHING.recordType(), start); // the edge itself counts
        assertThat(records.priorActions(employee, window, now)).isEqualTo(new CorrectiveActionRecords.PriorActions(1, 1));

        insertBackdated(employee, LadderStep.FINAL_WARNING.recordType(), start.plus(1, ChronoUnit.MINUTES));
        assertThat(records.priorActions(employee, window, now)).isEqualTo(new CorrectiveActionRecords.PriorActions(2, 3));
    }

    @Test
    void aWarningOlderThanTheWindowIsSpentAndTheLadderStartsAgain() {
        String employee = f.newEmployee("sam");
        Instant start = CorrectiveActionRecords.windowStart(Instant.now(), java.time.Period.ofMonths(12));
        insertBackdated(employee, LadderStep.FINAL_WARNING.recordType(), start.minus(1, ChronoUnit.HOURS));
        insertBackdated(employee, LadderStep.COACHING.recordType(), start.plus(1, ChronoUnit.HOURS));

        ProcessInstance pi = f.open("sam", employee);
        f.document("sam", pi, true, "minor");

        assertThat(pi).variables().containsEntry(VAR_PRIOR_ACTIONS_IN_WINDOW, 1).containsEntry(VAR_HIGHEST_PRIOR_RUNG, 1)
                .containsEntry(VAR_CORRECTIVE_ACTION, "written-warning");
    }

    /** Test fixture only: an old record, as the file would hold it had it been appended back then. */
    private void insertBackdated(String employee, String recordType, Instant at) {
        jdbc.update("INSERT INTO employee_file_entry (employee_id, recorded_at, record_type, summary, recorded_by, unique_key)"
                + " VALUES (?, ?, ?, ?, ?, ?)", employee, java.sql.Timestamp.from(at), recordType, "Backdated test record",
                "sam", "test:" + java.util.UUID.randomUUID());
    }

    /** Exceptions thrown by task listeners reach the caller wrapped by the engine (ENGINE-03051). */
    static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private ProcessDefinition latest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
    }
}
