package org.servicecharter.complaint;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A correction of a complaint's facts that cannot be made as asked: no such complaint, no reason, an employee who does
 * not exist, an address that is not one... A form validation exception, so that Tasklist (engine REST) answers 400
 * with the sentence; the transaction rolls back and nothing is started or changed.
 */
public class ComplaintCorrectionRejectedException extends FormFieldValidationException {

    private final String field;

    public ComplaintCorrectionRejectedException(String field, String message) {
        super(field, message);
        this.field = field;
    }

    /** The form field that is wrong. */
    public String field() {
        return field;
    }
}
