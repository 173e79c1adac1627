package org.servicecharter.handbook;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.servicecharter.platform.ApiProblemHandler.FieldError;

/**
 * A handbook version that cannot be published: bad fields, or a version label that exists. A form validation
 * exception, so that the engine REST API (Tasklist's start form) answers 400 with the reason; the application's
 * API turns it into 400 with every field, or 409 for an existing version.
 */
public class HandbookRejectedException extends FormFieldValidationException {

    private final transient List<FieldError> fieldErrors;
    private final boolean conflict;

    public HandbookRejectedException(List<FieldError> fieldErrors, boolean conflict) {
        super(fieldErrors.get(0).field(), "The handbook version cannot be published: "
                + String.join("; ", fieldErrors.stream().map(e -> e.field() + " " + e.message()).toList()) + ".");
        this.fieldErrors = List.copyOf(fieldErrors);
        this.conflict = conflict;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public boolean isConflict() {
        return conflict;
    }
}
