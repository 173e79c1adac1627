package org.servicecharter.complaint;

/**
 * The complaint-handling model's names, shared by code and tests: process key, element ids,
 * message names and variable names. The model in {@code processes/complaint-handling.bpmn} is the
 * source of truth; a test fails if an id here does not exist there.
 */
public final class ComplaintProcess {

    private ComplaintProcess() {
    }

    public static final String PROCESS_KEY = "complaint-handling";
    public static final String DECISION_KEY = "complaint-classification";

    // element ids
    public static final String START_EVENT = "StartEvent_ComplaintReceived";
    public static final String REGISTER_COMPLAINT = "ServiceTask_RegisterComplaint";
    public static final String CLASSIFY_COMPLAINT = "BusinessRuleTask_ClassifyComplaint";
    public static final String HANDLING_SUBPROCESS = "SubProcess_HandleComplaint";
    public static final String HANDLE_COMPLAINT = "Task_HandleComplaint";
    public static final String SLA_BREACHED = "BoundaryEvent_SlaBreached";
    public static final String FOLLOW_UP_OVERDUE = "Task_FollowUpOverdueComplaint";
    public static final String SECOND_SLA_BREACH = "BoundaryEvent_SecondSlaBreach";
    public static final String MANAGER_RESOLVES = "Task_ManagerResolvesComplaint";
    public static final String RECORD_RESOLUTION = "ServiceTask_RecordResolution";
    public static final String REQUEST_GOODWILL_APPROVAL = "CallActivity_RequestGoodwillApproval";
    public static final String RECORD_GOODWILL_OUTCOME = "ServiceTask_RecordGoodwillOutcome";
    /** @deprecated the goodwill request is now decided by the approval tiers: {@link #REQUEST_GOODWILL_APPROVAL}. */
    @Deprecated
    public static final String RECORD_GOODWILL_REQUEST = REQUEST_GOODWILL_APPROVAL;
    public static final String FLAG_FOR_CORRECTIVE_ACTION = "ServiceTask_FlagForCorrectiveAction";
    public static final String HAND_TO_CORRECTIVE_ACTION = "ServiceTask_HandToCorrectiveAction";
    public static final String SEND_SURVEY = "ServiceTask_SendSurvey";
    public static final String AWAIT_SURVEY_ANSWER = "ReceiveTask_AwaitSurveyAnswer";
    public static final String SURVEY_EXPIRED = "BoundaryEvent_SurveyExpired";
    public static final String END_CLOSED_WITH_SURVEY = "EndEvent_ComplaintClosed";
    public static final String END_CLOSED_WITHOUT_SURVEY = "EndEvent_ClosedWithoutSurvey";
    /** With an e-mail address (the register's) the survey goes by mail; without one an agent calls the customer. */
    public static final String GATEWAY_CUSTOMER_HAS_EMAIL = "Gateway_CustomerHasEmail";
    public static final String CALL_CUSTOMER_FOR_SURVEY = "Task_CallCustomerForSurvey";
    public static final String GATEWAY_CUSTOMER_REACHED = "Gateway_CustomerReached";
    public static final String END_CUSTOMER_NOT_REACHED = "EndEvent_CustomerNotReachedForSurvey";
    /** The call not made within the survey's window ({@link #VAR_SURVEY_TIMEOUT}, as the e-mailed link's). */
    public static final String SURVEY_CALL_EXPIRED = "BoundaryEvent_SurveyCallExpired";
    public static final String END_SURVEY_CALL_NOT_MADE = "EndEvent_SurveyCallNotMade";
    public static final String GATEWAY_SURVEY_ANSWER_RECEIVED = "Gateway_SurveyAnswerReceived";
    public static final String RECORD_SURVEY_ANSWER = "ServiceTask_RecordSurveyAnswer";
    public static final String GATEWAY_SURVEY_RESULT = "Gateway_SurveyResult";
    public static final String REOPEN_FOR_SERVICE_RECOVERY = "ServiceTask_ReopenForServiceRecovery";
    public static final String RECOVER_SERVICE = "Task_RecoverService";
    public static final String RECORD_RECOVERY_OUTCOME = "ServiceTask_RecordRecoveryOutcome";
    public static final String END_CLOSED_AFTER_SERVICE_RECOVERY = "EndEvent_ClosedAfterServiceRecovery";

    // messages
    public static final String MESSAGE_SURVEY_ANSWERED = "CustomerSurveyAnswered";

    // the model complaint handling calls for a goodwill decision (decision approval tiers)
    public static final String APPROVAL_PROCESS_KEY = "decision-approval";

    // groups the model routes to
    public static final String GROUP_SUPERVISORS = "supervisors";
    public static final String GROUP_MANAGERS = "managers";
    public static final String GROUP_AGENTS = "agents";

    // variables: intake
    public static final String VAR_REFERENCE = "complaintReference";
    public static final String VAR_CUSTOMER_NAME = "customerName";
    public static final String VAR_CUSTOMER_EMAIL = "customerEmail";
    public static final String VAR_CHANNEL = "channel";
    public static final String VAR_CATEGORY = "category";
    public static final String VAR_DESCRIPTION = "description";
    public static final String VAR_ABOUT_EMPLOYEE = "aboutEmployee";
    public static final String VAR_ORDER_REFERENCE = "orderReference";
    /** Optional; a complaint needs an e-mail address or a phone number (the address only for the e-mail and web channels). */
    public static final String VAR_CUSTOMER_PHONE = "customerPhone";
    /**
     * The survey rating at or below which the complaint is reopened for service recovery: the configured
     * {@code servicecharter.complaint.recovery-threshold} when the complaint was registered, so that a later change of
     * the setting does not change the rule for complaints already running.
     */
    public static final String VAR_RECOVERY_THRESHOLD = "recoveryThreshold";
    public static final String VAR_RECEIVED_BY = "receivedBy";
    /**
     * Who sent the complaint through the public intake while logged in without the right to log complaints: the
     * complaint is filed as from the public (no {@link #VAR_RECEIVED_BY}, no start user), and this says who sent it.
     */
    public static final String VAR_PUBLIC_INTAKE_SENDER = "publicIntakeSender";

    // variables: classification (DMN outputs)
    public static final String VAR_PRIORITY = "priority";
    public static final String VAR_SLA_DURATION = "slaDuration";
    public static final String VAR_MANAGER_ESCALATION_DURATION = "managerEscalationDuration";
    public static final String VAR_HANDLING_GROUP = "handlingGroup";

    // variables: handling (form fields of handle-complaint)
    public static final String VAR_CUSTOMER_CONTACTED = "customerContacted";
    public static final String VAR_APOLOGISED = "apologised";
    public static final String VAR_RESOLUTION = "resolution";
    public static final String VAR_GOODWILL_PROPOSED = "goodwillProposed";
    public static final String VAR_GOODWILL_AMOUNT = "goodwillAmount";
    public static final String VAR_GOODWILL_REASON = "goodwillReason";
    public static final String VAR_SUPERVISOR_NOTE = "supervisorNote";
    public static final String VAR_RESOLVED_BY = "resolvedBy";

    // variables: the goodwill decision (outputs of the call to decision approval)
    public static final String VAR_GOODWILL_APPROVAL_REQUEST = "goodwillApprovalRequest";
    public static final String VAR_GOODWILL_OUTCOME = "goodwillOutcome";
    public static final String VAR_GOODWILL_APPROVED = "goodwillApproved";
    public static final String VAR_GOODWILL_APPROVED_AMOUNT = "goodwillApprovedAmount";
    public static final String VAR_GOODWILL_DECIDED_BY = "goodwillDecidedBy";
    public static final String VAR_GOODWILL_DECISION_REASON = "goodwillDecisionReason";

    // variables: survey
    public static final String VAR_SURVEY_TOKEN_HASH = "surveyTokenHash";
    public static final String VAR_SURVEY_TIMEOUT = "surveyTimeout";
    public static final String VAR_SURVEY_RATING = "surveyRating";
    public static final String VAR_SURVEY_COMMENT = "surveyComment";
    /** false when the customer says the issue is not resolved (survey page checkbox, or the agent's call). */
    public static final String VAR_SURVEY_RESOLVED = "surveyResolved";
    /** The agent's survey call (form call-customer-for-survey): {@code answered} or {@code not-reached}. */
    public static final String VAR_SURVEY_CALL = "surveyCall";
    public static final String SURVEY_CALL_ANSWERED = "answered";
    public static final String SURVEY_CALL_NOT_REACHED = "not-reached";

    // variables: service recovery (form recover-service)
    public static final String VAR_RECOVERY_ACTION = "recoveryAction";
    public static final String VAR_RECOVERY_OUTCOME = "recoveryOutcome";
    public static final String VAR_RECOVERED_BY = "recoveredBy";
    /** The outcomes the recover-service form offers. */
    public static final java.util.List<String> RECOVERY_OUTCOMES = java.util.List.of("put-right", "partly-put-right",
            "not-put-right", "customer-not-reached");
}
