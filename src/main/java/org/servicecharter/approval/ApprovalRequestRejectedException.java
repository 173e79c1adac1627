package org.servicecharter.approval;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.servicecharter.platform.ApiProblemHandler.FieldError;

/**
 * A request that cannot be started (bad fields), or an approver's answer that cannot be taken (no reason for a
 * rejection, an amount above the one asked for...). A form validation exception, so that the engine REST API
 * (Tasklist's forms) answers 400 with the reason and the application's API 400 with every field; the engine rolls
 * back whatever the call started.
 */
public class ApprovalRequestRejectedException extends FormFieldValidationException {

    private final transient List<FieldError> fieldErrors;

    public ApprovalRequestRejectedException(String what, List<FieldError> fieldErrors) {
        super(fieldErrors.get(0).field(), what + ": "
                + String.join("; ", fieldErrors.stream().map(e -> e.field() + " " + e.message()).toList()) + ".");
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
