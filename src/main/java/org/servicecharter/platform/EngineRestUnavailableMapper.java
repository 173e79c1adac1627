package org.servicecharter.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.rest.exception.ExceptionHandler;

/** Any other error of the engine REST API: 503 when the database is unreachable, else Camunda's own answer. */
@Provider
@Priority(Priorities.USER - 100)
public class EngineRestUnavailableMapper implements ExceptionMapper<Throwable> {

    private final ExceptionHandler stock = new ExceptionHandler();

    @Override
    public Response toResponse(Throwable error) {
        if (DatabaseUnavailable.isCause(error)) {
            return EngineRestExceptionMapper.answer(Response.Status.SERVICE_UNAVAILABLE, "DatabaseUnavailable", DatabaseUnavailable.MESSAGE);
        }
        return stock.toResponse(error);
    }
}
