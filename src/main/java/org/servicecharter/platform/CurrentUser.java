package org.servicecharter.platform;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The user on whose behalf the engine is working right now: set from HTTP Basic or the web-app session for the
 * request, and seen by task listeners and delegates that run inside it. {@code null} when nobody is logged in
 * (e.g. the job executor firing a timer). The one place that reads the engine's current authentication; to act as
 * the system instead, see {@link SystemAccess}.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** In a task listener or a delegate. */
    public static String of(ProcessEngineServicesAware scope) {
        return of(scope.getProcessEngineServices().getIdentityService());
    }

    public static String of(IdentityService identityService) {
        Authentication current = identityService.getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }

    /** The current user's id, or {@link Refused} (403) with this sentence when nobody is logged in. */
    public static String required(IdentityService identityService, String refusal) {
        String user = of(identityService);
        if (user == null) {
            throw new Refused(refusal);
        }
        return user;
    }

    /** In a task listener or a delegate. */
    public static List<String> groupsOf(ProcessEngineServicesAware scope) {
        return groupsOf(scope.getProcessEngineServices().getIdentityService());
    }

    /** The groups the login gave the current user; empty when nobody is logged in or none were given. */
    public static List<String> groupsOf(IdentityService identityService) {
        Authentication current = identityService.getCurrentAuthentication();
        return current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
    }

    /**
     * The user logged in to the web apps (Tasklist, Cockpit, Admin) in this request's session, or null: the one way
     * the application's own pages and the API find the web apps' login.
     */
    public static org.camunda.bpm.webapp.impl.security.auth.UserAuthentication ofWebappSession(
            jakarta.servlet.http.HttpServletRequest request, org.camunda.bpm.engine.ProcessEngine engine) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        org.camunda.bpm.webapp.impl.security.auth.Authentications authentications =
                org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil.getAuthsFromSession(session);
        return authentications == null ? null
                : (org.camunda.bpm.webapp.impl.security.auth.UserAuthentication) authentications.getAuthenticationForProcessEngine(engine.getName());
    }

    /**
     * Sends a browser without a web-app login to the login of the given web app ({@code tasklist}, {@code cockpit},
     * {@code admin}), saying where to come back to: the requested path and query. The web apps' return script
     * ({@code webapps}: {@code scripts/return-after-login.js}) brings the user back there once they have logged in.
     */
    public static void sendToWebappLogin(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, String app) throws java.io.IOException {
        String back = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.sendRedirect(request.getContextPath() + "/camunda/app/" + app + "/default/?returnTo="
                + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8) + "#/login");
    }
}
