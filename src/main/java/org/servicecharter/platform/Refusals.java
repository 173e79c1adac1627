package org.servicecharter.platform;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The one place that finds the refusal in an error and writes its answer, for {@code /api}
 * ({@code ApiProblemHandler}) and the engine REST APIs ({@code EngineRestExceptionMapper},
 * {@code EngineRestCauseMapper}, {@code EngineRestUnavailableMapper}) alike. The engine wraps what a delegate, a
 * task listener or a parse listener throws (ENGINE-03051 "There was an exception while invoking the TaskListener",
 * a REST resource's "Cannot submit task form ...: ..." with status 500), so the refusal is looked for along the
 * whole cause chain, and answered with its own sentence — never the wrapper's prefix, class name or engine code.
 */
public final class Refusals {

    /** What a change that lost a race with another one is told. */
    public static final String CONCURRENT = "Someone else changed this at the same moment; reload and try again.";
    /** What a request that meets a suspended definition or instance is told. */
    public static final String SUSPENDED = "This procedure is suspended: it takes no new cases or steps until its process owner activates it again.";

    private Refusals() {
    }

    /**
     * The refusal this error is or carries: one of the vocabulary's anywhere in the cause chain; else the engine's own
     * refusal that something wrapped (below the top of the chain) — not allowed, a suspended entity or a lost race
     * (conflict), nothing there, bad input — in the vocabulary's words. {@code null} if the error is none of these; an engine
     * exception at the top is left to each door's own handling.
     */
    public static Refusal find(Throwable error) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refusal;
            }
        }
        seen.clear();
        for (Throwable cause = error == null ? null : error.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            Refusal refusal = engine(cause);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    /** The engine's own refusal in the vocabulary's words, or {@code null} if this exception is none. */
    public static Refusal engine(Throwable exception) {
        if (exception instanceof Refusal refusal) {
            return refusal;
        }
        if (exception instanceof AuthorizationException) {
            return new Refused(exception.getMessage());
        }
        // before bad input: a suspended entity is a BadUserRequestException too
        if (exception instanceof SuspendedEntityInteractionException) {
            return new Conflict(SUSPENDED);
        }
        if (exception instanceof OptimisticLockingException) {
            return new Conflict(CONCURRENT);
        }
        // before bad input: the engine's "not found" is a BadUserRequestException too
        if (exception instanceof NotFoundException) {
            return new NotFound(exception.getMessage());
        }
        if (exception instanceof FormFieldValidationException || exception instanceof BadUserRequestException) {
            return new Rejected(exception.getMessage());
        }
        return null;
    }

    /**
     * The fields every door answers a refusal with: {@code status}, {@code title}, {@code message} (the sentence), and
     * for {@link Rejected} {@code fieldErrors} (field → why) and {@code errors} (the same as a list of
     * {@code {field, message}}). Each door adds its own conventional fields (RFC 7807's {@code type} and
     * {@code detail} on {@code /api}; Camunda's {@code type} and {@code code} on the engine REST APIs).
     */
    public static Map<String, Object> body(Refusal refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", refusal.status());
        body.put("title", refusal.title());
        body.put("message", refusal.getMessage());
        if (!refusal.errors().isEmpty()) {
            body.put("fieldErrors", refusal.fieldErrors());
            body.put("errors", refusal.errors());
        }
        return body;
    }

    /** The kind's name, as the engine REST APIs' {@code type}: Refused, Rejected, Conflict, NotFound, Gone. */
    public static String kind(Refusal refusal) {
        return refusal.getClass().getSimpleName();
    }
}
