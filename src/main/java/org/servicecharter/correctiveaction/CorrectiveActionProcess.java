package org.servicecharter.correctiveaction;

import java.util.List;

/**
 * The corrective-action model's names, shared by code and tests: process and decision keys, element ids, messages,
 * forms, variables and the employee-file record types. {@code processes/corrective-action.bpmn} and
 * {@code processes/corrective-action-ladder.dmn} are the source of truth; a test fails if an id here is not there.
 *
 * <p>The message names are the contract with complaint handling, which sends them by name (it does not import this
 * package): {@link #MESSAGE_REQUESTED} starts a case, {@link #MESSAGE_REPEAT_COMPLAINT} reaches a case in monitoring.
 */
public final class CorrectiveActionProcess {

    private CorrectiveActionProcess() {
    }

    public static final String PROCESS_KEY = "corrective-action";
    public static final String LOOK_BACK_DECISION_KEY = "corrective-action-look-back";
    public static final String LADDER_DECISION_KEY = "corrective-action-ladder";

    // forms
    public static final String FORM_REQUEST = "corrective-action-request";
    public static final String FORM_CONVERSATION = "hold-corrective-conversation";
    public static final String FORM_HR_REVIEW = "decide-corrective-hr-review";
    public static final String FORM_ACKNOWLEDGE = "acknowledge-corrective-action";

    // element ids
    public static final String START_BY_MANAGER = "StartEvent_ManagerRaisedConcern";
    public static final String START_BY_COMPLAINT = "StartEvent_CorrectiveActionRequested";
    public static final String OPEN_CASE = "ServiceTask_OpenCase";
    public static final String HOLD_CONVERSATION = "Task_HoldConversation";
    public static final String SUBSTANTIATED = "Gateway_Substantiated";
    public static final String RECORD_NOT_SUBSTANTIATED = "ServiceTask_RecordNotSubstantiated";
    public static final String NOT_SUBSTANTIATED = "EndEvent_NotSubstantiated";
    public static final String LOOK_UP_LOOK_BACK_WINDOW = "BusinessRuleTask_LookUpLookBackWindow";
    public static final String COUNT_PRIOR_ACTIONS = "ServiceTask_CountPriorActions";
    public static final String DECIDE_LADDER_STEP = "BusinessRuleTask_DecideLadderStep";
    public static final String RECORD_CORRECTIVE_ACTION = "ServiceTask_RecordCorrectiveAction";
    public static final String DECIDE_ON_DISMISSAL = "Task_DecideOnDismissal";
    public static final String RECORD_HR_DECISION = "ServiceTask_RecordHrDecision";
    public static final String EMPLOYEE_DISMISSED = "EndEvent_EmployeeDismissed";
    public static final String MONITOR_BEHAVIOUR = "SubProcess_MonitorBehaviour";
    public static final String ACKNOWLEDGE = "Task_AcknowledgeCorrectiveAction";
    public static final String RECORD_ACKNOWLEDGEMENT = "ServiceTask_RecordAcknowledgement";
    public static final String MONITORING_PERIOD_OVER = "IntermediateCatchEvent_MonitoringPeriodOver";
    public static final String REPEAT_COMPLAINT = "BoundaryEvent_RepeatComplaint";
    public static final String CLOSE_CASE = "ServiceTask_CloseCase";
    public static final String CASE_CLOSED = "EndEvent_CaseClosed";

    // messages (by name; complaint handling uses the same strings)
    public static final String MESSAGE_REQUESTED = "CorrectiveActionRequested";
    public static final String MESSAGE_REPEAT_COMPLAINT = "CorrectiveActionRepeatComplaint";

    // variables: the case
    public static final String VAR_EMPLOYEE = "employee";
    /** The employee's name as the forms and task cards show it (the user id stays in {@link #VAR_EMPLOYEE}). */
    public static final String VAR_EMPLOYEE_NAME = "employeeName";
    public static final String VAR_CONCERN = "concern";
    public static final String VAR_COMPLAINT_REFERENCE = "complaintReference";
    public static final String VAR_REQUESTED_BY = "requestedBy";
    public static final String VAR_CONVERSATION_LEAD = "conversationLead";
    // variables: the conversation (form hold-corrective-conversation)
    public static final String VAR_WHAT_HAPPENED = "whatHappened";
    public static final String VAR_EMPLOYEE_ACCOUNT = "employeeAccount";
    public static final String VAR_SUBSTANTIATED = "substantiated";
    public static final String VAR_SEVERITY = "severity";
    /** Optional: the handbook rule the behaviour broke, in the manager's words (recorded with the case). */
    public static final String VAR_BROKEN_HANDBOOK_RULE = "brokenHandbookRule";
    public static final String VAR_DOCUMENTED_BY = "documentedBy";
    // variables: the ladder
    public static final String VAR_LOOK_BACK_WINDOW = "lookBackWindow";
    public static final String VAR_PRIOR_ACTIONS_IN_WINDOW = "priorActionsInWindow";
    public static final String VAR_HIGHEST_PRIOR_RUNG = "highestPriorRung";
    public static final String VAR_CORRECTIVE_ACTION = "correctiveAction";
    // variables: HR review (form decide-corrective-hr-review)
    public static final String VAR_LADDER_HISTORY = "ladderHistory";
    public static final String VAR_HR_DECISION = "hrDecision";
    public static final String VAR_HR_REASON = "hrReason";
    public static final String VAR_HR_DECIDED_BY = "hrDecidedBy";
    // variables: monitoring and acknowledgement (form acknowledge-corrective-action)
    public static final String VAR_MONITORING_ENDS_AT = "monitoringEndsAt";
    public static final String VAR_ACKNOWLEDGEMENT_PENDING = "acknowledgementPending";
    public static final String VAR_ACKNOWLEDGED = "acknowledged";
    public static final String VAR_EMPLOYEE_COMMENT = "employeeComment";
    public static final String VAR_OUTCOME = "outcome";

    // values
    public static final List<String> SEVERITIES = List.of("minor", "serious", "gross-misconduct");
    public static final String HR_RETAIN = "retain-with-final-warning";
    public static final String HR_DISMISS = "dismiss";
    public static final List<String> HR_DECISIONS = List.of(HR_RETAIN, HR_DISMISS);

    public static final String OUTCOME_NOT_SUBSTANTIATED = "not-substantiated";
    public static final String OUTCOME_DISMISSED = "dismissed";
    public static final String OUTCOME_CLOSED = "closed-after-clean-monitoring";

    // employee file record types besides the ladder's own (see LadderStep)
    public static final String RECORD_TYPE_NOT_SUBSTANTIATED = "corrective-action-not-substantiated";
    public static final String RECORD_TYPE_ACKNOWLEDGED = "corrective-action-acknowledged";
    public static final String RECORD_TYPE_CLOSED = "corrective-action-closed";

    public static final int MAX_TEXT = 2000;
}
