package org.servicecharter.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.servicecharter.platform.Refusal;
import org.servicecharter.platform.Refusals;

/**
 * Any other error of the engine REST API: 503 when the database is unreachable, a refusal that something other than
 * an engine exception carries ({@link Refusals}), 409 for the loser of a race to complete a task, else Camunda's own
 * answer.
 */
@Provider
@Priority(Priorities.USER - 100)
public class EngineRestUnavailableMapper implements ExceptionMapper<Throwable> {

    private final ExceptionHandler stock = new ExceptionHandler();

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable error) {
        if (DatabaseUnavailable.isCause(error)) {
            return EngineRestExceptionMapper.answer(Response.Status.SERVICE_UNAVAILABLE, "DatabaseUnavailable", DatabaseUnavailable.MESSAGE);
        }
        Response clientError = EngineRestClientErrors.answer(error, uriInfo);
        if (clientError != null) {
            return clientError;
        }
        Refusal refusal = Refusals.find(error);
        if (refusal != null) {
            return EngineRestExceptionMapper.answer(refusal);
        }
        if (!(error instanceof jakarta.ws.rs.WebApplicationException)) {
            Response race = TaskCompletionRace.answerIfLost(uriInfo);
            if (race != null) {
                return race;
            }
        }
        return stock.toResponse(error);
    }
}
