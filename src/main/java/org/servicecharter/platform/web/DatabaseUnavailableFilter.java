package org.servicecharter.platform.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.servicecharter.platform.rest.DatabaseUnavailable;
import org.servicecharter.platform.rest.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost guard of the APIs: when the database is unreachable anywhere in the request — even while a
 * login is checked, before any controller runs — the answer is 503 with Retry-After, not a 500 error page.
 * The transaction was rolled back, so nothing is half-written.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            response.setHeader("Retry-After", "5");
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE);
            problem.setTitle("Database unavailable");
            problem.setInstance(URI.create(request.getRequestURI()));
            ProblemResponses.write(response, problem);
        }
    }
}
