package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.identity.Roles;
import org.servicecharter.identity.StaffNames;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * What the model asks about coaching after a staff rating: who coaches the representative (their manager; the managers
 * when they report to nobody), by when, and who needs which training in the review's period (its training-need records
 * in the employee file, by name) for the training review's form. When it is due travels with the coaching's start
 * ({@code coachingDue}), so that the task's due date and its overdue timer are the same instant. The threshold and the time allowed come from
 * {@link PlanReviewProperties}.
 */
@ModelCallable
@Component("planReviewCoaching")
public class PlanReviewCoaching {

    /** The rated qualities in the form's order, with the words a person reads. */
    static final Map<String, String> QUALITIES = qualities();

    private final PlanReviewProperties properties;
    private final ReportingLines reportingLines;
    private final EmployeeFile employeeFile;
    private final StaffNames names;

    public PlanReviewCoaching(PlanReviewProperties properties, ReportingLines reportingLines, EmployeeFile employeeFile,
            StaffNames names) {
        this.properties = properties;
        this.reportingLines = reportingLines;
        this.employeeFile = employeeFile;
        this.names = names;
    }

    /** The representative's manager, who coaches them (null when they report to nobody: the managers then). */
    public String coach(String representative) {
        return reportingLines.managerOf(representative);
    }

    /** The managers when the representative reports to nobody, so that a coaching always has someone to do it. */
    public List<String> groupsWithoutCoach(String representative) {
        return reportingLines.managerOf(representative) == null ? List.of(Roles.MANAGERS) : List.of();
    }

    /** When the coaching is due: {@code coaching-due} from now (sent with the coaching's start, {@code coachingDue}). */
    Date dueDate() {
        LocalDateTime now = ReviewPeriod.now();
        return ReviewPeriod.date(now.plus(properties.coachingDue()));
    }

    /** Who needs which training in the period, one line each by name, from the period's training-need records. */
    public String trainingNeeds(String period) {
        List<EmployeeFileEntry> needs = employeeFile.entriesAbout(period, List.of(RECORD_TRAINING_NEED));
        if (needs.isEmpty()) {
            return "No representative has been rated at or below " + properties.coachingThreshold()
                    + " in a quality in this review (so far).";
        }
        StringBuilder text = new StringBuilder();
        for (EmployeeFileEntry need : needs) {
            text.append(text.isEmpty() ? "" : "\n").append(names.name(need.employeeId())).append(": ").append(need.details());
        }
        return text.toString();
    }

    /** The qualities rated at or below the threshold, in words and in the form's order (empty: no coaching). */
    List<String> lowQualities(Map<String, Integer> ratings) {
        List<String> low = new ArrayList<>();
        QUALITIES.forEach((variable, words) -> {
            Integer rating = ratings.get(variable);
            if (rating != null && rating <= properties.coachingThreshold()) {
                low.add(words);
            }
        });
        return low;
    }

    int threshold() {
        return properties.coachingThreshold();
    }

    /** "friendliness", "friendliness and empathy", "enthusiasm, friendliness and empathy". */
    static String inWords(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static Map<String, String> qualities() {
        Map<String, String> qualities = new LinkedHashMap<>();
        qualities.put(VAR_ENTHUSIASM, "enthusiasm");
        qualities.put(VAR_FRIENDLINESS, "friendliness");
        qualities.put(VAR_PROBLEM_SOLVING, "problem solving");
        qualities.put(VAR_EMPATHY, "empathy");
        return qualities;
    }
}
