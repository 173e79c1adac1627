package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.List;
import java.util.Map;

import org.servicecharter.identity.StaffNames;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * What the front line and the customers' narrative say, in words, for the strategy tasks: the agents' input and the
 * average customer's experience from both sides ({@code ${planReviewVoices.frontLine(period)}} on the choice of
 * strategies), the agents' views on the strategies of the current round ({@code ${planReviewVoices.consultation(period)}}
 * on the approval) and how long the consultation stays open ({@code ${planReviewVoices.consultationWindow()}}).
 */
@ModelCallable
@Component("planReviewVoices")
public class PlanReviewVoices {

    private final PlanReviews reviews;
    private final StaffNames names;
    private final PlanReviewProperties properties;

    public PlanReviewVoices(PlanReviews reviews, StaffNames names, PlanReviewProperties properties) {
        this.reviews = reviews;
        this.names = names;
        this.properties = properties;
    }

    /** The consultation's time limit (ISO-8601), for the model's timer. */
    public String consultationWindow() {
        return properties.consultationWindow().toString();
    }

    /** The front line's input, and the average customer's experience as the manager and the agents tell it. */
    public String frontLine(String period) {
        List<PlanReviews.Answer> answers = reviews.answers(period);
        StringBuilder out = new StringBuilder();
        answers.stream().filter(a -> a.kind().equals(ANSWER_CUSTOMER_FEEDBACK)).findFirst()
                .map(a -> a.details().get(VAR_CUSTOMER_NARRATIVE)).filter(n -> n != null && !n.toString().isBlank())
                .ifPresent(n -> line(out, "The average customer's experience, the customer's side: " + text(n)));
        List<PlanReviews.Answer> input = answers.stream().filter(a -> a.kind().equals(ANSWER_FRONT_LINE)).toList();
        for (PlanReviews.Answer a : input) {
            Map<String, Object> d = a.details();
            line(out, names.name(a.answeredBy()) + " (front line): what goes wrong: " + text(d.get(VAR_WHAT_GOES_WRONG))
                    + "; what to change: " + text(d.get(VAR_WHAT_TO_CHANGE)));
            Object narrative = d.get(VAR_EMPLOYEE_NARRATIVE);
            if (narrative != null && !narrative.toString().isBlank()) {
                out.append("; the average customer's experience, the employees' side: ").append(text(narrative));
            }
        }
        return out.length() == 0 ? "The front line has not answered yet." : FormTexts.fit(out.toString());
    }

    /** The agents' views on the strategies of the current round, by name. */
    public String consultation(String period) {
        String prefix = round(reviews, period) + ":";
        List<PlanReviews.Answer> views = reviews.answers(period).stream()
                .filter(a -> a.kind().equals(ANSWER_CONSULTATION) && a.subject().startsWith(prefix)).toList();
        if (views.isEmpty()) {
            return "No representative gave a view on these strategies in time.";
        }
        StringBuilder out = new StringBuilder();
        for (PlanReviews.Answer a : views) {
            Object support = a.details().get(VAR_STRATEGY_SUPPORT);
            line(out, names.name(a.answeredBy()) + ": " + ("with-changes".equals(support) ? "supports them with changes"
                    : "yes".equals(support) ? "supports them" : "does not support them"));
            Object comment = a.details().get(VAR_CONSULTATION_COMMENT);
            if (comment != null && !comment.toString().isBlank()) {
                out.append(" — ").append(text(comment));
            }
        }
        return FormTexts.fit(out.toString());
    }

    /** The consultation round: 1, and one more after each send-back. */
    static long round(PlanReviews reviews, String period) {
        return reviews.answers(period).stream().filter(a -> a.kind().equals(ANSWER_SEND_BACK)).count() + 1;
    }

    private static void line(StringBuilder out, String text) {
        out.append(out.length() == 0 ? "" : "\n").append(text);
    }

    private static String text(Object value) {
        return value == null ? "—" : value.toString().trim().replaceAll("\\s*\\n\\s*", " ");
    }
}
