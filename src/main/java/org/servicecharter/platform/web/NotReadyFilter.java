package org.servicecharter.platform.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.servicecharter.platform.rest.ProblemResponses;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The server answers on its port seconds before the application can serve: the process application is still
 * deploying the procedures, roles and users are being put in place. A complaint filed then failed with 500 (no such
 * procedure yet). Until Spring Boot reports the application ready (readiness {@code ACCEPTING_TRAFFIC}: after start-up
 * and its runners, the same state {@code /actuator/health/readiness} shows), and again while it shuts down, the APIs
 * and pages answer 503 with {@code Retry-After}, and nothing is done.
 */
class NotReadyFilter extends OncePerRequestFilter {

    static final String MESSAGE = "The application is not ready: it is still starting (deploying its procedures) or "
            + "shutting down. Nothing was done; try again in a few seconds.";

    private final ApplicationAvailability availability;

    public NotReadyFilter(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", "5");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, MESSAGE);
        problem.setTitle("Not ready");
        problem.setInstance(URI.create(request.getRequestURI()));
        ProblemResponses.write(response, problem);
    }
}
