package org.servicecharter.handbook;

import org.camunda.bpm.engine.AuthorizationException;

/** Someone other than the employee tried to sign (or decline) the employee's handbook sign-off. */
public class SignOffRefusedException extends AuthorizationException {

    public SignOffRefusedException(String message) {
        super(message);
    }
}
