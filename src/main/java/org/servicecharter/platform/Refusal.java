package org.servicecharter.platform;

import java.util.List;
import java.util.Map;

/**
 * The one way the application refuses a request, whichever door it came through ({@code /api}, {@code /engine-rest},
 * the web apps' engine API that Tasklist calls): {@link Refused} (403, not yours to do), {@link Rejected} (400, what
 * was sent is wrong, with field errors), {@link Conflict} (409, not in the state things are in), and for things that
 * are not there {@link NotFound} (404) and {@link Gone} (410). Each carries one sentence a person understands;
 * {@link Refusals} finds it wherever the engine wrapped it and writes the one answer.
 *
 * <p>Each kind extends the engine exception class the engine already treats as the caller's doing
 * ({@code AuthorizationException} for refused, {@code BadUserRequestException} for the others): the engine logs it as
 * such, rolls back, passes an authorization refusal through the REST resources that pass only those, and a handler
 * that knows nothing of this vocabulary still answers 4xx.
 */
public sealed interface Refusal permits Refused, Rejected, Conflict, NotFound, Gone {

    /** The HTTP status every door answers. */
    int status();

    /** A short title: "Not allowed", "Invalid request", "Conflict"... */
    String title();

    /** The sentence a person reads: what was refused and why, or what to change. */
    String getMessage();

    /** The fields that are wrong and why, in order; empty unless {@link Rejected}. */
    default List<Rejected.FieldError> errors() {
        return List.of();
    }

    /** The same as a map, field → message (several messages for one field joined by "; "). */
    default Map<String, String> fieldErrors() {
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        errors().forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
        return byField;
    }
}
