package org.servicecharter.correctiveaction;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import java.util.ArrayList;
import java.util.List;

import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.springframework.stereotype.Component;

/**
 * What a case must name to be opened: an employee who exists and the behaviour or complaint it is about. Checked once,
 * by the model's first step ({@link OpenCorrectiveActionCaseDelegate}), which the API, Tasklist's start form and
 * complaint handling's message all go through; every bad field is named at once, in the same words through every door.
 */
@Component
class CaseOpeningCheck {

    static final int MAX_CONCERN = 4000;

    private final CorrectiveActionCases cases;

    CaseOpeningCheck(CorrectiveActionCases cases) {
        this.cases = cases;
    }

    /** The case as asked for, trimmed; refused with {@link Rejected} naming every bad field. */
    Opening check(Object employeeValue, Object concernValue) {
        List<FieldError> errors = new ArrayList<>();
        String employee = trimmed(employeeValue);
        if (employee == null) {
            errors.add(new FieldError(VAR_EMPLOYEE, "is required: the user id of the employee"));
        } else if (!cases.userExists(employee)) {
            errors.add(new FieldError(VAR_EMPLOYEE, "is not an employee: there is no user " + employee));
        }
        String concern = trimmed(concernValue);
        if (concern == null) {
            errors.add(new FieldError(VAR_CONCERN, "is required: the behaviour or complaint the case is about"));
        } else if (concern.length() > MAX_CONCERN) {
            errors.add(new FieldError(VAR_CONCERN, "must be at most " + MAX_CONCERN + " characters"));
        }
        if (!errors.isEmpty()) {
            throw Rejected.of("The case cannot be opened", errors);
        }
        return new Opening(employee, concern);
    }

    /** What the case is opened with. */
    record Opening(String employee, String concern) {
    }

    static String trimmed(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        return text.trim();
    }
}
