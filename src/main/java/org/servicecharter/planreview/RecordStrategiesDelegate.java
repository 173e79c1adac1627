package org.servicecharter.planreview;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.servicecharter.identity.StaffNames;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.platform.Rejected;
import org.springframework.stereotype.Component;

/**
 * Records the one or two strategies the manager chose (weakness, type, owner, due date, re-measure time — by default
 * the one configured for the strategy's area) for management's approval.
 * Incomplete or wrong choices are refused with every problem named, and with them the completion of the task.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordStrategiesDelegate implements JavaDelegate {

    /** The strategy types as the choosing form words them, for the head of service's form. */
    static final Map<String, String> TYPE_WORDS = Map.of("process-redesign", "redesign a process", "space",
            "change the physical space", "training", "training programme", "delivery-method", "change the delivery method",
            "incentives", "incentive programme");

    private final PlanReviews reviews;
    private final IdentityService identityService;
    private final StaffNames names;
    private final org.servicecharter.platform.DatesForPeople dates;
    private final PlanReviewProperties properties;

    public RecordStrategiesDelegate(PlanReviews reviews, IdentityService identityService, StaffNames names,
            org.servicecharter.platform.DatesForPeople dates, PlanReviewProperties properties) {
        this.dates = dates;
        this.properties = properties;
        this.reviews = reviews;
        this.identityService = identityService;
        this.names = names;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String period = (String) execution.getVariable(VAR_PERIOD);
        int count = Boolean.TRUE.equals(execution.getVariable(VAR_SECOND_STRATEGY)) ? 2 : 1;
        List<String> errors = new ArrayList<>();
        List<PlanReviews.Strategy> strategies = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String weakness = text(execution, var(VAR_STRATEGY_WEAKNESS, n));
            String type = text(execution, var(VAR_STRATEGY_TYPE, n));
            String owner = text(execution, var(VAR_STRATEGY_OWNER, n));
            LocalDateTime due = due(execution.getVariable(var(VAR_STRATEGY_DUE, n)));
            if (weakness == null) {
                errors.add("strategy " + n + ": name the weakness it tackles");
            }
            if (type == null || !STRATEGY_TYPES.contains(type)) {
                errors.add("strategy " + n + ": the strategy is one of " + STRATEGY_TYPES);
            }
            if (owner == null || identityService.createUserQuery().userId(owner).count() == 0) {
                errors.add("strategy " + n + ": the owner is the user id of an employee");
            }
            if (due == null || !due.isAfter(ReviewPeriod.now())) {
                errors.add("strategy " + n + ": the due date is a date in the future");
            }
            String askedRemeasure = text(execution, var(VAR_STRATEGY_REMEASURE_AFTER, n));
            Period remeasureAfter = askedRemeasure == null ? properties.remeasureAfter(type) : RemeasureTime.parse(askedRemeasure);
            if (remeasureAfter == null) {
                errors.add("strategy " + n + ": the re-measure time is a number of days from 1 to " + RemeasureTime.MAX_DAYS
                        + " or an ISO-8601 period such as P3M, P6W or P45D (at most two years)");
            }
            strategies.add(new PlanReviews.Strategy(n, weakness, type, text(execution, var(VAR_STRATEGY_DESCRIPTION, n)), owner,
                    due, "proposed", null, null, null, remeasureAfter == null ? null : remeasureAfter.toString(), null, null));
        }
        if (!errors.isEmpty()) {
            throw new Rejected("The strategies cannot be recorded: " + String.join("; ", errors) + ".");
        }
        reviews.proposeStrategies(period, strategies);
        execution.setVariable(VAR_STRATEGY_NUMBERS, strategies.stream().map(s -> String.valueOf(s.number())).collect(Collectors.joining(",")));
        execution.setVariable(VAR_STRATEGIES_SUMMARY, strategies.stream()
                .map(s -> s.number() + ". " + s.weakness() + " → " + TYPE_WORDS.getOrDefault(s.type(), s.type())
                        + (s.description() == null ? "" : " (" + s.description() + ")")
                        + ", owner " + names.name(s.owner()) + ", due " + dates.day(s.dueAt().toLocalDate())
                        + ", re-measured " + RemeasureTime.words(s.remeasureAfter()) + " after it is implemented")
                .collect(Collectors.joining("\n")));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    /** A date from the form (2026-05-01: the end of that day) or a date-time. */
    private static LocalDateTime due(Object value) {
        if (value instanceof Date date) {
            return ReviewPeriod.time(date);
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().trim();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atTime(23, 59, 59) : LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
