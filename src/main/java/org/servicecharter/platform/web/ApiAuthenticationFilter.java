package org.servicecharter.platform.web;

import org.servicecharter.platform.CurrentUser;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.servicecharter.platform.PublicEndpoints;
import org.servicecharter.platform.rest.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates calls to the application's API ({@code /api/*}) against the engine's identity service: HTTP
 * Basic, or the session of a user logged in to the Camunda web apps (one login for pages and API). The user
 * is set as the engine's current authentication for the request, so authorization checks and the operation
 * log apply as they do for the engine REST API.
 *
 * <p>Only the customer-facing endpoints are public (filing a complaint, answering a survey): those the features
 * declare as {@link PublicEndpoints}.
 *
 * <p>A change (any method but GET, HEAD, OPTIONS) that only the session cookie authenticates must carry the web
 * apps' CSRF token ({@link WebappCsrfToken}), or it is refused with 403; on a public endpoint it is served as to an
 * anonymous caller instead. Requests with HTTP Basic (API clients, scripts) need no token.
 */
@Component
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private final ProcessEngine engine;
    private final List<PublicEndpoints.Endpoint> publicEndpoints;
    private final AntPathMatcher matcher = new AntPathMatcher();

    ApiAuthenticationFilter(ProcessEngine engine, ObjectProvider<PublicEndpoints> features) {
        this.engine = engine;
        this.publicEndpoints = features.orderedStream().flatMap(feature -> feature.publicEndpoints().stream()).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        IdentityService identity = engine.getIdentityService();
        String header = request.getHeader("Authorization");
        String userId = null;
        List<String> groups = List.of();

        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = decode(header.substring(6).trim());
            if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
                unauthorized(request, response, "The user name or password is wrong (or the user is locked for a few seconds after a wrong password).");
                return;
            }
            userId = credentials[0];
            groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        } else {
            UserAuthentication session = CurrentUser.ofWebappSession(request, engine);
            if (session != null) {
                HttpSession httpSession = request.getSession(false);
                if (WebappCsrfToken.isRequiredFor(request) && !WebappCsrfToken.isCarriedBy(request, httpSession)) {
                    if (!isPublic(request)) {
                        forbidden(request, response, WebappCsrfToken.refusal(httpSession));
                        return;
                    }
                    // a public endpoint without the token: served as to anyone, not as the session's user
                } else {
                    userId = session.getName();
                    groups = session.getGroupIds();
                    WebappCsrfToken.handOut(httpSession, response);
                }
            }
        }

        if (userId == null && !isPublic(request)) {
            unauthorized(request, response, "This endpoint needs a login: HTTP Basic with your Service Charter user, or a web app session.");
            return;
        }

        try {
            if (userId != null) {
                identity.setAuthentication(userId, groups);
            }
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    private boolean isPublic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return publicEndpoints.stream().anyMatch(p -> p.method().equalsIgnoreCase(request.getMethod()) && matcher.match(p.pattern(), path));
    }

    private static String[] decode(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)} : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void forbidden(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("CSRF token missing");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setHeader(WebappCsrfToken.HEADER, "Required");
        ProblemResponses.write(response, problem);
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setHeader("WWW-Authenticate", "Basic realm=\"Service Charter\"");
        ProblemResponses.write(response, problem);
    }
}
