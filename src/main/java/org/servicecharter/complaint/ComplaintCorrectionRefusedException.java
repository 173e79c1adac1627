package org.servicecharter.complaint;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Someone who may not correct a complaint's facts tried to: nobody logged in, someone who is neither supervisor,
 * manager nor administrator, or the employee the complaint is about. An authorization exception, so the engine REST
 * API answers 403; the transaction rolls back.
 */
public class ComplaintCorrectionRefusedException extends AuthorizationException {

    public ComplaintCorrectionRefusedException(String message) {
        super(message);
    }
}
