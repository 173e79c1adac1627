package org.servicecharter.approval;

import java.util.List;

/**
 * The decision-approval model's names, shared by code and tests: process and decision keys, element ids, variable
 * names and their values. {@code processes/decision-approval.bpmn} and {@code processes/approval-tier.dmn} are the
 * source of truth; a test fails if an element id here does not exist there.
 */
public final class ApprovalProcess {

    private ApprovalProcess() {
    }

    public static final String PROCESS_KEY = "decision-approval";
    public static final String DECISION_KEY = "approval-tier";
    public static final String DEADLINE_DECISION_KEY = "approval-tier-deadline";

    // forms
    public static final String FORM_REQUEST = "request-approval";
    public static final String FORM_DECIDE = "decide-approval-request";

    // element ids
    public static final String START_EVENT = "StartEvent_ApprovalRequested";
    public static final String REGISTER_REQUEST = "ServiceTask_RegisterRequest";
    public static final String DETERMINE_TIER = "BusinessRuleTask_DetermineTier";
    public static final String WITHIN_OWN_AUTHORITY = "Gateway_WithinOwnAuthority";
    public static final String RECORD_SELF_AUTHORISATION = "ServiceTask_RecordSelfAuthorisation";
    public static final String END_SELF_AUTHORISED = "EndEvent_SelfAuthorised";
    public static final String OFFER_AT_TIER = "ServiceTask_OfferAtTier";
    public static final String LOOK_UP_TIER_DEADLINE = "BusinessRuleTask_LookUpTierDeadline";
    public static final String DECIDE_AT_TIER = "SubProcess_DecideAtTier";
    public static final String DECIDE_REQUEST = "Task_DecideRequest";
    public static final String TIER_DEADLINE_PASSED = "BoundaryEvent_TierDeadlinePassed";
    public static final String AT_TOP_TIER = "Gateway_AtTopTier";
    public static final String REMIND_TOP_TIER = "ServiceTask_RemindTopTier";
    public static final String NO_DECISION_IN_TIME = "BoundaryEvent_NoDecisionInTime";
    public static final String PASS_UP_ONE_TIER = "ServiceTask_PassUpOneTier";
    public static final String WHAT_DECIDED = "Gateway_WhatDecided";
    public static final String RECORD_APPROVAL = "ServiceTask_RecordApproval";
    public static final String RECOGNISE_REQUESTER = "ServiceTask_RecogniseRequester";
    public static final String END_APPROVED = "EndEvent_RequestApproved";
    public static final String RECORD_REJECTION = "ServiceTask_RecordRejection";
    public static final String END_REJECTED = "EndEvent_RequestRejected";

    // escalation thrown inside the tier's sub-process when its deadline passes below the top tier
    public static final String ESCALATION_TIER_DEADLINE = "tier-deadline-passed";

    // variables: the request (start form request-approval / POST /api/approvals / complaint handling's call)
    public static final String VAR_REQUEST_ID = "approvalRequestId";
    public static final String VAR_TYPE = "requestType";
    public static final String VAR_AMOUNT = "amount";
    public static final String VAR_CURRENCY = "currency";
    public static final String VAR_REASON = "reason";
    public static final String VAR_REQUESTER = "requester";
    /** The requester's name as the forms and task cards show it (the user id stays in {@link #VAR_REQUESTER}). */
    public static final String VAR_REQUESTER_NAME = "requesterName";
    public static final String VAR_COMPLAINT_REFERENCE = "complaintReference";

    // variables: tiers (DMN outputs and the climb)
    public static final String VAR_REQUIRED_TIER = "requiredTier";
    public static final String VAR_CURRENT_TIER = "currentTier";
    public static final String VAR_TIER_DEADLINE = "tierDeadline";
    /** Comma-separated user ids who may never decide this request: the requester and everyone who rejected it. */
    public static final String VAR_EXCLUDED_APPROVERS = "excludedApprovers";

    // variables: the approver's answer (form decide-approval-request / POST /api/approvals/{id}/decision)
    public static final String VAR_DECISION = "decision";
    public static final String VAR_DECISION_REASON = "decisionReason";
    public static final String VAR_APPROVED_AMOUNT = "approvedAmount";
    public static final String VAR_RECOGNISE = "recogniseRequester";
    public static final String VAR_RECOGNITION_NOTE = "recognitionNote";

    // variables: the outcome, returned to the caller (call activity outputs, GET /api/approvals/{id})
    public static final String VAR_OUTCOME = "outcome";
    public static final String VAR_DECIDED_BY = "decidedBy";
    /** Why the request came up from the tier below (the approver's reason, or its deadline), shown to the next tier. */
    public static final String VAR_PASSED_UP_REASON = "passedUpReason";
    /** Who passed the request up (the decision's author when it is not a decision). */
    public static final String VAR_PASSED_UP_BY = "passedUpBy";
    /** The complaint's agreed resolution, for a goodwill request that comes from complaint handling. */
    public static final String VAR_COMPLAINT_RESOLUTION = "complaintResolution";
    public static final String VAR_DECIDED_AT_TIER = "decidedAtTier";
    public static final String VAR_DECIDED_AT = "decidedAt";
    public static final String VAR_SELF_AUTHORISED = "selfAuthorised";

    public static final String DECISION_APPROVE = "approve";
    public static final String DECISION_REJECT = "reject";
    public static final String DECISION_PASS_UP = "pass-up";
    public static final List<String> DECISIONS = List.of(DECISION_APPROVE, DECISION_REJECT, DECISION_PASS_UP);

    public static final String OUTCOME_APPROVED = "approved";
    public static final String OUTCOME_REJECTED = "rejected";
    public static final String STATUS_OPEN = "open";

    // tiers, lowest first, and the groups whose members decide at each
    public static final String TIER_AGENT = "agent";
    public static final String TIER_SUPERVISOR = "supervisor";
    public static final String TIER_MANAGER = "manager";
    public static final String TIER_HEAD_OF_SERVICE = "head-of-service";

    // employee file
    public static final String RECORD_RECOGNITION = "recognition";

    /** The employee file's key of the recognition for a request: one recognition per request. */
    public static String recognitionKey(String requestId) {
        return "recognition:approval:" + requestId;
    }
}
