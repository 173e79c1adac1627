package org.servicecharter.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Nothing there, or nothing the caller may see (404).
 * A {@link BadUserRequestException}, so the engine logs it as the caller's doing and rolls back.
 */
public final class NotFound extends BadUserRequestException implements Refusal {

    private static final long serialVersionUID = 1L;

    public NotFound(String sentence) {
        super(sentence);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
