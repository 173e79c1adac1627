package org.servicecharter.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Not in the state things are in, whoever asks (409): a request decided already, a closed case, a version
 * label that exists, a deployment that still has instances. The sentence says why and what to do instead.
 * A {@link BadUserRequestException}, so the engine logs it as the caller's doing and rolls back.
 */
public final class Conflict extends BadUserRequestException implements Refusal {

    private static final long serialVersionUID = 1L;

    public Conflict(String sentence) {
        super(sentence);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
