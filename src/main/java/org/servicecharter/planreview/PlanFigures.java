package org.servicecharter.planreview;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.servicecharter.complaint.ComplaintFigures;
import org.servicecharter.employeefile.EmployeeFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The review's figures for a period [from, to), computed by SQL over the application's registers (complaints,
 * approval requests, handbook sign-offs; the employee file through {@link EmployeeFile}, its only reader and writer)
 * and the engine's history (SLA breaches and escalations of
 * complaint handling). Plain SQL rather than the engine's query API: the figures are the department's, not the
 * reading user's, so the engine's per-user authorization must not thin them out. Table names, process keys and
 * element ids are the other features' published names, used as strings (feature packages do not import each other).
 * New figures are read through the feature's published query instead ({@link ComplaintFigures}: service recoveries).
 */
@Service
public class PlanFigures {

    static final String COMPLAINT_PROCESS = "complaint-handling";
    static final String SLA_BREACHED = "BoundaryEvent_SlaBreached";
    static final String MANAGER_RESOLVES = "Task_ManagerResolvesComplaint";
    static final String HANDBOOK_ACKNOWLEDGEMENT = "handbook-acknowledgement";
    /** The corrective-action ladder's records in the employee file: each one is a corrective action taken. */
    static final List<String> CORRECTIVE_ACTION_RECORDS = List.of("corrective-action-coaching",
            "corrective-action-written-warning", "corrective-action-final-warning", "corrective-action-hr-retained",
            "corrective-action-hr-dismissed");

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

    private final JdbcTemplate jdbc;
    private final EmployeeFile employeeFile;
    private final ComplaintFigures complaintFigures;

    public PlanFigures(JdbcTemplate jdbc, EmployeeFile employeeFile, ComplaintFigures complaintFigures) {
        this.jdbc = jdbc;
        this.employeeFile = employeeFile;
        this.complaintFigures = complaintFigures;
    }

    public Figures compute(LocalDateTime from, LocalDateTime to) {
        Timestamp f = Timestamp.valueOf(from);
        Timestamp t = Timestamp.valueOf(to);

        Map<String, Long> byCategory = grouped("SELECT category, COUNT(*) FROM complaint WHERE received_at >= ? AND received_at < ? GROUP BY category", f, t);
        Map<String, Long> byChannel = grouped("SELECT channel, COUNT(*) FROM complaint WHERE received_at >= ? AND received_at < ? GROUP BY channel", f, t);
        long complaints = byCategory.values().stream().mapToLong(Long::longValue).sum();

        long breaches = count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_DEF_KEY_ = ? AND ACT_ID_ = ? AND START_TIME_ >= ? AND START_TIME_ < ?",
                COMPLAINT_PROCESS, SLA_BREACHED, f, t);
        long escalations = count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_DEF_KEY_ = ? AND ACT_ID_ = ? AND START_TIME_ >= ? AND START_TIME_ < ?",
                COMPLAINT_PROCESS, MANAGER_RESOLVES, f, t);

        // complaints resolved in the period: time to resolve, and the survey each resolution sent
        List<long[]> resolved = jdbc.query(
                "SELECT received_at, resolved_at, survey_rating, survey_answered_at FROM complaint WHERE resolved_at >= ? AND resolved_at < ?",
                (rs, i) -> new long[] {
                        Duration.between(rs.getTimestamp(1).toLocalDateTime(), rs.getTimestamp(2).toLocalDateTime()).toSeconds(),
                        rs.getTimestamp(4) == null ? 0 : 1, rs.getInt(3) }, f, t);
        Double avgHours = resolved.isEmpty() ? null
                : round(resolved.stream().mapToLong(r -> r[0]).average().orElse(0) / 3600.0, 2);
        long answered = resolved.stream().filter(r -> r[1] == 1).count();
        Double responseRate = resolved.isEmpty() ? null : round((double) answered / resolved.size(), 4);
        Double avgRating = answered == 0 ? null
                : round(resolved.stream().filter(r -> r[1] == 1).mapToLong(r -> r[2]).average().orElse(0), 2);

        Map<String, Map<String, Long>> approvals = new TreeMap<>();
        jdbc.query("""
                SELECT CASE WHEN self_authorised THEN 'self' ELSE COALESCE(decided_at_tier, current_tier, required_tier, 'unknown') END,
                       status, COUNT(*)
                FROM approval_request WHERE requested_at >= ? AND requested_at < ?
                GROUP BY CASE WHEN self_authorised THEN 'self' ELSE COALESCE(decided_at_tier, current_tier, required_tier, 'unknown') END, status
                """, rs -> {
            approvals.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).merge(rs.getString(2), rs.getLong(3), Long::sum);
        }, f, t);
        long approvalRequests = approvals.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();

        // handbook sign-offs due in the period, and which of them the employee file shows signed by its end
        List<String> answerKeys = jdbc.query("SELECT version, employee_id FROM handbook_recipient WHERE due_at >= ? AND due_at < ?",
                (rs, i) -> "handbook-answer:" + rs.getString(1) + ":" + rs.getString(2), f, t);
        Instant end = instant(to);
        long due = answerKeys.size();
        long signed = answerKeys.stream().map(employeeFile::find).filter(e -> e.isPresent()
                && HANDBOOK_ACKNOWLEDGEMENT.equals(e.get().recordType()) && e.get().recordedAt().isBefore(end)).count();
        Double completion = due == 0 ? null : round((double) signed / due, 4);

        long corrective = employeeFile.count(CORRECTIVE_ACTION_RECORDS, instant(from), end);

        // complaints reopened for service recovery after a poor survey answer in the period
        long recoveries = complaintFigures.between(instant(from), end).serviceRecoveries();

        return new Figures(from.toString(), to.toString(), complaints, byCategory, byChannel, breaches, escalations,
                resolved.size(), avgHours, answered, responseRate, avgRating, approvalRequests, approvals, due, signed,
                completion, corrective, recoveries);
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

    /** The figures as text for the review's forms. */
    public String summary(Figures x) {
        StringBuilder sb = new StringBuilder();
        sb.append("Period ").append(x.from()).append(" to ").append(x.to()).append('\n');
        sb.append("Complaints received: ").append(x.complaints()).append(" — by category ").append(x.complaintsByCategory())
                .append(", by channel ").append(x.complaintsByChannel()).append('\n');
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
        return "Approval requests: " + x.approvalRequests() + " — by tier and outcome " + x.approvalsByTierAndOutcome();
    }

    public String feedbackSummary(Figures x) {
        return "Complaints: " + x.complaints() + " " + x.complaintsByCategory() + "; surveys answered " + x.surveysAnswered()
                + " of " + x.complaintsResolved() + " (" + percent(x.surveyResponseRate()) + "), average rating "
                + (x.averageSurveyRating() == null ? "—" : x.averageSurveyRating()) + "; reopened for service recovery "
                + x.serviceRecoveries();
    }

    public String comparisonSummary(Comparison c) {
        StringBuilder sb = new StringBuilder("Baseline ").append(c.baselineFrom()).append(" to ").append(c.baselineTo())
                .append(" against ").append(c.remeasuredFrom()).append(" to ").append(c.remeasuredTo()).append('\n');
        for (Change ch : c.changes()) {
            sb.append(ch.figure()).append(": ").append(ch.baseline() == null ? "—" : ch.baseline()).append(" → ")
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

    private Map<String, Long> grouped(String sql, Object... args) {
        Map<String, Long> result = new TreeMap<>();
        jdbc.query(sql, rs -> {
            result.put(rs.getString(1), rs.getLong(2));
        }, args);
        return result;
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static Instant instant(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant();
    }

    private static String percent(Double fraction) {
        return fraction == null ? "—" : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
