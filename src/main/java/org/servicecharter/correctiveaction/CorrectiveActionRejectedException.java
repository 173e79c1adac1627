package org.servicecharter.correctiveaction;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Bad input to a case: an employee who does not exist, an unknown severity or ladder step, an HR decision without a
 * reason... A form validation exception, so that Tasklist (engine REST) answers 400 with the reason; the application's
 * API answers 400 naming the field. The transaction rolls back: nothing is recorded.
 */
public class CorrectiveActionRejectedException extends FormFieldValidationException {

    private final String field;

    public CorrectiveActionRejectedException(String field, String message) {
        super(field, message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
