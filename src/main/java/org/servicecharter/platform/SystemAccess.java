package org.servicecharter.platform;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The one way to run something as the system rather than as the current user: with no current authentication, the
 * engine checks no authorization and writes no operation-log entry in anyone's name. The caller's authentication is
 * restored afterwards, whatever happens (nothing is set again when there was none).
 *
 * <p>For what the application does on its own account — a lookup whose answer must not depend on who asks (who is in a
 * group, whether a user exists), a grant the application gives, a start on behalf of an anonymous customer. Whoever
 * calls it has checked before what the caller may see or do. Works inside an engine command too (a model's expression,
 * a listener): the engine reads the current authentication at each check.
 */
public final class SystemAccess {

    private SystemAccess() {
    }

    public static <T> T call(IdentityService identityService, Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    public static void run(IdentityService identityService, Runnable work) {
        call(identityService, () -> {
            work.run();
            return null;
        });
    }
}
