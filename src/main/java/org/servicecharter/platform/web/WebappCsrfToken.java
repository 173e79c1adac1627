package org.servicecharter.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * The Camunda web apps' CSRF token, asked of every {@code /api} request that the web apps' session cookie
 * authenticates. A browser sends the cookie with a request that another site's page makes (a form, an image,
 * a {@code fetch} with {@code no-cors}), but only a page of this origin can read the token and put it in a header.
 *
 * <p>It is the token the web apps already use: Camunda's {@code CsrfPreventionFilter} (on {@code /camunda/*})
 * keeps one per session in the session attribute {@code CAMUNDA_CSRF_TOKEN}, hands it out in the
 * {@code XSRF-TOKEN} cookie (path {@code /camunda}) and the {@code X-XSRF-TOKEN} header, and asks for it back in
 * the {@code X-XSRF-TOKEN} header of every change. {@code /api} asks the same of every change (every method but GET,
 * HEAD and OPTIONS, which change nothing) and hands the token out in the {@code X-XSRF-TOKEN} header of its answers
 * to that session, because pages outside {@code /camunda} cannot read that cookie. It never creates a token itself:
 * the web apps' filter would then not set their cookie, and Tasklist would lose its session at its next change.
 */
final class WebappCsrfToken {

    static final String HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;

    private WebappCsrfToken() {
    }

    /** A request that may change something: the token is required. */
    static boolean isRequiredFor(HttpServletRequest request) {
        return !CsrfConstants.CSRF_NON_MODIFYING_METHODS_PATTERN.matcher(request.getMethod()).matches();
    }

    /** The session's token, or {@code null} before the web apps have given it one. */
    static String of(HttpSession session) {
        Object token = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return token instanceof String value && !value.isBlank() ? value : null;
    }

    /** The request carries its session's token (compared in constant time). */
    static boolean isCarriedBy(HttpServletRequest request, HttpSession session) {
        String expected = of(session);
        String sent = request.getHeader(HEADER);
        return expected != null && sent != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands the session's token to the page that made this request (other sites cannot read the answer). */
    static void handOut(HttpSession session, HttpServletResponse response) {
        String token = of(session);
        if (token != null) {
            response.setHeader(HEADER, token);
        }
    }

    /** Why a change was refused, in words, with what to do. */
    static String refusal(HttpSession session) {
        if (of(session) == null) {
            return "This change comes with a web-app login (session cookie) that has no CSRF token yet: open Tasklist, "
                    + "Cockpit or Admin once and try again, or use HTTP Basic.";
        }
        return "This change comes with a web-app login (session cookie) but without the web apps' CSRF token: send it in "
                + "the " + HEADER + " header (every answer of /api to your session carries it in that header), or use HTTP "
                + "Basic. Requests from other sites' pages are refused.";
    }
}
