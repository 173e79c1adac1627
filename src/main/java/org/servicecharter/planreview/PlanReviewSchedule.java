package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * What the model asks: {@code ${planReviewSchedule.cycle()}} for the timer start, the representatives to rate and
 * survey, and each strategy's owner and due date. Durations and the schedule come from {@link PlanReviewProperties}.
 */
@ModelCallable
@Component("planReviewSchedule")
public class PlanReviewSchedule {

    private final PlanReviewProperties properties;
    private final PlanReviews reviews;
    private final IdentityService identityService;

    public PlanReviewSchedule(PlanReviewProperties properties, PlanReviews reviews, IdentityService identityService) {
        this.properties = properties;
        this.reviews = reviews;
        this.identityService = identityService;
    }

    /** The timer start's cycle (a cron expression), read when the model is deployed. */
    public String cycle() {
        return properties.schedule();
    }

    /** The representatives the review rates and surveys: the members of the configured group, by id. */
    public List<String> representatives() {
        return identityService.createUserQuery().memberOfGroup(properties.representativesGroup()).orderByUserId().asc()
                .list().stream().map(User::getId).toList();
    }

    /** The approved strategies' numbers ({@code strategyNumbers} is "1" or "1,2"), for the multi-instance. */
    public List<Integer> numbers(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    public String strategyOwner(String period, int number) {
        return reviews.strategy(period, number).owner();
    }

    public Date strategyDue(String period, int number) {
        return ReviewPeriod.date(reviews.strategy(period, number).dueAt());
    }

    public String strategyText(String period, int number) {
        PlanReviews.Strategy s = reviews.strategy(period, number);
        return "Weakness: " + s.weakness() + "\nStrategy: " + s.type() + (s.description() == null ? "" : " — " + s.description())
                + "\nDue: " + s.dueAt().toLocalDate()
                + "\nRe-measured: " + RemeasureTime.words(s.remeasureAfter() != null ? s.remeasureAfter()
                        : properties.remeasureAfter(s.type()).toString()) + " after it is implemented";
    }

    /** When the strategy's waiting period is over: its timer's date (set when it was implemented). */
    public Date remeasureDue(String period, int number) {
        return ReviewPeriod.date(reviews.strategy(period, number).remeasureTo());
    }
}
