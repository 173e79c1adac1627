package org.servicecharter.approval;

import org.camunda.bpm.engine.ProcessEngineException;

/** Nobody may decide the request: every member of the tier and of all tiers above is excluded (four-eyes). */
public class NoEligibleApproverException extends ProcessEngineException {

    public NoEligibleApproverException(String message) {
        super(message);
    }
}
