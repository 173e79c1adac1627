package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Records a customer interview (completion listener): the channel (in person or phone), the customer, what they
 * expect (required), the needs we do not meet and how we compare with competitors — or nothing, when the one
 * completing it has no interview to record. The service elements the customer named that are not on the list (one a
 * line) are kept with the interview; the research round hands them to the service-element table. Sets
 * {@code moreInterviews} for the model: another interview to record.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordInterviewListener implements TaskListener {

    private final PlanReviews reviews;

    public RecordInterviewListener(PlanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean nothing = Boolean.TRUE.equals(task.getVariable(VAR_NOTHING_TO_RECORD));
        if (!nothing) {
            Object channel = task.getVariable(VAR_INTERVIEW_CHANNEL);
            if (!INTERVIEW_CHANNELS.contains(channel)) {
                throw new Rejected(VAR_INTERVIEW_CHANNEL, "Say how the interview was held: " + String.join(" or ", INTERVIEW_CHANNELS) + ".");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put(VAR_INTERVIEW_CHANNEL, channel);
            details.put(VAR_INTERVIEW_CUSTOMER, TaskAnswers.required(task, VAR_INTERVIEW_CUSTOMER));
            details.put(VAR_INTERVIEW_EXPECTATIONS, TaskAnswers.required(task, VAR_INTERVIEW_EXPECTATIONS));
            details.put(VAR_INTERVIEW_UNMET_NEEDS, task.getVariable(VAR_INTERVIEW_UNMET_NEEDS));
            details.put(VAR_INTERVIEW_COMPETITORS, task.getVariable(VAR_INTERVIEW_COMPETITORS));
            List<String> named = namedElements(task.getVariable(VAR_INTERVIEW_SERVICE_ELEMENTS));
            if (!named.isEmpty()) {
                details.put(VAR_INTERVIEW_SERVICE_ELEMENTS, named);
            }
            String period = TaskAnswers.period(task);
            long number = reviews.answers(period).stream().filter(a -> a.kind().equals(ANSWER_INTERVIEW)).count() + 1;
            reviews.answer(period, ANSWER_INTERVIEW, String.format("%03d", number), TaskAnswers.answeredBy(task), ReviewPeriod.now(), details);
        }
        boolean more = !nothing && Boolean.TRUE.equals(task.getVariable(VAR_ANOTHER_INTERVIEW));
        task.getExecution().getProcessInstance().setVariable(VAR_MORE_INTERVIEWS, more);
    }

    /** The names given one a line, trimmed, blank lines and repeats (ignoring case) left out; a name over 200 characters is refused. */
    static List<String> namedElements(Object given) {
        List<String> names = new ArrayList<>();
        if (given == null) {
            return names;
        }
        for (String line : given.toString().split("\\R")) {
            String name = line.trim();
            if (name.length() > 200) {
                throw new Rejected(VAR_INTERVIEW_SERVICE_ELEMENTS, "A service element's name has at most 200 characters: '"
                        + name.substring(0, 40) + "…' is longer.");
            }
            if (!name.isEmpty() && names.stream().noneMatch(n -> n.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))) {
                names.add(name);
            }
        }
        return names;
    }
}
