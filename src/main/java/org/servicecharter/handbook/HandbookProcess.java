package org.servicecharter.handbook;

/**
 * The handbook sign-off model's names, shared by code and tests. {@code processes/handbook-signoff.bpmn} holds two
 * processes: the handbook version's life ({@link #PROCESS_KEY}, one instance per version, business key = version)
 * and one employee's sign-off ({@link #EMPLOYEE_PROCESS_KEY}, called once per employee, business key
 * {@code version:employee}).
 */
public final class HandbookProcess {

    private HandbookProcess() {
    }

    public static final String PROCESS_KEY = "handbook-signoff";
    public static final String EMPLOYEE_PROCESS_KEY = "handbook-signoff-employee";

    // forms
    public static final String FORM_PUBLISH = "publish-handbook";
    public static final String FORM_SIGN = "sign-handbook";
    public static final String FORM_FOLLOW_UP_OVERDUE = "follow-up-overdue-handbook-signoff";
    public static final String FORM_DISCUSS_DECLINED = "discuss-declined-handbook";
    public static final String FORM_APPROVE = "approve-handbook-version";
    public static final String FORM_REVISE = "revise-handbook-version";

    // element ids: the handbook version
    public static final String START_EVENT = "StartEvent_HandbookPublished";
    public static final String PUBLISH_VERSION = "ServiceTask_PublishHandbookVersion";
    public static final String VERSION_SUBMITTED = "Gateway_VersionSubmitted";
    public static final String APPROVE_VERSION = "Task_ApproveHandbookVersion";
    public static final String RECORD_APPROVAL = "ServiceTask_RecordApprovalDecision";
    public static final String APPROVED_OR_SENT_BACK = "Gateway_ApprovedOrSentBack";
    public static final String REVISE_VERSION = "Task_ReviseHandbookVersion";
    public static final String RECORD_REVISION = "ServiceTask_RecordRevision";
    public static final String RESUBMITTED_OR_WITHDRAWN = "Gateway_ResubmittedOrWithdrawn";
    public static final String VERSION_WITHDRAWN = "EndEvent_VersionWithdrawn";
    public static final String OFFER_SIGN_OFF = "ServiceTask_OfferSignOffToEmployees";
    public static final String COLLECT_SIGN_OFFS = "CallActivity_CollectSignOffs";
    public static final String SIGN_OFFS_COLLECTED = "EndEvent_EveryEmployeeAnswered";
    public static final String KEEP_IN_FORCE = "ReceiveTask_KeepVersionInForce";
    public static final String VERSION_SUPERSEDED = "EndEvent_VersionSuperseded";
    public static final String LATE_JOINERS_SUBPROCESS = "SubProcess_LateJoiners";
    public static final String LOOK_FOR_LATE_JOINERS = "StartEvent_LookForLateJoiners";
    public static final String OFFER_TO_LATE_JOINERS = "ServiceTask_OfferSignOffToLateJoiners";
    public static final String COLLECT_LATE_JOINER_SIGN_OFFS = "CallActivity_CollectLateJoinerSignOffs";

    // element ids: one employee's sign-off
    public static final String SIGN_OFF_OFFERED = "StartEvent_SignOffOffered";
    public static final String ANSWER_REQUESTED = "Gateway_AnswerRequested";
    public static final String COLLECT_SIGNATURE = "SubProcess_CollectSignature";
    public static final String SIGN_HANDBOOK = "Task_SignHandbook";
    public static final String REMINDER_DUE = "BoundaryEvent_ReminderDue";
    public static final String REMIND_EMPLOYEE = "ServiceTask_RemindEmployee";
    public static final String DEADLINE_PASSED = "BoundaryEvent_DeadlinePassed";
    public static final String MARK_OVERDUE = "ServiceTask_MarkSignOffOverdue";
    public static final String FOLLOW_UP_OVERDUE = "Task_FollowUpOverdueSignOff";
    public static final String SIGNED_OR_DECLINED = "Gateway_SignedOrDeclined";
    public static final String RECORD_ACKNOWLEDGEMENT = "ServiceTask_RecordAcknowledgement";
    public static final String HANDBOOK_SIGNED = "EndEvent_HandbookSigned";
    public static final String RECORD_DECLINE = "ServiceTask_RecordDecline";
    public static final String DISCUSS_DECLINED = "Task_DiscussDeclinedHandbook";
    public static final String RECORD_CONVERSATION = "ServiceTask_RecordConversationOutcome";
    public static final String WILL_SIGN_OR_DECLINE_STANDS = "Gateway_WillSignOrDeclineStands";
    public static final String DECLINE_STANDS = "EndEvent_DeclineStands";

    // messages
    public static final String MESSAGE_SUPERSEDED = "HandbookVersionSuperseded";

    // variables: the version (start form publish-handbook / POST /api/handbooks)
    public static final String VAR_VERSION = "handbookVersion";
    public static final String VAR_TITLE = "handbookTitle";
    public static final String VAR_DOCUMENT_URL = "documentUrl";
    public static final String VAR_DOCUMENT_SHA256 = "documentSha256";
    public static final String VAR_DOCUMENT_STORED = "documentStored";
    public static final String VAR_RULES = "handbookRules";
    public static final String VAR_DEADLINE = "signOffDeadline";
    public static final String VAR_PUBLISHED_BY = "publishedBy";
    public static final String VAR_OFFERED_EMPLOYEES = "offeredEmployees";
    public static final String VAR_SUPERSEDED_BY = "supersededBy";
    // variables: the head of service's approval (form approve-handbook-version) and the publisher's revision
    public static final String VAR_APPROVAL_DECISION = "approvalDecision";
    public static final String VAR_SEND_BACK_REASON = "sendBackReason";
    /** Who approved or sent back, set by the approval guard from the logged-in user. */
    public static final String VAR_APPROVAL_DECIDED_BY = "approvalDecidedBy";
    public static final String VAR_REVISION_DECISION = "revisionDecision";

    public static final String APPROVAL_APPROVE = "approve";
    public static final String APPROVAL_SEND_BACK = "send-back";
    public static final String REVISION_RESUBMIT = "resubmit";
    public static final String REVISION_WITHDRAW = "withdraw";

    // variables: one employee's sign-off
    public static final String VAR_EMPLOYEE = "employee";
    /** The employee's name as the manager's conversation form shows it (the user id stays in {@link #VAR_EMPLOYEE}). */
    public static final String VAR_EMPLOYEE_NAME = "employeeName";
    public static final String VAR_DUE_DATE = "signOffDueDate";
    public static final String VAR_STATEMENT = "acknowledgementStatement";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_ACKNOWLEDGED = "acknowledged";
    public static final String VAR_DECLINE_REASON = "declineReason";
    public static final String VAR_ANSWERED_BY = "answeredBy";
    public static final String VAR_FOLLOW_UP_NOTE = "followUpNote";
    public static final String VAR_CONVERSATION_NOTE = "conversationNote";
    public static final String VAR_CONVERSATION_OUTCOME = "conversationOutcome";
    /** 1 for the first answer, one more each time the employee will sign after a conversation about a decline. */
    public static final String VAR_SIGN_OFF_ROUND = "signOffRound";

    public static final String OUTCOME_WILL_SIGN = "will-sign";
    public static final String OUTCOME_DECLINE_STANDS = "decline-stands";

    public static final String DECISION_SIGN = "sign";
    public static final String DECISION_DECLINE = "decline";

    // employee file record types
    public static final String RECORD_HANDBOOK_ACKNOWLEDGEMENT = "handbook-acknowledgement";
    public static final String RECORD_HANDBOOK_DECLINED = "handbook-declined";
    /** After the conversation about a decline: the employee will sign the same version now. */
    public static final String RECORD_HANDBOOK_WILL_SIGN = "handbook-will-sign";
    /** After the conversation about a decline: the decline stands. */
    public static final String RECORD_HANDBOOK_DECLINE_STANDS = "handbook-decline-stands";

    /** The statement the employee signs. */
    public static String statement(String version) {
        return "I have read the handbook version " + version + " and will follow it.";
    }

    /**
     * The employee file's key for an employee's signature of a version: one signature per version. (Declines are
     * recorded under {@link #declineKey}; before issue 19 a decline was recorded under this key too.)
     */
    public static String answerKey(String version, String employee) {
        return "handbook-answer:" + version + ":" + employee;
    }

    /** The employee file's key for a decline: one per round (an employee may decline again after saying they will sign). */
    public static String declineKey(String version, String employee, int round) {
        return "handbook-decline:" + version + ":" + employee + ":" + round;
    }

    /** The employee file's key for the outcome of the conversation about a decline, one per round. */
    public static String conversationKey(String version, String employee, int round) {
        return "handbook-conversation:" + version + ":" + employee + ":" + round;
    }

    public static String businessKey(String version, String employee) {
        return version + ":" + employee;
    }
}
