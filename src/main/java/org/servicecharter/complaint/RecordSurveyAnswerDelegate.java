package org.servicecharter.complaint;

import static org.servicecharter.complaint.ComplaintProcess.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Records the customer's survey answer, from the survey page or from an agent's call: checks it (rating 1 to 5; the
 * issue counts as resolved unless the customer says it is not), stores rating and "resolved" as plain number and
 * boolean for the model's decision on service recovery, and writes the answer to the complaints register with the
 * agent who took it on the phone. A bad answer through the call task's form rolls the completion back with the field.
 */
@ModelCallable(processes = ComplaintProcess.PROCESS_KEY)
@Component("recordSurveyAnswerDelegate")
public class RecordSurveyAnswerDelegate implements JavaDelegate {

    private final ComplaintRegister register;

    public RecordSurveyAnswerDelegate(ComplaintRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<FieldError> errors = new ArrayList<>();
        Integer rating = rating(execution.getVariable(VAR_SURVEY_RATING));
        if (rating == null || rating < 1 || rating > 5) {
            errors.add(new FieldError(VAR_SURVEY_RATING, "must be a whole number between 1 and 5"));
        }
        Object resolvedValue = execution.getVariable(VAR_SURVEY_RESOLVED);
        Boolean resolved = resolvedValue == null ? Boolean.TRUE : resolvedValue instanceof Boolean b ? b
                : "true".equals(resolvedValue) ? Boolean.TRUE : "false".equals(resolvedValue) ? Boolean.FALSE : null;
        if (resolved == null) {
            errors.add(new FieldError(VAR_SURVEY_RESOLVED, "must be yes or no"));
        }
        Object comment = execution.getVariable(VAR_SURVEY_COMMENT);
        if (comment != null && (!(comment instanceof String text) || text.length() > 2000)) {
            errors.add(new FieldError(VAR_SURVEY_COMMENT, "must be a text of at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw Rejected.of("The form cannot be completed", errors);
        }
        // as a plain number and boolean for the model's decision (the call form sends the option's text)
        if (!rating.equals(execution.getVariable(VAR_SURVEY_RATING))) {
            execution.setVariable(VAR_SURVEY_RATING, rating);
        }
        if (!resolved.equals(resolvedValue)) {
            execution.setVariable(VAR_SURVEY_RESOLVED, resolved);
        }
        // answered on the phone: the agent who completed the call task took it; on the survey page: the customer
        String takenBy = execution.hasVariable(VAR_SURVEY_CALL) ? CurrentUser.of(execution) : null;
        String text = comment == null || ((String) comment).isBlank() ? null : (String) comment;
        register.recordSurveyAnswer(execution.getProcessBusinessKey(), rating, text, resolved, takenBy);
    }

    /** The rating as the survey API sends it (a number) or as the call form does (the text of the chosen option). */
    private static Integer rating(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (value instanceof String s && s.trim().matches("\\d{1,2}")) {
            return Integer.valueOf(s.trim());
        }
        return null;
    }
}
