package org.servicecharter.approval;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Someone who may not decide the request tried to: the requester, an earlier rejecter, someone without the tier's
 * authority, or a user who does not hold the task. An authorization exception, so that every API answers 403.
 */
public class FourEyesRefusedException extends AuthorizationException {

    public FourEyesRefusedException(String message) {
        super(message);
    }
}
