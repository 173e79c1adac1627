package org.servicecharter.platform.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.servicecharter.platform.Refusal;
import org.servicecharter.platform.Refusals;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.governance.ModelFailure;

/**
 * Maps engine errors the stock REST API answers with 500 to what they are:
 * <ul>
 * <li>a model that is not XML, or that has a DOCTYPE / external entity (ENGINE-09003), a model refused while
 * parsing (ENGINE-01009, e.g. a script), a DMN file it cannot transform (ENGINE-22004) or a Java-serialized variable
 * (ENGINE-17007): 400, with the reason;</li>
 * <li>a task (or other object) that does not exist: 404;</li>
 * <li>a task someone else has already claimed, or a change that lost a race with another one: 409;</li>
 * <li>a request that meets a suspended definition or instance: 409, with the reason;</li>
 * <li>a refusal of the vocabulary ({@link Refusal}), wherever in the cause chain (a task listener's refusal is wrapped,
 * e.g. ENGINE-03051 on claim or set assignee), and the engine's own refusals that something wrapped: as
 * {@link Refusals} finds them, with their sentence.</li>
 * </ul>
 * The caller's mistakes that the stock API answers without saying what to change (paging, ids, forms, sizes) are
 * answered first, by {@link EngineRestClientErrors}. Everything else goes to Camunda's own handler unchanged. Takes
 * precedence over it by priority.
 */
@Provider
@Priority(Priorities.USER - 100)
public class EngineRestExceptionMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler stock = new ProcessEngineExceptionHandler();

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(ProcessEngineException exception) {
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        if (DatabaseUnavailable.isCause(exception)) {
            return answer(Response.Status.SERVICE_UNAVAILABLE, "DatabaseUnavailable", DatabaseUnavailable.MESSAGE);
        }
        Response clientError = EngineRestClientErrors.answer(exception, uriInfo);
        if (clientError != null) {
            return clientError;
        }
        Refusal refusal = Refusals.find(exception);
        if (refusal != null) {
            return answer(refusal, uriInfo);
        }
        if (message.startsWith("ENGINE-09003")) {
            return answer(Response.Status.BAD_REQUEST, "ParseException",
                    message + " Models must be well-formed BPMN/DMN XML without DOCTYPE or external entities.");
        }
        if (message.startsWith("ENGINE-22004")) {
            // a DMN file the engine cannot transform (not DMN 1.3, a table it does not support): the deployer's input
            Throwable reason = exception;
            while (reason.getCause() != null && reason.getCause() != reason) {
                reason = reason.getCause();
            }
            return answer(Response.Status.BAD_REQUEST, "ParseException", message
                    + (reason == exception ? "" : " " + reason.getMessage()));
        }
        if (isRefusedInput(message)) {
            return answer(Response.Status.BAD_REQUEST, exception.getClass().getSimpleName(), message);
        }
        if (exception instanceof NullValueException && message.startsWith("Cannot find")) {
            Response race = TaskCompletionRace.answerIfLost(uriInfo);
            return race != null ? race : answer(Response.Status.NOT_FOUND, exception.getClass().getSimpleName(), message);
        }
        if (isConflict(exception)) {
            return answer(Response.Status.CONFLICT, exception.getClass().getSimpleName(), message);
        }
        if (exception instanceof TaskAlreadyClaimedException) {
            return answer(Response.Status.CONFLICT, exception.getClass().getSimpleName(), message);
        }
        if (exception instanceof OptimisticLockingException) {
            return answer(Response.Status.CONFLICT, exception.getClass().getSimpleName(), Refusals.CONCURRENT + " (" + message + ")");
        }
        Response race = TaskCompletionRace.answerIfLost(uriInfo);
        if (race != null) {
            return race;
        }
        ModelFailure model = ModelFailure.in(exception);
        if (model != null) {
            return answer(Response.Status.fromStatusCode(model.status()), "ModelFailure", model.message());
        }
        return stock.toResponse(exception);
    }

    /**
     * A refusal answered to whoever asked: through the web apps' engine API ({@code /camunda/api/engine/...}) a
     * person at a form, so a rejected form names its fields by their labels ({@link #inTheFormsWords}); through
     * {@code /engine-rest} a program, which gets the variables' names.
     */
    static Response answer(Refusal refusal, UriInfo uriInfo) {
        boolean fromTheWebapps = uriInfo != null && uriInfo.getBaseUri() != null
                && uriInfo.getBaseUri().getPath().contains("/api/engine/");
        return fromTheWebapps && refusal instanceof Rejected rejected ? inTheFormsWords(rejected, uriInfo) : answer(refusal);
    }

    /**
     * A refused form, answered to the person who filled it in (Tasklist shows the sentence): each field called by
     * its label in the form, and each error carrying that label too; the fields keep their names for programs.
     */
    private static Response inTheFormsWords(Rejected rejected, UriInfo uriInfo) {
        Map<String, String> labels = FormLabels.of(org.camunda.bpm.engine.rest.util.EngineUtil.lookupProcessEngine(null),
                uriInfo, rejected.errors());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Refusals.kind(rejected));
        body.putAll(Refusals.body(rejected));
        body.put("message", rejected.inWords(labels));
        if (!rejected.errors().isEmpty()) {
            body.put("errors", rejected.errors().stream().map(error -> {
                Map<String, Object> named = new LinkedHashMap<>();
                named.put("field", error.field());
                named.put("label", labels.getOrDefault(error.field(), error.field()));
                named.put("message", error.message());
                return named;
            }).toList());
        }
        body.put("code", 0);
        return Response.status(rejected.status()).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * Engine errors caused by what the caller sent: a model the parser (or a parse listener, such as the ban on
     * scripts) refused (ENGINE-01009), a Java-serialized variable while that format is off (ENGINE-17007).
     */
    static boolean isRefusedInput(String message) {
        return message != null && (message.startsWith("ENGINE-01009") || message.contains("ENGINE-17007"));
    }

    /** Refused by the state things are in, not by who asks or what was sent: a conflict. */
    static boolean isConflict(Throwable exception) {
        return exception instanceof SuspendedEntityInteractionException;
    }

    /**
     * A refusal of the vocabulary ({@link Refusals}): its status and sentence, its field errors, and Camunda's
     * {@code type} (the kind) and {@code code}, which the web apps read.
     */
    static Response answer(Refusal refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Refusals.kind(refusal));
        body.putAll(Refusals.body(refusal));
        body.put("code", 0);
        return Response.status(refusal.status()).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    static Response answer(Response.Status status, Throwable cause) {
        return answer(status, cause.getClass().getSimpleName(), cause.getMessage());
    }

    static Response answer(Response.Status status, String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        body.put("code", 0);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
