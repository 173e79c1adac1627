package org.servicecharter.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.glassfish.jersey.server.ParamException;

/**
 * A query parameter of the engine REST API that Jersey cannot convert to its type (a number that is not one) is
 * answered with a bare 404 by JAX-RS's rule; it is the caller's mistake: 400 naming the parameter and the value.
 * A path parameter that cannot be converted stays 404 (there is no such resource).
 */
@Provider
@Priority(Priorities.USER - 100)
public class EngineRestParameterMapper implements ExceptionMapper<ParamException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(ParamException exception) {
        if (exception.getParameterType() != QueryParam.class) {
            return exception.getResponse();
        }
        String name = exception.getParameterName();
        String value = uriInfo == null ? null : uriInfo.getQueryParameters().getFirst(name);
        return EngineRestExceptionMapper.answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "The query parameter '"
                + name + "' has a value of the wrong kind" + (value == null ? "" : ": '" + value + "'")
                + (isNumber(exception) ? " is not a whole number" : "") + ".");
    }

    private static boolean isNumber(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof NumberFormatException) {
                return true;
            }
        }
        return false;
    }
}
