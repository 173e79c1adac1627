package org.servicecharter.planreview;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.servicecharter.approval.ApprovalFigures;
import org.servicecharter.complaint.ComplaintFigures;
import org.servicecharter.correctiveaction.CorrectiveActionFigures;
import org.servicecharter.handbook.HandbookFigures;
import org.springframework.stereotype.Service;

/**
 * The review's figures for a period [from, to), composed from each feature's published figures
 * ({@link ComplaintFigures}, {@link ApprovalFigures}, {@link HandbookFigures}, {@link CorrectiveActionFigures}): the plan
 * review reads none of their tables and copies none of their names, so renaming an element of a feature's model is
 * that feature's business (its figures use its own constants). The figures are the department's, not the reading
 * user's: the features compute them without the engine's per-user authorization.
 */
@Service
public class PlanFigures {

    /** The figures of one period. Rates are fractions (0..1); averages are null when there is nothing to average. */
    public record Figures(String from, String to,
            long complaints, Map<String, Long> complaintsByCategory, Map<String, Long> complaintsByChannel,
            long slaBreaches, long escalationsToManagers,
            long complaintsResolved, Double averageHoursToResolve,
            long surveysAnswered, Double surveyResponseRate, Double averageSurveyRating,
            long approvalRequests, Map<String, Map<String, Long>> approvalsByTierAndOutcome,
            long handbookSignOffsDue, long handbookSignOffsSigned, Double handbookSignOffCompletion,
            long correctiveActionsOpened, long serviceRecoveries) {
    }

    /** One figure before and after: {@code verdict} is improved, worse, unchanged or no-data. */
    public record Change(String figure, Double baseline, Double remeasured, Double difference, String verdict) {
    }

    public record Comparison(String baselineFrom, String baselineTo, String remeasuredFrom, String remeasuredTo,
            List<Change> changes) {
    }

    private final ComplaintFigures complaintFigures;
    private final ApprovalFigures approvalFigures;
    private final HandbookFigures handbookFigures;
    private final CorrectiveActionFigures correctiveActionFigures;

    public PlanFigures(ComplaintFigures complaintFigures, ApprovalFigures approvalFigures, HandbookFigures handbookFigures,
            CorrectiveActionFigures correctiveActionFigures) {
        this.complaintFigures = complaintFigures;
        this.approvalFigures = approvalFigures;
        this.handbookFigures = handbookFigures;
        this.correctiveActionFigures = correctiveActionFigures;
    }

    public Figures compute(LocalDateTime from, LocalDateTime to) {
        Instant start = instant(from);
        Instant end = instant(to);
        // each feature's own figures, through its published query: the plan review reads none of their tables
        ComplaintFigures.Period complaints = complaintFigures.between(start, end);
        Double responseRate = complaints.resolved() == 0 ? null : round((double) complaints.surveysAnswered() / complaints.resolved(), 4);
        Map<String, Map<String, Long>> approvals = approvalFigures.byTierAndOutcome(start, end);
        long approvalRequests = approvals.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        HandbookFigures.SignOffs signOffs = handbookFigures.signOffsDue(start, end);
        Double completion = signOffs.due() == 0 ? null : round((double) signOffs.signed() / signOffs.due(), 4);

        return new Figures(from.toString(), to.toString(), complaints.received(), complaints.byCategory(), complaints.byChannel(),
                complaints.slaBreaches(), complaints.escalationsToManagers(), complaints.resolved(),
                complaints.averageHoursToResolve() == null ? null : round(complaints.averageHoursToResolve(), 2),
                complaints.surveysAnswered(), responseRate,
                complaints.averageSurveyRating() == null ? null : round(complaints.averageSurveyRating(), 2),
                approvalRequests, approvals, signOffs.due(), signOffs.signed(), completion,
                correctiveActionFigures.actionsTaken(start, end), complaints.serviceRecoveries());
    }

    /** The re-measured figures against the baseline, figure by figure, with which direction counts as better. */
    public Comparison compare(Figures baseline, Figures remeasured) {
        List<Change> changes = new ArrayList<>();
        changes.add(change("complaints", baseline.complaints(), remeasured.complaints(), false));
        changes.add(change("slaBreaches", baseline.slaBreaches(), remeasured.slaBreaches(), false));
        changes.add(change("escalationsToManagers", baseline.escalationsToManagers(), remeasured.escalationsToManagers(), false));
        changes.add(change("averageHoursToResolve", baseline.averageHoursToResolve(), remeasured.averageHoursToResolve(), false));
        changes.add(change("surveyResponseRate", baseline.surveyResponseRate(), remeasured.surveyResponseRate(), true));
        changes.add(change("averageSurveyRating", baseline.averageSurveyRating(), remeasured.averageSurveyRating(), true));
        changes.add(change("approvalRequests", baseline.approvalRequests(), remeasured.approvalRequests(), null));
        changes.add(change("handbookSignOffCompletion", baseline.handbookSignOffCompletion(), remeasured.handbookSignOffCompletion(), true));
        changes.add(change("correctiveActionsOpened", baseline.correctiveActionsOpened(), remeasured.correctiveActionsOpened(), false));
        changes.add(change("serviceRecoveries", baseline.serviceRecoveries(), remeasured.serviceRecoveries(), false));
        return new Comparison(baseline.from(), baseline.to(), remeasured.from(), remeasured.to(), changes);
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

    /** "1 Oct 2026 to 31 Dec 2026": the period's first and last day, as people write them (the end is exclusive). */
    static String periodInWords(String from, String to) {
        try {
            java.time.LocalDateTime start = java.time.LocalDateTime.parse(from);
            java.time.LocalDateTime end = java.time.LocalDateTime.parse(to);
            java.time.LocalDate last = end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? end.toLocalDate().minusDays(1) : end.toLocalDate();
            return DAY.format(start) + " to " + DAY.format(last);
        } catch (java.time.format.DateTimeParseException notADateTime) {
            return from + " to " + to;
        }
    }

    /** The figures' names as the forms show them (the API keeps the keys). */
    private static final Map<String, String> FIGURE_NAMES = Map.ofEntries(
            Map.entry("complaints", "complaints received"), Map.entry("slaBreaches", "SLA breaches"),
            Map.entry("escalationsToManagers", "escalations to a manager"),
            Map.entry("averageHoursToResolve", "average hours to resolve"),
            Map.entry("surveyResponseRate", "survey response rate"), Map.entry("averageSurveyRating", "average survey rating"),
            Map.entry("approvalRequests", "approval requests"),
            Map.entry("handbookSignOffCompletion", "handbook sign-off completion"),
            Map.entry("correctiveActionsOpened", "corrective actions taken"),
            Map.entry("serviceRecoveries", "complaints reopened for service recovery"));

    /** The figures as text for the review's forms. */
    public String summary(Figures x) {
        StringBuilder sb = new StringBuilder();
        sb.append("Period ").append(periodInWords(x.from(), x.to())).append('\n');
        sb.append("Complaints received: ").append(x.complaints()).append(" — by category ").append(words(x.complaintsByCategory()))
                .append("; by channel ").append(words(x.complaintsByChannel())).append('\n');
        sb.append("SLA breaches: ").append(x.slaBreaches()).append("; escalated to a manager: ").append(x.escalationsToManagers()).append('\n');
        sb.append("Complaints resolved: ").append(x.complaintsResolved()).append("; average time to resolve: ")
                .append(x.averageHoursToResolve() == null ? "—" : x.averageHoursToResolve() + " h").append('\n');
        sb.append("Surveys answered: ").append(x.surveysAnswered()).append(" (response rate ").append(percent(x.surveyResponseRate()))
                .append("); average rating: ").append(x.averageSurveyRating() == null ? "—" : x.averageSurveyRating() + " of 5")
                .append("; reopened for service recovery: ").append(x.serviceRecoveries()).append('\n');
        sb.append(approvalsSummary(x)).append('\n');
        sb.append("Handbook sign-offs due: ").append(x.handbookSignOffsDue()).append(", signed: ").append(x.handbookSignOffsSigned())
                .append(" (").append(percent(x.handbookSignOffCompletion())).append(")\n");
        sb.append("Corrective actions taken: ").append(x.correctiveActionsOpened());
        return sb.toString();
    }

    public String approvalsSummary(Figures x) {
        StringBuilder tiers = new StringBuilder();
        x.approvalsByTierAndOutcome().forEach((tier, outcomes) -> tiers.append(tiers.length() == 0 ? "" : "; ")
                .append("self".equals(tier) ? "self-authorised" : tier).append(": ").append(words(outcomes)));
        return "Approval requests: " + x.approvalRequests() + (tiers.length() == 0 ? "" : " — " + tiers);
    }

    public String feedbackSummary(Figures x) {
        return "Complaints: " + x.complaints() + (x.complaints() == 0 ? "" : " (" + words(x.complaintsByCategory()) + ")") + "; surveys answered " + x.surveysAnswered()
                + " of " + x.complaintsResolved() + " (" + percent(x.surveyResponseRate()) + "), average rating "
                + (x.averageSurveyRating() == null ? "—" : x.averageSurveyRating()) + "; reopened for service recovery "
                + x.serviceRecoveries();
    }

    public String comparisonSummary(Comparison c) {
        StringBuilder sb = new StringBuilder("Baseline ").append(periodInWords(c.baselineFrom(), c.baselineTo()))
                .append(" against ").append(periodInWords(c.remeasuredFrom(), c.remeasuredTo())).append('\n');
        for (Change ch : c.changes()) {
            sb.append(FIGURE_NAMES.getOrDefault(ch.figure(), ch.figure())).append(": ").append(ch.baseline() == null ? "—" : ch.baseline()).append(" → ")
                    .append(ch.remeasured() == null ? "—" : ch.remeasured()).append(" (").append(ch.verdict()).append(")\n");
        }
        return sb.toString().trim();
    }

    private static Change change(String figure, Number before, Number after, Boolean higherIsBetter) {
        if (before == null || after == null) {
            return new Change(figure, before == null ? null : before.doubleValue(), after == null ? null : after.doubleValue(), null, "no-data");
        }
        double b = before.doubleValue();
        double a = after.doubleValue();
        double difference = round(a - b, 4);
        String verdict;
        if (difference == 0) {
            verdict = "unchanged";
        } else if (higherIsBetter == null) {
            verdict = difference > 0 ? "higher" : "lower";
        } else {
            verdict = (difference > 0) == higherIsBetter ? "improved" : "worse";
        }
        return new Change(figure, b, a, difference, verdict);
    }

    private static Instant instant(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant();
    }

    /** "billing 2, delivery 3" (not "{billing=2, delivery=3}"): the forms are read by people. */
    static String words(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        counts.forEach((name, count) -> out.append(out.length() == 0 ? "" : ", ").append(name.replace('-', ' ')).append(' ').append(count));
        return out.toString();
    }

    static String percent(Double fraction) {
        return fraction == null ? "—" : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
