package org.servicecharter.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request that cannot be done in the state things are in, whoever asks: a deployment that still has instances or
 * history, for example. The message says why and what to do instead. The engine REST APIs ({@code /engine-rest} and
 * the web apps' engine API) and the application's API answer {@code 409 Conflict}.
 *
 * <p>A {@link BadUserRequestException} (a {@code ProcessEngineException}), as Camunda's own
 * {@code SuspendedEntityInteractionException} is: the engine then logs it as the caller's mistake (debug), not as an
 * error of the server, and a handler that knows nothing of it still answers 4xx, not 500.
 */
public class ConflictException extends BadUserRequestException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
