package org.servicecharter.complaint;

import java.time.Instant;
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
}
