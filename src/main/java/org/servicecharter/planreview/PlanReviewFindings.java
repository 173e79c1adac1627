package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.servicecharter.approval.ApprovalFigures;
import org.servicecharter.complaint.ComplaintFigures;
import org.servicecharter.identity.StaffNames;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * What the deciders of a review read on their forms, in words: a representative's own figures for the period
 * ({@code ${planReviewFindings.representativeFigures(period, representative)}} on the rating task) and what the
 * review has found so far ({@code ${planReviewFindings.text(period)}} on the strategy tasks). Figures come from the
 * features' published figures, answers from the review's register; people are named, not shown by user id.
 */
@ModelCallable
@Component("planReviewFindings")
public class PlanReviewFindings {

    private static final Map<String, String> AREAS = Map.of(ANSWER_TRAINING, "Training", ANSWER_DECISION_AUTHORITY,
            "Decision authority (approval tiers)", ANSWER_CUSTOMER_FEEDBACK, "Customer feedback");
    private static final List<String> AREA_ORDER = List.of(ANSWER_TRAINING, ANSWER_DECISION_AUTHORITY, ANSWER_CUSTOMER_FEEDBACK);

    private final ComplaintFigures complaintFigures;
    private final ApprovalFigures approvalFigures;
    private final PlanReviews reviews;
    private final StaffNames names;

    public PlanReviewFindings(ComplaintFigures complaintFigures, ApprovalFigures approvalFigures, PlanReviews reviews,
            StaffNames names) {
        this.complaintFigures = complaintFigures;
        this.approvalFigures = approvalFigures;
        this.reviews = reviews;
        this.names = names;
    }

    /**
     * The representative's own figures for the review's period: complaints they resolved, the share resolved within
     * the SLA, the average survey rating of those complaints and the recognitions they received.
     */
    public String representativeFigures(String period, String representative) {
        ReviewPeriod p = ReviewPeriod.parse(period);
        Instant from = instant(p.start());
        Instant to = instant(p.end());
        ComplaintFigures.Handled handled = complaintFigures.handledBy(representative, from, to);
        long recognitions = approvalFigures.recognitionsOf(representative, from, to);
        return "Complaints handled (resolved by them): " + handled.handled() + "\n"
                + "Resolved within the SLA: " + (handled.handled() == 0 ? "—"
                        : handled.withinSla() + " of " + handled.handled() + " (" + PlanFigures.percent(handled.slaKept()) + ")") + "\n"
                + "Survey average: " + (handled.averageSurveyRating() == null ? "— (no survey answers)"
                        : PlanFigures.round(handled.averageSurveyRating(), 2) + " of 5 (" + handled.surveysAnswered()
                                + (handled.surveysAnswered() == 1 ? " answer)" : " answers)")) + "\n"
                + "Recognitions for good decisions: " + recognitions;
    }

    /**
     * What the review has found before its strategies are chosen: each area review's findings and the changes it
     * asks for, and the representatives' ratings (enthusiasm, friendliness, problem solving, empathy), by name.
     */
    public String text(String period) {
        List<PlanReviews.Answer> answers = reviews.answers(period);
        StringBuilder out = new StringBuilder();
        for (String area : AREA_ORDER) {
            answers.stream().filter(a -> a.kind().equals(area)).findFirst().ifPresent(a -> {
                String by = names.name(a.answeredBy());
                line(out, AREAS.get(area) + (by.isEmpty() ? "" : " (" + by + ")") + ": " + value(a.details().get(VAR_FINDINGS)));
                Object changes = a.details().get(VAR_CHANGES_NEEDED);
                if (changes != null && !changes.toString().isBlank()) {
                    out.append(" Changes needed: ").append(value(changes));
                }
            });
        }
        List<PlanReviews.Answer> ratings = answers.stream().filter(a -> a.kind().equals(ANSWER_STAFF)).toList();
        if (!ratings.isEmpty()) {
            line(out, "Representatives (enthusiasm, friendliness, problem solving, empathy; 1 to 5):");
            for (PlanReviews.Answer a : ratings) {
                Map<String, Object> d = a.details();
                line(out, "- " + names.name(a.subject()) + ": " + d.get(VAR_ENTHUSIASM) + ", " + d.get(VAR_FRIENDLINESS) + ", "
                        + d.get(VAR_PROBLEM_SOLVING) + ", " + d.get(VAR_EMPATHY));
                Object note = d.get(VAR_STAFF_NOTE);
                if (note != null && !note.toString().isBlank()) {
                    out.append(" — ").append(value(note));
                }
            }
        }
        return out.length() == 0 ? "No area review has answered yet." : FormTexts.fit(out.toString());
    }

    private static void line(StringBuilder out, String text) {
        out.append(out.length() == 0 ? "" : "\n").append(text);
    }

    private static String value(Object text) {
        return text == null ? "—" : text.toString().trim().replaceAll("\\s*\\n\\s*", " ");
    }

    private static Instant instant(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
