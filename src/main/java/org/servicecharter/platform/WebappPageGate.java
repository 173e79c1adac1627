package org.servicecharter.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The gate in front of the application's own pages on the web apps' login (audit, dashboard, ...): without a session
 * the browser goes to the web app's login and comes back afterwards ({@link CurrentUser#sendToWebappLogin}); a user
 * whose groups may not enter gets 403 with the page's sentence; anyone else passes, with {@code no-store}.
 */
public final class WebappPageGate {

    private WebappPageGate() {
    }

    /**
     * @param loginApp  the web app whose login form to use (tasklist, cockpit, admin)
     * @param mayEnter  whether the logged-in user's groups may see the pages
     * @param refusal   the sentence a refused user reads
     */
    public static FilterRegistrationBean<OncePerRequestFilter> of(String name, ProcessEngine engine, String loginApp,
            Predicate<List<String>> mayEnter, String refusal, int order, String... urlPatterns) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                UserAuthentication user = CurrentUser.ofWebappSession(request, engine);
                if (user == null) {
                    CurrentUser.sendToWebappLogin(request, response, loginApp);
                    return;
                }
                if (!mayEnter.test(user.getGroupIds() == null ? List.of() : user.getGroupIds())) {
                    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                    response.setContentType("text/html;charset=UTF-8");
                    response.getOutputStream().write(("<!doctype html><html lang=\"en\"><title>Not allowed</title><h1>Not allowed</h1>"
                            + "<p>" + HtmlUtils.htmlEscape(refusal) + "</p></html>").getBytes(StandardCharsets.UTF_8));
                    return;
                }
                response.setHeader("Cache-Control", "no-store");
                chain.doFilter(request, response);
            }

            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.addUrlPatterns(urlPatterns);
        registration.setOrder(order);
        return registration;
    }
}
