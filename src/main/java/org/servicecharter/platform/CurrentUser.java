package org.servicecharter.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The user on whose behalf the engine is working right now: set from HTTP Basic or the web-app session for the
 * request, and seen by task listeners and delegates that run inside it. {@code null} when nobody is logged in
 * (e.g. the job executor firing a timer).
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** In a task listener or a delegate. */
    public static String of(ProcessEngineServicesAware scope) {
        return of(scope.getProcessEngineServices().getIdentityService());
    }

    public static String of(IdentityService identityService) {
        Authentication current = identityService.getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }
}
