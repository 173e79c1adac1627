package org.servicecharter.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.servicecharter.platform.governance.ModelFailure;

/**
 * Some engine REST resources (task complete, submit-form, ...) wrap what the engine threw in a 500
 * {@link RestException}. Where the cause is a refusal — not allowed (including a task listener refusing the
 * completing user), bad input, nothing there, or a conflict with the state of things (a suspended definition, a
 * {@link ConflictException}) — answer 403/400/404/409 with the cause's message instead.
 */
@Provider
@Priority(Priorities.USER - 100)
public class EngineRestCauseMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler stock = new RestExceptionHandler();

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(RestException exception) {
        Response clientError = EngineRestClientErrors.answer(exception, uriInfo);
        if (clientError != null) {
            return clientError;
        }
        // a refusal by the engine that the resource wrapped as bad input (e.g. comment/attachment create: 400 "Not
        // enough parameters submitted") is what it is: not allowed
        if (exception.getStatus() == Response.Status.BAD_REQUEST) {
            for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof AuthorizationException) {
                    return EngineRestExceptionMapper.answer(Response.Status.FORBIDDEN, cause);
                }
            }
        }
        if (exception.getStatus() == null || exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR) {
            if (DatabaseUnavailable.isCause(exception)) {
                return EngineRestExceptionMapper.answer(Response.Status.SERVICE_UNAVAILABLE, "DatabaseUnavailable",
                        DatabaseUnavailable.MESSAGE);
            }
            for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof AuthorizationException) {
                    return EngineRestExceptionMapper.answer(Response.Status.FORBIDDEN, cause);
                }
                // before bad input: a suspended entity is a BadUserRequestException too
                if (EngineRestExceptionMapper.isConflict(cause)) {
                    return EngineRestExceptionMapper.answer(Response.Status.CONFLICT, cause);
                }
                if (cause instanceof FormFieldValidationException || cause instanceof BadUserRequestException
                        || EngineRestExceptionMapper.isRefusedInput(cause.getMessage())) {
                    return EngineRestExceptionMapper.answer(Response.Status.BAD_REQUEST, cause);
                }
                if (cause instanceof org.camunda.bpm.engine.OptimisticLockingException) {
                    return EngineRestExceptionMapper.answer(Response.Status.CONFLICT, cause.getClass().getSimpleName(),
                            "Someone else changed this at the same moment; reload and try again.");
                }
                if (cause instanceof NullValueException && String.valueOf(cause.getMessage()).startsWith("Cannot find")) {
                    Response race = TaskCompletionRace.answerIfLost(uriInfo);
                    return race != null ? race : EngineRestExceptionMapper.answer(Response.Status.NOT_FOUND, cause);
                }
            }
            Response race = TaskCompletionRace.answerIfLost(uriInfo);
            if (race != null) {
                return race;
            }
            ModelFailure model = ModelFailure.in(exception);
            if (model != null) {
                return EngineRestExceptionMapper.answer(Response.Status.fromStatusCode(model.status()), "ModelFailure",
                        model.message());
            }
            // an object variable sent as JSON (multipart .../variables/{name}/data) naming a type that may not be
            // deserialized: the caller's input, refused by the deserialization type validator
            if (String.valueOf(exception.getMessage()).startsWith("Could not deserialize JSON object")) {
                return EngineRestExceptionMapper.answer(Response.Status.BAD_REQUEST, exception.getClass().getSimpleName(),
                        exception.getMessage());
            }
        }
        return stock.toResponse(exception);
    }
}
