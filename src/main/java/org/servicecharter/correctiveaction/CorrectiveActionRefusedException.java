package org.servicecharter.correctiveaction;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Someone who may not act on an employee's case tried to: a manager outside the employee's reporting line opening or
 * documenting it, someone else acknowledging the employee's action, a non-HR user deciding HR's review. An
 * authorization exception, so the engine REST API and the application's API answer 403; the transaction rolls back.
 */
public class CorrectiveActionRefusedException extends AuthorizationException {

    public CorrectiveActionRefusedException(String message) {
        super(message);
    }
}
