package org.servicecharter.complaint;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.servicecharter.platform.ApiProblemHandler.FieldError;

/**
 * A task's form completed with values the step after it cannot take (a survey rating outside 1 to 5, a recovery
 * without what was done): a form validation exception, so that Tasklist (engine REST) answers 400 with the sentence
 * naming each field; the completion rolls back and the task stays open.
 */
class TaskFormRejectedException extends FormFieldValidationException {

    TaskFormRejectedException(List<FieldError> errors) {
        super(errors.get(0).field(), errors.stream().map(e -> e.field() + " " + e.message())
                .collect(Collectors.joining("; ", "", ".")));
    }
}
