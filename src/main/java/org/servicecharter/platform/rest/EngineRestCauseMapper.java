package org.servicecharter.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.servicecharter.platform.NotFound;
import org.servicecharter.platform.Refusal;
import org.servicecharter.platform.Refusals;
import org.servicecharter.platform.governance.ModelFailure;

/**
 * Some engine REST resources (task complete, submit-form, ...) wrap what the engine threw in a 500
 * {@link RestException}, prefixing its message ("Cannot submit task form ...: "). Where the cause is a refusal
 * ({@link Refusals#find}: the vocabulary's, or the engine's own — not allowed, bad input, a suspended definition, a
 * lost race) answer it with its status and its own sentence; a missing task is 404. A comment or attachment on a
 * task the user cannot see (or that does not exist) is 404, as reading the task is, not the stock 400.
 */
@Provider
@Priority(Priorities.USER - 100)
public class EngineRestCauseMapper implements ExceptionMapper<RestException> {

    /** What the task comment and attachment resources say when their task query finds nothing (stock: 400). */
    static final String NO_TASK_FOUND = "No task found for task id ";

    private final RestExceptionHandler stock = new RestExceptionHandler();

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(RestException exception) {
        Response clientError = EngineRestClientErrors.answer(exception, uriInfo);
        if (clientError != null) {
            return clientError;
        }
        // a comment or attachment for a task the user may not see: the resource looked it up with the user's rights,
        // found nothing and called that bad input; it is what reading the task answers, not found
        String message = String.valueOf(exception.getMessage());
        if (exception.getStatus() == Response.Status.BAD_REQUEST && message.startsWith(NO_TASK_FOUND)) {
            return EngineRestExceptionMapper.answer(new NotFound("There is no task "
                    + message.substring(NO_TASK_FOUND.length()).trim() + ", or none you may see."));
        }
        // what the resource wrapped (task complete and submit-form: "Cannot submit task form ...: ...", 400 or 500)
        Refusal refusal = Refusals.find(exception);
        if (refusal != null) {
            return EngineRestExceptionMapper.answer(refusal, uriInfo);
        }
        if (exception.getStatus() == null || exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR) {
            if (DatabaseUnavailable.isCause(exception)) {
                return EngineRestExceptionMapper.answer(Response.Status.SERVICE_UNAVAILABLE, "DatabaseUnavailable",
                        DatabaseUnavailable.MESSAGE);
            }
            for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
                if (EngineRestExceptionMapper.isRefusedInput(cause.getMessage())) {
                    return EngineRestExceptionMapper.answer(Response.Status.BAD_REQUEST, cause);
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
