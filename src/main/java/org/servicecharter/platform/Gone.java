package org.servicecharter.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Was there and is no longer (410): a survey answered already, a handbook version superseded.
 * A {@link BadUserRequestException}, so the engine logs it as the caller's doing and rolls back.
 */
public final class Gone extends BadUserRequestException implements Refusal {

    private static final long serialVersionUID = 1L;

    public Gone(String sentence) {
        super(sentence);
    }

    @Override
    public int status() {
        return 410;
    }

    @Override
    public String title() {
        return "Gone";
    }
}
