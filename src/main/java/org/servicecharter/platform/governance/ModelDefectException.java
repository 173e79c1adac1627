package org.servicecharter.platform.governance;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A model that cannot run as written, found when it runs (a task offered to a group that does not exist, named by an
 * expression the deployment check could not resolve). Answered 409 by the APIs ({@link ModelFailure}); a job
 * becomes an incident its process owner sees in Cockpit.
 */
public class ModelDefectException extends ProcessEngineException {

    private static final long serialVersionUID = 1L;

    public ModelDefectException(String message) {
        super(message);
    }
}
