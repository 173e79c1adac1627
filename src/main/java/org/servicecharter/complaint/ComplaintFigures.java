package org.servicecharter.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Complaint handling's published figures, for other features (the plan review) that must not read its tables or know
 * its model's element ids: {@code between(from, to)} over [from, to).
 */
public interface ComplaintFigures {

    /**
     * @param byCategory            complaints received in the period, by category
     * @param byChannel             complaints received in the period, by channel
     * @param slaBreaches           SLA breaches (the model's first escalation) in the period
     * @param escalationsToManagers complaints taken from the team and given to the managers in the period
     * @param resolved              complaints resolved in the period (received before it or in it)
     * @param averageHoursToResolve their average time from receipt to resolution, in hours; null when none
     * @param surveysAnswered       how many of them have a survey answer
     * @param averageSurveyRating   the average rating of those answers; null when none
     * @param serviceRecoveries     complaints reopened for service recovery after a poor survey answer in the period
     */
    record Period(Instant from, Instant to, Map<String, Long> byCategory, Map<String, Long> byChannel, long slaBreaches,
            long escalationsToManagers, long resolved, Double averageHoursToResolve, long surveysAnswered,
            Double averageSurveyRating, long serviceRecoveries) {

        public long received() {
            return byCategory.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    Period between(Instant from, Instant to);

    /**
     * One person's complaints in [from, to): those they resolved in the period.
     *
     * @param handled             complaints the employee resolved in the period
     * @param withinSla           how many of them were resolved before the SLA was breached (the model's escalation
     *                            had not fired for them)
     * @param surveysAnswered     how many of them have a survey answer
     * @param averageSurveyRating the average rating of those answers; null when none
     */
    record Handled(String employee, Instant from, Instant to, long handled, long withinSla, long surveysAnswered,
            Double averageSurveyRating) {

        /** The share resolved within the SLA (0..1); null when the employee resolved none. */
        public Double slaKept() {
            return handled == 0 ? null : (double) withinSla / handled;
        }
    }

    Handled handledBy(String employee, Instant from, Instant to);

    /**
     * Open complaints (not yet resolved, or reopened for service recovery) in one queue (the candidate group of the
     * complaint's current handling task; {@code unassigned} before its first task), against their SLA and by age.
     *
     * @param breached       the SLA due date has passed
     * @param breachingToday due later today (from now to the end of the day)
     * @param ages           by time since receipt: under a day, one to three days, three to seven days, over a week
     */
    record Queue(String queue, long open, long breached, long breachingToday, Ages ages) {
    }

    record Ages(long underOneDay, long oneToThreeDays, long threeToSevenDays, long overSevenDays) {
    }

    /** Open complaints by queue, counted in one query on the register (not by reading tasks). */
    List<Queue> openByQueue(Instant now, Instant endOfToday);

    /**
     * One week (or the shorter last part of a period), from and to both included: complaints received, first SLA
     * breaches, complaints resolved and how many of those have a survey answer, and the answers' average rating (null
     * when none). Days are the server's.
     */
    record Week(LocalDate from, LocalDate to, long received, long slaBreaches, long resolved, long surveysAnswered,
            Double averageRating) {
    }

    /**
     * Weekly figures over the days from {@code from} to {@code to} (both included): one entry per seven days from
     * {@code from}, the last one possibly shorter. Counted per day in SQL (three grouped range queries on indexed
     * columns), summed into weeks here.
     */
    List<Week> weekly(LocalDate from, LocalDate to);

    /**
     * A survey answer at or below the recovery threshold and what became of it: {@code recovery} is {@code none} (no
     * service recovery opened), {@code in progress}, or the recorded outcome.
     */
    record LowRating(String reference, int rating, Instant answeredAt, String recovery, Instant recoveryClosedAt) {
    }

    /** The latest low ratings (at or below the recovery threshold) answered in the days from..to (both included), newest first. */
    List<LowRating> latestLowRatings(LocalDate from, LocalDate to, int limit);
}
