package org.servicecharter.platform.governance;

import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/**
 * An expression tried to reach past what models may use (the engine, an unpublished bean, a method of a value,
 * reflection). Raised by the run-time sandbox; the engine reports it as "Error while evaluating expression: ...",
 * which ends the command — a job becomes an incident, a request is refused — and nothing of the expression runs.
 */
public class ModelSandboxException extends ELException {

    private static final long serialVersionUID = 1L;

    public ModelSandboxException(String message) {
        super(message);
    }
}
