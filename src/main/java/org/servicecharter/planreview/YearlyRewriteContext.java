package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.servicecharter.complaint.RecentCustomers;
import org.servicecharter.identity.StaffNames;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the yearly rewrite of the policies and procedures is written from: when *Rewrite the policies and procedures*
 * is created, its form gets two task-local texts — the customers' survey comments of the review's year (complaints
 * whose survey was answered in it) and the employees' answers to *Tell us how the changes affected your work* in that
 * year's reviews (the current review's are asked at the same time and come in while the task is open; the earlier
 * quarters' are all there). Filled from the engine's task event, like the mails about new tasks, so the model needs no
 * listener for it; a process owner who moves or renames the task in Modeler keeps it as long as the id stays.
 */
@Component
class YearlyRewriteContext {

    static final String VAR_YEAR_CUSTOMER_COMMENTS = "yearCustomerComments";
    static final String VAR_YEAR_EMPLOYEE_ANSWERS = "yearEmployeeAnswers";
    /** The comments' share of the form's text (the engine's string variable holds 4000 characters). */
    static final int COMMENTS_ROOM = FormTexts.VARIABLE_LIMIT - 300;

    private final RecentCustomers customers;
    private final PlanReviews reviews;
    private final StaffNames names;

    YearlyRewriteContext(RecentCustomers customers, PlanReviews reviews, StaffNames names) {
        this.customers = customers;
        this.reviews = reviews;
        this.names = names;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onTaskCreated(DelegateTask task) {
        if (!REWRITE_POLICIES.equals(task.getTaskDefinitionKey()) || task.getProcessDefinitionId() == null
                || !task.getProcessDefinitionId().startsWith(PROCESS_KEY + ":")) {
            return;
        }
        int year = ReviewPeriod.parse(TaskAnswers.period(task)).from().getYear();
        task.setVariableLocal(VAR_YEAR_CUSTOMER_COMMENTS, customerComments(year));
        task.setVariableLocal(VAR_YEAR_EMPLOYEE_ANSWERS, FormTexts.fit(employeeAnswers(year)));
    }

    String customerComments(int year) {
        ZoneId zone = ZoneId.systemDefault();
        List<String> comments = customers.surveyCommentsBetween(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant(),
                LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
        if (comments.isEmpty()) {
            return "No customer left a comment with their survey in " + year + ".";
        }
        // newest first, as many as the form holds; the complaints register keeps them all
        StringBuilder out = new StringBuilder(comments.size() + " customer comment" + (comments.size() == 1 ? "" : "s") + " in "
                + year + ", newest first:");
        int shown = 0;
        for (int i = comments.size() - 1; i >= 0; i--) {
            String line = "\n- \"" + comments.get(i) + "\"";
            if (out.length() + line.length() > COMMENTS_ROOM) {
                break;
            }
            out.append(line);
            shown++;
        }
        if (shown < comments.size()) {
            out.append("\n(and ").append(comments.size() - shown).append(" earlier ones, in the complaints register)");
        }
        return out.toString();
    }

    String employeeAnswers(int year) {
        List<String> lines = new ArrayList<>();
        for (int quarter = 1; quarter <= 4; quarter++) {
            String period = ReviewPeriod.quarter(year, quarter).label();
            for (PlanReviews.Answer answer : reviews.answers(period)) {
                if (!ANSWER_SURVEY.equals(answer.kind())) {
                    continue;
                }
                Object effect = answer.details().get(VAR_CHANGE_EFFECT);
                Object comment = answer.details().get(VAR_SURVEY_COMMENT);
                lines.add("- " + period + ", " + names.name(answer.subject()) + ": " + effectInWords(effect)
                        + (comment == null || comment.toString().isBlank() ? "" : " — \"" + comment.toString().trim() + "\""));
            }
        }
        if (lines.isEmpty()) {
            return "No employee has answered the survey about the changes in " + year + " yet.";
        }
        lines.add(0, "Employees on how the changes affected their work, " + year + ":");
        return String.join("\n", lines);
    }

    private static String effectInWords(Object effect) {
        if (effect == null) {
            return "no answer";
        }
        return switch (effect.toString()) {
            case "better" -> "better";
            case "no-change" -> "no different";
            case "worse" -> "worse";
            default -> effect.toString();
        };
    }
}
