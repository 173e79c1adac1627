package org.servicecharter.planreview;

import java.time.Period;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the periodic plan review ({@code servicecharter.plan-review.*}).
 *
 * @param schedule             when the review starts by itself: a Quartz cron expression (seconds first) for the
 *                             engine's timer; the default {@code 0 0 7 1W 1/3 ?} is 07:00 on the weekday nearest the
 *                             1st of January, April, July and October that is in that month, i.e. the first working
 *                             day of each quarter (public holidays aside)
 * @param remeasureAfter       how long after a strategy is implemented its figures are computed again (ISO-8601),
 *                             unless its area has a time of its own or the manager who chose it set one
 * @param remeasureAfterByArea the default re-measure time per area (strategy type: process-redesign, space,
 *                             training, delivery-method, incentives), ISO-8601; an area not named uses
 *                             {@code remeasureAfter}
 * @param yearlyQuarter        the review of this quarter is also the yearly one (policies and procedures rewritten)
 * @param representativesGroup whose members are rated against the plan's requirements and surveyed afterwards
 * @param serviceElements      the most important elements of service, each rated in every review (the review can
 *                             add more); at most {@link ServiceElementTable#SLOTS} less two, so that the form keeps
 *                             room for the elements the review adds
 * @param weakestCount         how many of the heaviest rows (importance × (5 − rating)) are highlighted
 * @param coachingThreshold    a representative rated at or below this (1 to 5) in any quality is coached by their
 *                             manager, and the quality is recorded as a training need
 * @param coachingDue          how long the manager has for the coaching (ISO-8601, from the rating)
 * @param researchWindow       how long the research round stays open (survey links and interviews; ISO-8601)
 * @param researchSampleSize   how many recent customers (distinct addresses of complaints resolved in the period,
 *                             drawn at random) receive the research survey
 * @param consultationWindow   how long the agents have to give their view on the chosen strategies before the head
 *                             of service decides without the missing answers (ISO-8601)
 */
@ConfigurationProperties("servicecharter.plan-review")
public record PlanReviewProperties(
        @DefaultValue("0 0 7 1W 1/3 ?") String schedule,
        @DefaultValue("P3M") Period remeasureAfter,
        @DefaultValue("4") int yearlyQuarter,
        @DefaultValue("agents") String representativesGroup,
        @DefaultValue({"Speed of answer", "Friendliness of staff", "Knowledge of staff", "Complaint resolved at first contact",
                "Keeping promises and following up", "Ease of reaching us"}) List<String> serviceElements,
        @DefaultValue("2") int weakestCount,
        @DefaultValue("2") int coachingThreshold,
        @DefaultValue("P30D") Period coachingDue,
        @DefaultValue("P7D") Period researchWindow,
        @DefaultValue("20") int researchSampleSize,
        @DefaultValue("P3D") Period consultationWindow,
        Map<String, Period> remeasureAfterByArea) {

    public PlanReviewProperties {
        remeasureAfterByArea = remeasureAfterByArea == null ? Map.of() : Map.copyOf(remeasureAfterByArea);
        if (serviceElements.size() > ServiceElementTable.SLOTS - 2) {
            throw new IllegalStateException("servicecharter.plan-review.service-elements: at most "
                    + (ServiceElementTable.SLOTS - 2) + " elements, so that the rating form keeps room for the ones a review adds");
        }
        for (Map.Entry<String, Period> e : remeasureAfterByArea.entrySet()) {
            if (!PlanReviewProcess.STRATEGY_TYPES.contains(e.getKey()) || e.getValue().isNegative() || e.getValue().isZero()) {
                throw new IllegalStateException("servicecharter.plan-review.remeasure-after-by-area: '" + e.getKey()
                        + "' is not one of " + PlanReviewProcess.STRATEGY_TYPES + " with a positive period");
            }
        }
    }

    /** The default re-measure time of a strategy of this area. */
    public Period remeasureAfter(String area) {
        return area == null ? remeasureAfter : remeasureAfterByArea.getOrDefault(area, remeasureAfter);
    }
}
