package org.servicecharter.planreview;

import java.util.List;

/**
 * The plan-review model's names, shared by code and tests: process key, element ids, forms, variables. The model in
 * {@code processes/plan-review.bpmn} is the source of truth; a test fails if an id here does not exist there.
 */
public final class PlanReviewProcess {

    private PlanReviewProcess() {
    }

    public static final String PROCESS_KEY = "plan-review";

    // element ids
    public static final String TIMER_START = "StartEvent_QuarterBegan";
    public static final String MANUAL_START = "StartEvent_ReviewRequested";
    public static final String OPEN_REVIEW = "ServiceTask_OpenReview";
    public static final String PERIOD_TAKEN = "BoundaryEvent_PeriodAlreadyUnderReview";
    public static final String END_PERIOD_TAKEN = "EndEvent_PeriodAlreadyUnderReview";
    public static final String COMPUTE_FIGURES = "ServiceTask_ComputeFigures";
    public static final String REVIEW_STAFF = "Task_ReviewRepresentative";
    public static final String REVIEW_TRAINING = "Task_ReviewTraining";
    public static final String COACHING_SUBPROCESS = "SubProcess_CoachRepresentative";
    public static final String COACHING_NEEDED = "StartEvent_CoachingNeeded";
    public static final String COACH_REPRESENTATIVE = "Task_CoachRepresentative";
    public static final String END_COACHED = "EndEvent_RepresentativeCoached";
    public static final String COACHING_OVERDUE = "BoundaryEvent_CoachingOverdue";
    public static final String FOLLOW_UP_OVERDUE_COACHING = "Task_FollowUpOverdueCoaching";
    public static final String END_OVERDUE_COACHING_FOLLOWED_UP = "EndEvent_OverdueCoachingFollowedUp";
    public static final String REVIEW_DECISION_AUTHORITY = "Task_ReviewDecisionAuthority";
    public static final String REVIEW_CUSTOMER_FEEDBACK = "Task_ReviewCustomerFeedback";
    public static final String RATE_SERVICE_ELEMENTS = "Task_RateServiceElements";
    public static final String HIGHLIGHT_WEAKEST = "ServiceTask_HighlightWeakestElements";
    public static final String CHOOSE_STRATEGIES = "Task_ChooseStrategies";
    public static final String RECORD_STRATEGIES = "ServiceTask_RecordStrategies";
    public static final String APPROVE_STRATEGIES = "Task_ApproveStrategies";
    public static final String STRATEGIES_APPROVED = "Gateway_StrategiesApproved";
    public static final String IMPLEMENT_SUBPROCESS = "SubProcess_ImplementStrategy";
    public static final String IMPLEMENT_STRATEGY = "Task_ImplementStrategy";
    public static final String STRATEGY_OVERDUE = "BoundaryEvent_StrategyOverdue";
    public static final String MARK_STRATEGY_OVERDUE = "ServiceTask_MarkStrategyOverdue";
    public static final String FOLLOW_UP_OVERDUE_STRATEGY = "Task_FollowUpOverdueStrategy";
    public static final String RECORD_IMPLEMENTED = "ServiceTask_RecordStrategyImplemented";
    public static final String IMPLEMENT_BY_DUE_DATE = "SubProcess_ImplementByDueDate";
    public static final String START_WAITING_PERIOD = "ServiceTask_StartWaitingPeriod";
    public static final String WAITING_PERIOD_OVER = "IntermediateCatchEvent_WaitingPeriodOver";
    public static final String REMEASURE = "ServiceTask_RemeasureFigures";
    public static final String END_STRATEGY_REMEASURED = "EndEvent_StrategyRemeasured";
    public static final String RATE_SERVICE_ELEMENTS_AGAIN = "Task_RateServiceElementsAgain";
    public static final String COMPARE_SERVICE_ELEMENTS = "ServiceTask_CompareServiceElements";
    public static final String AFTER_REMEASURE = "Gateway_AfterRemeasure";
    public static final String SURVEY_EMPLOYEES = "Task_SurveyEmployee";
    public static final String YEARLY_REVIEW = "Gateway_YearlyReview";
    public static final String REWRITE_POLICIES = "Task_RewritePolicies";
    public static final String HANDBOOK_CHANGES = "Gateway_HandbookChanges";
    public static final String PUBLISH_HANDBOOK = "Task_PublishNewHandbookVersion";
    public static final String COMPLETE_REVIEW = "ServiceTask_CompleteReview";
    public static final String END_COMPLETED = "EndEvent_ReviewCompleted";
    public static final String SEND_RESEARCH_SURVEY = "ServiceTask_SendResearchSurvey";
    public static final String RECORD_INTERVIEW = "Task_RecordInterview";
    public static final String RESEARCH_WINDOW_CLOSED = "BoundaryEvent_ResearchWindowClosed";
    public static final String RESEARCH_WINDOW_OVER = "IntermediateCatchEvent_ResearchWindowOver";
    public static final String SUMMARISE_RESEARCH = "ServiceTask_SummariseResearch";
    public static final String GIVE_FRONT_LINE_INPUT = "Task_GiveFrontLineInput";
    public static final String CONSULT_ON_STRATEGIES = "Task_ConsultOnStrategies";
    public static final String CONSULTATION_CLOSED = "BoundaryEvent_ConsultationClosed";

    public static final String MESSAGE_REVIEW_REQUESTED = "PlanReviewRequested";
    public static final String MESSAGE_COACHING_NEEDED = "RepresentativeNeedsCoaching";
    public static final String ERROR_PERIOD_TAKEN = "PeriodAlreadyUnderReview";

    // forms
    public static final String FORM_RATE_REPRESENTATIVE = "rate-representative";
    public static final String FORM_REVIEW_AREA = "review-plan-area";
    public static final String FORM_REVIEW_TRAINING = "review-training";
    public static final String FORM_COACH_REPRESENTATIVE = "coach-representative";
    public static final String FORM_FOLLOW_UP_OVERDUE_COACHING = "follow-up-overdue-coaching";
    public static final String FORM_RATE_SERVICE_ELEMENTS = "rate-service-elements";
    public static final String FORM_RATE_SERVICE_ELEMENTS_AGAIN = "rate-service-elements-again";
    public static final String FORM_CHOOSE_STRATEGIES = "choose-strategies";
    public static final String FORM_APPROVE_STRATEGIES = "approve-strategies";
    public static final String FORM_IMPLEMENT_STRATEGY = "implement-strategy";
    public static final String FORM_FOLLOW_UP_OVERDUE_STRATEGY = "follow-up-overdue-strategy";
    public static final String FORM_SURVEY_EMPLOYEE = "plan-change-survey";
    public static final String FORM_REWRITE_POLICIES = "rewrite-policies";
    public static final String FORM_PUBLISH_HANDBOOK = "publish-new-handbook-version";
    public static final String FORM_RECORD_INTERVIEW = "record-customer-interview";
    public static final String FORM_FRONT_LINE_INPUT = "front-line-input";
    public static final String FORM_STRATEGY_CONSULTATION = "strategy-consultation";

    // variables: the review
    public static final String VAR_PERIOD = "period";
    public static final String VAR_PERIOD_FROM = "periodFrom";
    public static final String VAR_PERIOD_TO = "periodTo";
    public static final String VAR_STARTED_BY = "startedBy";
    public static final String VAR_YEARLY = "yearlyReview";
    public static final String VAR_FIGURES_SUMMARY = "figuresSummary";
    public static final String VAR_APPROVALS_SUMMARY = "approvalsSummary";
    public static final String VAR_FEEDBACK_SUMMARY = "feedbackSummary";
    public static final String VAR_REVIEW_QUESTION = "reviewQuestion";

    // variables: staff review (one task per representative)
    public static final String VAR_REPRESENTATIVE = "representative";
    /** The representative's name on their rating form (a task-local variable; the user id stays in {@link #VAR_REPRESENTATIVE}). */
    public static final String VAR_REPRESENTATIVE_NAME = "representativeName";
    public static final String VAR_ENTHUSIASM = "enthusiasm";
    public static final String VAR_FRIENDLINESS = "friendliness";
    public static final String VAR_PROBLEM_SOLVING = "problemSolving";
    public static final String VAR_EMPATHY = "empathy";
    public static final String VAR_STAFF_NOTE = "staffNote";
    public static final String VAR_REPRESENTATIVE_FIGURES = "representativeFigures";

    /** The qualities rated at or below the coaching threshold, in words ("friendliness and empathy"), on the coaching task. */
    public static final String VAR_COACHING_QUALITIES = "coachingQualities";
    /** When the coaching is due: its task's due date and its overdue timer. */
    public static final String VAR_COACHING_DUE = "coachingDue";
    public static final String VAR_COACHING_NOTE = "coachingNote";
    public static final String VAR_TRAINING_COMPLETED = "trainingCompleted";
    public static final String VAR_TRAINING_NAME = "trainingName";
    /** Who needs which training, by name (the period's training-need records), on the training review's form. */
    public static final String VAR_TRAINING_NEEDS = "trainingNeeds";

    // variables: area reviews
    public static final String VAR_FINDINGS = "findings";
    public static final String VAR_CHANGES_NEEDED = "changesNeeded";

    // variables: service elements
    /** The table as {@code name: rating} lines: reviews opened before the table had rows of its own (read, never written). */
    public static final String VAR_SERVICE_ELEMENT_RATINGS = "serviceElementRatings";
    /** The rated table's rows as JSON ({@code [{"name":…,"importance":…,"rating":…}]}), set when a rating task completes. */
    public static final String VAR_SERVICE_ELEMENT_TABLE = "serviceElementTable";
    /** Element names the research round found, one per line (or a list), added as rows to the rating form. */
    public static final String VAR_RESEARCH_SERVICE_ELEMENTS = "researchServiceElements";
    /** The first table in words (every row, the weakest marked), on the forms that follow. */
    public static final String VAR_SERVICE_ELEMENTS_TEXT = "serviceElementsText";
    /** The table rated again against the first rating, row by row, in words. */
    public static final String VAR_SERVICE_ELEMENT_COMPARISON = "serviceElementComparison";
    public static final String VAR_WEAKEST_ELEMENTS = "weakestElements";
    /** What the area reviews and the ratings found, shown on the strategy forms (input mapping). */
    public static final String VAR_REVIEW_FINDINGS = "reviewFindings";

    // variables: strategies (at most two, fixed fields)
    public static final String VAR_STRATEGY_WEAKNESS = "strategy%dWeakness";
    public static final String VAR_STRATEGY_TYPE = "strategy%dType";
    public static final String VAR_STRATEGY_DESCRIPTION = "strategy%dDescription";
    public static final String VAR_STRATEGY_OWNER = "strategy%dOwner";
    public static final String VAR_STRATEGY_DUE = "strategy%dDue";
    /** How long after its implementation the strategy is re-measured: ISO-8601 (P3M, P6W, P45D) or a number of days. */
    public static final String VAR_STRATEGY_REMEASURE_AFTER = "strategy%dRemeasureAfter";
    public static final String VAR_SECOND_STRATEGY = "secondStrategy";
    public static final String VAR_STRATEGIES_SUMMARY = "strategiesSummary";
    public static final String VAR_STRATEGIES_DECISION = "strategiesDecision";
    public static final String DECISION_APPROVE = "approve";
    public static final String DECISION_SEND_BACK = "send-back";
    public static final String VAR_SEND_BACK_REASON = "sendBackReason";
    public static final String VAR_STRATEGY_NUMBERS = "strategyNumbers";

    // variables: implementation (one sub-process instance per strategy)
    public static final String VAR_STRATEGY_NUMBER = "strategyNumber";
    public static final String VAR_STRATEGY_TEXT = "strategyText";
    public static final String VAR_IMPLEMENTATION_NOTE = "implementationNote";
    public static final String VAR_FOLLOW_UP_NOTE = "followUpNote";

    // variables: re-measure, survey, yearly
    public static final String VAR_REMEASURE_FROM = "remeasureFrom";
    public static final String VAR_REMEASURE_TO = "remeasureTo";
    public static final String VAR_COMPARISON_SUMMARY = "comparisonSummary";
    public static final String VAR_EMPLOYEE = "employee";
    public static final String VAR_CHANGE_EFFECT = "changeEffect";
    public static final String VAR_SURVEY_COMMENT = "surveyComment";
    public static final String VAR_POLICIES_NOTE = "policiesNote";
    public static final String VAR_HANDBOOK_CHANGES = "handbookChanges";
    public static final String VAR_HANDBOOK_VERSION = "handbookVersion";

    // variables: the research round, the front line's input and the consultation on the strategies
    public static final String VAR_RESEARCH_WINDOW_ENDS = "researchWindowEnds";
    public static final String VAR_RESEARCH_SURVEYS_SENT = "researchSurveysSent";
    public static final String VAR_RESEARCH_SUMMARY = "researchSummary";
    public static final String VAR_NOTHING_TO_RECORD = "nothingToRecord";
    public static final String VAR_INTERVIEW_CHANNEL = "interviewChannel";
    public static final String VAR_INTERVIEW_CUSTOMER = "interviewCustomer";
    public static final String VAR_INTERVIEW_EXPECTATIONS = "interviewExpectations";
    public static final String VAR_INTERVIEW_UNMET_NEEDS = "interviewUnmetNeeds";
    public static final String VAR_INTERVIEW_COMPETITORS = "interviewCompetitors";
    /** Service elements the interviewed customer named that are not configured, one a line; they become rows of the table. */
    public static final String VAR_INTERVIEW_SERVICE_ELEMENTS = "interviewServiceElements";
    public static final String VAR_ANOTHER_INTERVIEW = "anotherInterview";
    public static final String VAR_MORE_INTERVIEWS = "moreInterviews";
    public static final String VAR_CUSTOMER_NARRATIVE = "customerNarrative";
    public static final String VAR_WHAT_GOES_WRONG = "whatGoesWrong";
    public static final String VAR_WHAT_TO_CHANGE = "whatToChange";
    public static final String VAR_EMPLOYEE_NARRATIVE = "employeeNarrative";
    public static final String VAR_FRONT_LINE_INPUT = "frontLineInput";
    public static final String VAR_STRATEGY_SUPPORT = "strategySupport";
    public static final String VAR_CONSULTATION_COMMENT = "consultationComment";
    public static final String VAR_CONSULTATION_ANSWERS = "consultationAnswers";

    // values
    public static final List<String> INTERVIEW_CHANNELS = List.of("in-person", "phone");
    public static final List<String> STRATEGY_SUPPORT = List.of("yes", "no", "with-changes");
    public static final List<String> STRATEGY_TYPES = List.of("process-redesign", "space", "training", "delivery-method", "incentives");
    public static final List<String> CHANGE_EFFECTS = List.of("better", "no-change", "worse");

    // answer kinds (plan_review_answer.kind)
    public static final String ANSWER_STAFF = "staff-rating";
    public static final String ANSWER_TRAINING = "training";
    public static final String ANSWER_DECISION_AUTHORITY = "decision-authority";
    public static final String ANSWER_CUSTOMER_FEEDBACK = "customer-feedback";
    public static final String ANSWER_SEND_BACK = "strategies-sent-back";
    public static final String ANSWER_SURVEY = "employee-survey";
    public static final String ANSWER_POLICIES = "policies-rewrite";
    public static final String ANSWER_HANDBOOK = "handbook-published";
    public static final String ANSWER_INTERVIEW = "customer-interview";
    public static final String ANSWER_RESEARCH_SUMMARY = "research-summary";
    public static final String ANSWER_FRONT_LINE = "front-line-input";
    public static final String ANSWER_CONSULTATION = "strategy-consultation";

    // the records this model writes to the employee file (their record types)
    public static final String RECORD_PERFORMANCE_EVALUATION = "performance-evaluation";
    public static final String RECORD_TRAINING_NEED = "training-need";
    public static final String RECORD_COACHING = "coaching";
    public static final String RECORD_TRAINING_COMPLETED = "training-completed";

    public static String var(String pattern, int number) {
        return String.format(pattern, number);
    }
}
