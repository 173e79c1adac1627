package org.servicecharter.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.complaint.ComplaintProcess;
import org.servicecharter.platform.Refused;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The trail of a scripted complaint ({@link AuditScenario}): every event it is known to have produced, in order,
 * with who and when - asserted entry by entry - and the details that an auditor opens.
 */
@ServiceCharterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class AuditTrailTests {

    /**
     * offset from T0 | type | activity | user | summary (business key as REF, the survey token's hash as HASH, the
     * goodwill's approval request as APPROVAL).
     */
    static final String EXPECTED = """
            0:00:00 | instance-started |  | alice | Instance started by alice with business key REF
            0:00:00 | user-operation |  | alice | alice: Create ProcessInstance
            0:00:00 | variable-set |  | alice | Variable receivedBy set to "alice"
            0:00:00 | variable-set |  | alice | Variable customerEmail set to "carla@example.com"
            0:00:00 | variable-set |  | alice | Variable complaintReference set to "REF"
            0:00:00 | variable-set |  | alice | Variable channel set to "phone"
            0:00:00 | variable-set |  | alice | Variable description set to "The parcel came a week late and the courier was rude."
            0:00:00 | variable-set |  | alice | Variable orderReference set to "ORD-7"
            0:00:00 | variable-set |  | alice | Variable aboutEmployee set to "maria"
            0:00:00 | variable-set |  | alice | Variable category set to "delivery"
            0:00:00 | variable-set |  | alice | Variable customerName set to "Carla Customer"
            0:00:00 | activity-entered | StartEvent_ComplaintReceived |  | Entered startEvent "Complaint received"
            0:00:00 | activity-left | StartEvent_ComplaintReceived |  | Left startEvent "Complaint received"
            0:00:00 | activity-entered | ServiceTask_RegisterComplaint |  | Entered serviceTask "Register complaint"
            0:00:00 | variable-set | ServiceTask_RegisterComplaint |  | Variable goodwillProposed set to false
            0:00:00 | variable-set | ServiceTask_RegisterComplaint |  | Variable recoveryThreshold set to 2
            0:00:00 | variable-set | ServiceTask_RegisterComplaint |  | Variable surveyTimeout set to "PT336H"
            0:00:00 | activity-left | ServiceTask_RegisterComplaint |  | Left serviceTask "Register complaint"
            0:00:00 | activity-entered | BusinessRuleTask_ClassifyComplaint |  | Entered businessRuleTask "Classify complaint"
            0:00:00 | decision-evaluated | BusinessRuleTask_ClassifyComplaint |  | Decision "Classify complaint" evaluated with Complaint category="delivery" Channel the complaint came in by="phone" → 1 rule(s) matched #1 {handlingGroup=agents, managerEscalationDuration=P1D, priority=medium, slaDuration=PT8H}
            0:00:00 | variable-set |  | alice | Variable priority set to "medium"
            0:00:00 | variable-set |  | alice | Variable slaDuration set to "PT8H"
            0:00:00 | variable-set |  | alice | Variable managerEscalationDuration set to "P1D"
            0:00:00 | variable-set |  | alice | Variable handlingGroup set to "agents"
            0:00:00 | activity-left | BusinessRuleTask_ClassifyComplaint |  | Left businessRuleTask "Classify complaint"
            0:00:00 | activity-entered | SubProcess_HandleComplaint |  | Entered subProcess "Handle complaint within SLA"
            0:00:00 | activity-entered | StartEvent_HandlingStarted |  | Entered startEvent "Handling started"
            0:00:00 | activity-left | StartEvent_HandlingStarted |  | Left startEvent "Handling started"
            0:00:00 | activity-entered | Task_HandleComplaint |  | Entered userTask "Contact customer, apologise and resolve"
            0:00:00 | task-created | Task_HandleComplaint |  | Task "Contact customer, apologise and resolve" created, due 2026-03-02T17:00:00Z
            0:00:00 | task-offered | Task_HandleComplaint | alice | Offered "Contact customer, apologise and resolve" to group agents
            0:00:00 | task-withheld | Task_HandleComplaint |  | "Contact customer, apologise and resolve" kept out of maria's task lists: the case is about them
            0:00:00 | variable-set | Task_HandleComplaint |  | Variable aboutEmployeeName set to "Maria Manager"
            0:00:00 | variable-set | Task_HandleComplaint |  | Variable categoryLabel set to "Delivery (late, missing, damaged)"
            0:05:00 | user-operation |  | alice | alice: Claim Task "Contact customer, apologise and resolve" (assignee: null → alice)
            0:05:00 | task-claimed | Task_HandleComplaint | alice | alice claimed "Contact customer, apologise and resolve"
            0:10:00 | user-operation |  | demo | demo: Assign Task "Contact customer, apologise and resolve" (assignee: alice → bob) — annotation: Alice is on leave this afternoon
            0:10:00 | task-unassigned | Task_HandleComplaint | demo | "Contact customer, apologise and resolve" no longer assigned to alice
            0:10:00 | task-assigned | Task_HandleComplaint | demo | "Contact customer, apologise and resolve" assigned to bob by demo
            0:15:00 | user-operation |  | demo | demo: SetVariable Variable
            0:15:00 | variable-changed | SubProcess_HandleComplaint | demo | Variable priority changed: "medium" → "high"
            0:20:00 | comment |  | bob | bob commented on "Contact customer, apologise and resolve": Called the customer: the parcel is at the depot.
            1d 0:00:00 | timer-fired | BoundaryEvent_SlaBreached |  | Timer fired: boundaryTimer "SLA breached"
            1d 0:00:00 | activity-entered | BoundaryEvent_SlaBreached |  | Entered boundaryTimer "SLA breached"
            1d 0:00:00 | activity-left | BoundaryEvent_SlaBreached |  | Left boundaryTimer "SLA breached"
            1d 0:00:00 | activity-entered | Task_FollowUpOverdueComplaint |  | Entered userTask "Follow up overdue complaint"
            1d 0:00:00 | task-created | Task_FollowUpOverdueComplaint |  | Task "Follow up overdue complaint" created
            1d 0:00:00 | task-offered | Task_FollowUpOverdueComplaint |  | Offered "Follow up overdue complaint" to group supervisors
            1d 0:00:00 | task-withheld | Task_FollowUpOverdueComplaint |  | "Follow up overdue complaint" kept out of maria's task lists: the case is about them
            1d 0:00:00 | variable-set | Task_FollowUpOverdueComplaint |  | Variable aboutEmployeeName set to "Maria Manager"
            1d 0:00:00 | variable-set | Task_FollowUpOverdueComplaint |  | Variable categoryLabel set to "Delivery (late, missing, damaged)"
            1d 1:30:00 | user-operation |  | bob | bob: Complete Task "Contact customer, apologise and resolve" (delete: false → true)
            1d 1:30:00 | variable-set | Task_HandleComplaint | bob | Variable apologised set to true
            1d 1:30:00 | variable-set | Task_HandleComplaint | bob | Variable goodwillAmount set to 15.0
            1d 1:30:00 | variable-set | Task_HandleComplaint | bob | Variable goodwillReason set to "A week late"
            1d 1:30:00 | variable-set | Task_HandleComplaint | bob | Variable resolution set to "Apologised; parcel delivered by hand."
            1d 1:30:00 | variable-set | Task_HandleComplaint | bob | Variable customerContacted set to true
            1d 1:30:00 | variable-changed | Task_HandleComplaint | bob | Variable goodwillProposed changed: false → true
            1d 1:30:00 | task-completed | Task_HandleComplaint | bob | "Contact customer, apologise and resolve" completed by bob
            1d 1:30:00 | activity-left | Task_HandleComplaint |  | Left userTask "Contact customer, apologise and resolve"
            1d 1:30:00 | activity-entered | EndEvent_ComplaintHandled |  | Entered terminateEndEvent "Complaint handled"
            1d 1:30:00 | task-ended | Task_FollowUpOverdueComplaint |  | "Follow up overdue complaint" ended: deleted
            1d 1:30:00 | activity-left | Task_FollowUpOverdueComplaint |  | Cancelled userTask "Follow up overdue complaint"
            1d 1:30:00 | activity-left | EndEvent_ComplaintHandled |  | Left terminateEndEvent "Complaint handled"
            1d 1:30:00 | timer-cancelled | BoundaryEvent_SecondSlaBreach |  | Timer of BoundaryEvent_SecondSlaBreach cancelled (due 2026-03-03T09:00:00Z)
            1d 1:30:00 | activity-left | SubProcess_HandleComplaint |  | Left subProcess "Handle complaint within SLA"
            1d 1:30:00 | activity-entered | Gateway_HandlingDone |  | Entered exclusiveGateway "Gateway_HandlingDone"
            1d 1:30:00 | activity-left | Gateway_HandlingDone |  | Left exclusiveGateway "Gateway_HandlingDone"
            1d 1:30:00 | activity-entered | ServiceTask_RecordResolution |  | Entered serviceTask "Record resolution"
            1d 1:30:00 | variable-set | ServiceTask_RecordResolution |  | Variable resolvedBy set to "bob"
            1d 1:30:00 | activity-left | ServiceTask_RecordResolution |  | Left serviceTask "Record resolution"
            1d 1:30:00 | activity-entered | Gateway_GoodwillProposed |  | Entered exclusiveGateway "Goodwill gesture proposed?"
            1d 1:30:00 | activity-left | Gateway_GoodwillProposed |  | Left exclusiveGateway "Goodwill gesture proposed?"
            1d 1:30:00 | activity-entered | CallActivity_RequestGoodwillApproval |  | Entered callActivity "Have the goodwill gesture decided by the approval tiers"
            1d 1:30:00 | variable-set | CallActivity_RequestGoodwillApproval | bob | Variable goodwillApprovalRequest set to "APPROVAL"
            1d 1:30:00 | variable-set | CallActivity_RequestGoodwillApproval | bob | Variable goodwillApproved set to true
            1d 1:30:00 | variable-set | CallActivity_RequestGoodwillApproval | bob | Variable goodwillApprovedAmount set to 15.0
            1d 1:30:00 | variable-set | CallActivity_RequestGoodwillApproval | bob | Variable goodwillOutcome set to "approved"
            1d 1:30:00 | variable-set | CallActivity_RequestGoodwillApproval | bob | Variable goodwillDecidedBy set to "bob"
            1d 1:30:00 | variable-set | CallActivity_RequestGoodwillApproval | bob | Variable goodwillDecisionReason set to "Within the requester's own authority (self-authorised)."
            1d 1:30:00 | activity-left | CallActivity_RequestGoodwillApproval |  | Left callActivity "Have the goodwill gesture decided by the approval tiers"
            1d 1:30:00 | activity-entered | ServiceTask_RecordGoodwillOutcome |  | Entered serviceTask "Record the goodwill decision"
            1d 1:30:00 | activity-left | ServiceTask_RecordGoodwillOutcome |  | Left serviceTask "Record the goodwill decision"
            1d 1:30:00 | activity-entered | Gateway_GoodwillRecorded |  | Entered exclusiveGateway "Gateway_GoodwillRecorded"
            1d 1:30:00 | activity-left | Gateway_GoodwillRecorded |  | Left exclusiveGateway "Gateway_GoodwillRecorded"
            1d 1:30:00 | activity-entered | Gateway_AboutEmployee |  | Entered exclusiveGateway "Complaint about an employee?"
            1d 1:30:00 | activity-left | Gateway_AboutEmployee |  | Left exclusiveGateway "Complaint about an employee?"
            1d 1:30:00 | activity-entered | ServiceTask_FlagForCorrectiveAction |  | Entered serviceTask "Flag for corrective action"
            1d 1:30:00 | activity-left | ServiceTask_FlagForCorrectiveAction |  | Left serviceTask "Flag for corrective action"
            1d 1:30:00 | activity-entered | ServiceTask_HandToCorrectiveAction |  | Entered serviceTask "Hand the complaint to corrective action"
            1d 1:30:00 | variable-set | ServiceTask_HandToCorrectiveAction | bob | Variable message set to "CorrectiveActionRepeatComplaint"
            1d 1:30:00 | variable-set | ServiceTask_HandToCorrectiveAction | bob | Variable correlationVariable set to "employee"
            1d 1:30:00 | variable-set | ServiceTask_HandToCorrectiveAction | bob | Variable correlationValue set to "maria"
            1d 1:30:00 | variable-set | ServiceTask_HandToCorrectiveAction | bob | Variable otherwiseStart set to "CorrectiveActionRequested"
            1d 1:30:00 | variable-set | ServiceTask_HandToCorrectiveAction | bob | Variable businessKey set to "REF"
            1d 1:30:00 | variable-set | ServiceTask_HandToCorrectiveAction | bob | Variable payload.employee set to "maria"
            1d 1:30:00 | variable-set | ServiceTask_HandToCorrectiveAction | bob | Variable payload.complaintReference set to "REF"
            1d 1:30:00 | variable-set | ServiceTask_HandToCorrectiveAction | bob | Variable payload.concern set to "The parcel came a week late and the courier was rude."
            1d 1:30:00 | activity-left | ServiceTask_HandToCorrectiveAction |  | Left serviceTask "Hand the complaint to corrective action"
            1d 1:30:00 | activity-entered | Gateway_EmployeeChecked |  | Entered exclusiveGateway "Gateway_EmployeeChecked"
            1d 1:30:00 | activity-left | Gateway_EmployeeChecked |  | Left exclusiveGateway "Gateway_EmployeeChecked"
            1d 1:30:00 | activity-entered | Gateway_CustomerHasEmail |  | Entered exclusiveGateway "Do we have the customer's e-mail address?"
            1d 1:30:00 | activity-left | Gateway_CustomerHasEmail |  | Left exclusiveGateway "Do we have the customer's e-mail address?"
            1d 1:31:00 | activity-entered | ServiceTask_SendSurvey |  | Entered serviceTask "Send survey to customer"
            1d 1:31:00 | variable-set | ServiceTask_SendSurvey |  | Variable surveyTokenHash set to "HASH"
            1d 1:31:00 | activity-left | ServiceTask_SendSurvey |  | Left serviceTask "Send survey to customer"
            1d 1:31:00 | activity-entered | ReceiveTask_AwaitSurveyAnswer |  | Entered receiveTask "Await survey answer"
            1d 3:00:00 | variable-set | ReceiveTask_AwaitSurveyAnswer |  | Variable surveyRating set to 4
            1d 3:00:00 | timer-cancelled | BoundaryEvent_SurveyExpired |  | Timer of BoundaryEvent_SurveyExpired cancelled (due 2026-03-17T10:31:00Z)
            1d 3:00:00 | activity-left | ReceiveTask_AwaitSurveyAnswer |  | Left receiveTask "Await survey answer"
            1d 3:00:00 | activity-entered | Gateway_SurveyAnswerReceived |  | Entered exclusiveGateway "Gateway_SurveyAnswerReceived"
            1d 3:00:00 | activity-left | Gateway_SurveyAnswerReceived |  | Left exclusiveGateway "Gateway_SurveyAnswerReceived"
            1d 3:00:00 | activity-entered | ServiceTask_RecordSurveyAnswer |  | Entered serviceTask "Record the customer's survey answer"
            1d 3:00:00 | variable-set | ServiceTask_RecordSurveyAnswer |  | Variable surveyResolved set to true
            1d 3:00:00 | activity-left | ServiceTask_RecordSurveyAnswer |  | Left serviceTask "Record the customer's survey answer"
            1d 3:00:00 | activity-entered | Gateway_SurveyResult |  | Entered exclusiveGateway "Is the customer satisfied and the issue resolved?"
            1d 3:00:00 | activity-left | Gateway_SurveyResult |  | Left exclusiveGateway "Is the customer satisfied and the issue resolved?"
            1d 3:00:00 | activity-entered | EndEvent_ComplaintClosed |  | Entered noneEndEvent "Complaint closed"
            1d 3:00:00 | activity-left | EndEvent_ComplaintClosed |  | Left noneEndEvent "Complaint closed"
            1d 3:00:00 | instance-ended | EndEvent_ComplaintClosed |  | Instance ended (COMPLETED)
            """;

    @Autowired
    ProcessEngine engine;
    @Autowired
    AuditTrailService trails;
    @Autowired
    IdentityService identityService;

    String reference;
    String processInstanceId;
    AuditTrail trail;

    @BeforeAll
    void scriptAComplaint() {
        reference = "C-AUDIT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        processInstanceId = new AuditScenario(engine).run(reference);
        identityService.setAuthentication("audrey", List.of("auditors", "employees"));
        try {
            trail = trails.trail(processInstanceId);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @AfterEach
    void noAuthenticationLeftBehind() {
        identityService.clearAuthentication();
    }

    @Test
    void theTimelineHasExactlyTheKnownEntriesInOrder() {
        List<String> actual = trail.timeline().stream().map(entry -> line(entry, reference)).toList();
        assertThat(actual).containsExactlyElementsOf(EXPECTED.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        assertThat(trail.timeline()).extracting(TimelineEntry::seq)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, actual.size()).boxed().toList());
    }

    @Test
    void theInstanceSummaryNamesModelVersionAndState() {
        assertThat(trail.instance().id()).isEqualTo(processInstanceId);
        assertThat(trail.instance().businessKey()).isEqualTo(reference);
        assertThat(trail.instance().processDefinitionKey()).isEqualTo(ComplaintProcess.PROCESS_KEY);
        assertThat(trail.instance().processDefinitionName()).isEqualTo("Complaint handling");
        assertThat(trail.instance().state()).isEqualTo("COMPLETED");
        assertThat(trail.instance().startUserId()).isEqualTo("alice");
        assertThat(trail.instance().startTime()).isEqualTo(AuditScenario.T0);
        assertThat(trail.instance().endTime()).isEqualTo(AuditScenario.at("1d 3:00"));
    }

    @Test
    void theDecisionShowsItsInputsAndTheMatchedRule() {
        TimelineEntry decision = only("decision-evaluated");
        assertThat(decision.details()).containsEntry("decisionKey", ComplaintProcess.DECISION_KEY);
        assertThat((List<Map<String, Object>>) decision.details().get("inputs"))
                .extracting(input -> input.get("value")).containsExactly("delivery", "phone");
        List<Map<String, Object>> rules = (List<Map<String, Object>>) decision.details().get("matchedRules");
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0)).containsEntry("ruleId", "Rule_Delivery");
        assertThat((Map<String, Object>) rules.get(0).get("outputs")).containsEntry("priority", "medium")
                .containsEntry("slaDuration", "PT8H").containsEntry("handlingGroup", "agents");
    }

    @Test
    void theReassignmentCarriesItsAnnotationAndTheVariableChangeItsOldAndNewValue() {
        TimelineEntry assign = trail.timeline().stream().filter(e -> "user-operation".equals(e.type())
                && "Assign".equals(e.details().get("operationType"))).findFirst().orElseThrow();
        assertThat(assign.user()).isEqualTo("demo");
        assertThat(assign.details()).containsEntry("annotation", AuditScenario.ANNOTATION);
        assertThat((List<Map<String, Object>>) assign.details().get("changes"))
                .containsExactly(Map.of("property", "assignee", "oldValue", "alice", "newValue", "bob"));

        TimelineEntry priority = trail.timeline().stream().filter(e -> "variable-changed".equals(e.type())
                && "priority".equals(e.details().get("variable"))).findFirst().orElseThrow();
        assertThat(priority.details()).containsEntry("oldValue", "medium").containsEntry("newValue", "high")
                .containsEntry("revision", 1);
        assertThat(priority.user()).isEqualTo("demo");
        assertThat(priority.time()).isEqualTo(AuditScenario.at("0:15"));

        TimelineEntry comment = only("comment");
        assertThat(comment.details()).containsEntry("message", AuditScenario.COMMENT);
    }

    @Test
    void theDiagramPathMarksPassedCancelledAndTakenFlows() {
        AuditTrail.DiagramPath path = trail.path();
        assertThat(path.currentActivityIds()).isEmpty();
        assertThat(path.activities()).filteredOn(a -> a.state().equals("canceled"))
                .extracting(AuditTrail.ActivityState::activityId).containsExactly(ComplaintProcess.FOLLOW_UP_OVERDUE);
        assertThat(path.activities()).extracting(AuditTrail.ActivityState::activityId)
                .contains(ComplaintProcess.SLA_BREACHED, ComplaintProcess.FLAG_FOR_CORRECTIVE_ACTION,
                        ComplaintProcess.END_CLOSED_WITH_SURVEY)
                .doesNotContain(ComplaintProcess.MANAGER_RESOLVES, ComplaintProcess.END_CLOSED_WITHOUT_SURVEY);
        var model = engine.getRepositoryService().getBpmnModelInstance(path.processDefinitionId());
        List<String> taken = path.takenSequenceFlows().stream().map(id -> {
            var flow = (org.camunda.bpm.model.bpmn.instance.SequenceFlow) model.getModelElementById(id);
            return flow.getSource().getId() + "->" + flow.getTarget().getId();
        }).toList();
        assertThat(taken).contains(
                ComplaintProcess.START_EVENT + "->" + ComplaintProcess.REGISTER_COMPLAINT,
                ComplaintProcess.SLA_BREACHED + "->" + ComplaintProcess.FOLLOW_UP_OVERDUE,
                ComplaintProcess.AWAIT_SURVEY_ANSWER + "->" + ComplaintProcess.GATEWAY_SURVEY_ANSWER_RECEIVED,
                ComplaintProcess.RECORD_SURVEY_ANSWER + "->" + ComplaintProcess.GATEWAY_SURVEY_RESULT,
                ComplaintProcess.GATEWAY_SURVEY_RESULT + "->" + ComplaintProcess.END_CLOSED_WITH_SURVEY);
        assertThat(taken).noneMatch(flow -> flow.endsWith(ComplaintProcess.MANAGER_RESOLVES)
                || flow.endsWith(ComplaintProcess.END_CLOSED_WITHOUT_SURVEY) || flow.startsWith(ComplaintProcess.FOLLOW_UP_OVERDUE)
                || flow.endsWith(ComplaintProcess.REOPEN_FOR_SERVICE_RECOVERY) || flow.endsWith(ComplaintProcess.CALL_CUSTOMER_FOR_SURVEY));
    }

    @Test
    void onlyAuditorsAndAdministratorsGetATrail() {
        identityService.setAuthentication("olga", List.of("process-owners", "employees"));
        assertThatThrownBy(() -> trails.trail(processInstanceId)).isInstanceOf(Refused.class)
                .hasMessageContaining("auditors");
        identityService.setAuthentication("demo", List.of("camunda-admin"));
        assertThat(trails.trail(processInstanceId).timeline()).hasSize(trail.timeline().size());
    }

    private TimelineEntry only(String type) {
        List<TimelineEntry> entries = trail.timeline().stream().filter(e -> type.equals(e.type())).toList();
        assertThat(entries).as(type).hasSize(1);
        return entries.get(0);
    }

    static String line(TimelineEntry e, String reference) {
        String summary = e.summary().replace(reference, "REF").replaceAll("[0-9a-f]{64}", "HASH")
                .replaceAll("AR-\\d{4}-[0-9A-Z]{8}", "APPROVAL");
        return offset(e) + " | " + e.type() + " | " + (e.activityId() == null ? "" : e.activityId()) + " | "
                + (e.user() == null ? "" : e.user()) + " | " + summary;
    }

    static String offset(TimelineEntry e) {
        Duration d = Duration.between(AuditScenario.T0, e.time());
        return (d.toDays() > 0 ? d.toDays() + "d " : "") + String.format("%d:%02d:%02d", d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    }
}
