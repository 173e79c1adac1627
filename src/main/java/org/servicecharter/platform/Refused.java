package org.servicecharter.platform;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Not yours to do: someone who may not act here tried to (403). The sentence says who may, or why not you. An
 * engine {@link AuthorizationException}, so the engine passes it through its REST resources, logs it as the caller's
 * doing and rolls back whatever the call started.
 */
public final class Refused extends AuthorizationException implements Refusal {

    private static final long serialVersionUID = 1L;

    public Refused(String sentence) {
        super(sentence);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Not allowed";
    }
}
