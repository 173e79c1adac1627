package org.servicecharter.platform.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.servicecharter.platform.rest.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Actuator: health (status only, no details) is public for load balancers; every other endpoint (metrics, info)
 * needs HTTP Basic of a member of {@code camunda-admin}.
 */
class ActuatorAccessFilter extends OncePerRequestFilter {

    private static final String ADMIN_GROUP = "camunda-admin";

    private final ProcessEngine engine;

    public ActuatorAccessFilter(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            chain.doFilter(request, response);
            return;
        }
        String user = basicUser(request);
        if (user == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Service Charter\"");
            Problem.write(request, response, HttpStatus.UNAUTHORIZED, "Operations endpoints need an administrator's login.");
            return;
        }
        if (engine.getIdentityService().createGroupQuery().groupMember(user).groupId(ADMIN_GROUP).count() == 0) {
            Problem.write(request, response, HttpStatus.FORBIDDEN, "Operations endpoints are for administrators.");
            return;
        }
        chain.doFilter(request, response);
    }

    private String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            String user = decoded.substring(0, colon);
            return engine.getIdentityService().checkPassword(user, decoded.substring(colon + 1)) ? user : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final class Problem {
        static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail) throws IOException {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setInstance(URI.create(request.getRequestURI()));
            ProblemResponses.write(response, problem);
        }
    }
}
