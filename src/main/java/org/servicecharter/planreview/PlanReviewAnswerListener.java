package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.servicecharter.platform.Rejected;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records what a reviewer answered when they complete a plan-review task (completion listener): a representative's
 * ratings, the training, decision-authority and feedback reviews, the approval or send-back of the strategies, an
 * employee's survey answer, the policies rewrite and the published handbook version. Incomplete answers are
 * refused, and with them the completion.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class PlanReviewAnswerListener implements TaskListener {

    private final PlanReviews reviews;
    private final JdbcTemplate jdbc;

    public PlanReviewAnswerListener(PlanReviews reviews, JdbcTemplate jdbc) {
        this.reviews = reviews;
        this.jdbc = jdbc;
    }

    @Override
    public void notify(DelegateTask task) {
        String period = (String) task.getVariable(VAR_PERIOD);
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String by = current != null ? current.getUserId() : task.getAssignee();
        Map<String, Object> details = new LinkedHashMap<>();
        switch (task.getTaskDefinitionKey()) {
            case REVIEW_STAFF -> {
                for (String requirement : new String[] {VAR_ENTHUSIASM, VAR_FRIENDLINESS, VAR_PROBLEM_SOLVING, VAR_EMPATHY}) {
                    details.put(requirement, rating(task, requirement));
                }
                details.put(VAR_STAFF_NOTE, task.getVariable(VAR_STAFF_NOTE));
                reviews.answer(period, ANSWER_STAFF, (String) task.getVariable(VAR_REPRESENTATIVE), by, ReviewPeriod.now(), details);
            }
            case REVIEW_TRAINING, REVIEW_DECISION_AUTHORITY, REVIEW_CUSTOMER_FEEDBACK -> {
                details.put(VAR_FINDINGS, required(task, VAR_FINDINGS));
                details.put(VAR_CHANGES_NEEDED, task.getVariable(VAR_CHANGES_NEEDED));
                String kind = switch (task.getTaskDefinitionKey()) {
                    case REVIEW_TRAINING -> ANSWER_TRAINING;
                    case REVIEW_DECISION_AUTHORITY -> ANSWER_DECISION_AUTHORITY;
                    default -> ANSWER_CUSTOMER_FEEDBACK;
                };
                reviews.answer(period, kind, "-", by, ReviewPeriod.now(), details);
            }
            case APPROVE_STRATEGIES -> {
                Object decision = task.getVariable(VAR_STRATEGIES_DECISION);
                if (!DECISION_APPROVE.equals(decision) && !DECISION_SEND_BACK.equals(decision)) {
                    throw new Rejected(VAR_STRATEGIES_DECISION, "Approve the strategies or send them back.");
                }
                if (DECISION_APPROVE.equals(decision)) {
                    reviews.approveStrategies(period);
                } else {
                    details.put(VAR_SEND_BACK_REASON, required(task, VAR_SEND_BACK_REASON));
                    details.put(VAR_STRATEGIES_SUMMARY, task.getVariable(VAR_STRATEGIES_SUMMARY));
                    long round = reviews.answers(period).stream().filter(a -> a.kind().equals(ANSWER_SEND_BACK)).count() + 1;
                    reviews.answer(period, ANSWER_SEND_BACK, String.valueOf(round), by, ReviewPeriod.now(), details);
                }
            }
            case SURVEY_EMPLOYEES -> {
                Object effect = task.getVariable(VAR_CHANGE_EFFECT);
                if (effect == null || !CHANGE_EFFECTS.contains(effect.toString())) {
                    throw new Rejected(VAR_CHANGE_EFFECT, "Say whether the changes made your work better, no different or worse.");
                }
                details.put(VAR_CHANGE_EFFECT, effect);
                details.put(VAR_SURVEY_COMMENT, task.getVariable(VAR_SURVEY_COMMENT));
                reviews.answer(period, ANSWER_SURVEY, (String) task.getVariable(VAR_EMPLOYEE), by, ReviewPeriod.now(), details);
            }
            case REWRITE_POLICIES -> {
                details.put(VAR_POLICIES_NOTE, required(task, VAR_POLICIES_NOTE));
                details.put(VAR_HANDBOOK_CHANGES, Boolean.TRUE.equals(task.getVariable(VAR_HANDBOOK_CHANGES)));
                reviews.answer(period, ANSWER_POLICIES, "-", by, ReviewPeriod.now(), details);
            }
            case PUBLISH_HANDBOOK -> {
                String version = required(task, VAR_HANDBOOK_VERSION);
                Long published = jdbc.queryForObject("SELECT COUNT(*) FROM handbook_version WHERE version = ?", Long.class, version);
                if (published == null || published == 0) {
                    throw new Rejected(VAR_HANDBOOK_VERSION, "Handbook version " + version + " is not published yet: publish it first.");
                }
                details.put(VAR_HANDBOOK_VERSION, version);
                reviews.answer(period, ANSWER_HANDBOOK, "-", by, ReviewPeriod.now(), details);
            }
            default -> {
            }
        }
    }

    private static int rating(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        int rating = value instanceof Number n ? n.intValue() : -1;
        if (value instanceof String s && s.matches("[1-5]")) {
            rating = Integer.parseInt(s);
        }
        if (rating < 1 || rating > 5) {
            throw new Rejected(name, "Rate " + name + " from 1 to 5.");
        }
        return rating;
    }

    private static String required(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new Rejected(name, name + " is required.");
        }
        return value.toString().trim();
    }
}
