package org.servicecharter.platform.governance;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Someone — an administrator included — tried to delete or shorten history, or to rewrite the trail (a comment, an
 * attachment). Only the engine's history cleanup removes history, after each model's time-to-live. An authorization
 * exception, so that every API answers {@code 403} with the message (the engine REST resources for history pass
 * authorization exceptions through, where they would turn other engine errors into a misleading 404).
 */
public class HistoryDeletionRefusedException extends AuthorizationException {

    private static final long serialVersionUID = 1L;

    public HistoryDeletionRefusedException(String what) {
        super("History is removed only by the history cleanup after each model's time-to-live (" + what
                + " is refused for everyone, administrators included): the trail is kept as it happened.");
    }
}
