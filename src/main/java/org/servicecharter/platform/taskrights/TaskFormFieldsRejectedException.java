package org.servicecharter.platform.taskrights;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A completion carried variables that the task's form does not have: bad input, so every API door answers 400 with
 * the names refused and the fields accepted.
 */
public class TaskFormFieldsRejectedException extends BadUserRequestException {

    public TaskFormFieldsRejectedException(String message) {
        super(message);
    }
}
