package org.servicecharter.platform.rest;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code firstResult} and {@code maxResults} of every engine REST request must be whole numbers of 0 or more. The
 * stock API answers a bare 404 for {@code maxResults=x} (JAX-RS's rule for a query parameter it cannot convert), 400
 * without the parameter's name for some resources, and 500 for a negative number (the database refuses it); here
 * each is 400 naming the parameter, before any resource runs.
 */
@Provider
@Priority(Priorities.USER)
public class EngineRestPaging implements ContainerRequestFilter {

    static final List<String> PARAMETERS = List.of("firstResult", "maxResults");

    @Override
    public void filter(ContainerRequestContext request) {
        for (String name : PARAMETERS) {
            for (String value : request.getUriInfo().getQueryParameters().getOrDefault(name, List.of())) {
                if (!value.isEmpty() && !isCount(value)) {
                    request.abortWith(EngineRestExceptionMapper.answer(jakarta.ws.rs.core.Response.Status.BAD_REQUEST,
                            "InvalidRequestException", "The query parameter '" + name + "' must be a whole number of 0 or more, not '"
                                    + value + "'."));
                    return;
                }
            }
        }
    }

    private static boolean isCount(String value) {
        try {
            return Integer.parseInt(value) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
