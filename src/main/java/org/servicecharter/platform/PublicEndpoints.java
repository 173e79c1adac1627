package org.servicecharter.platform;

import java.util.List;

/**
 * The application API endpoints ({@code /api/*}) a feature serves to anyone, without a login — a customer filing a
 * complaint, answering a survey. A feature declares them as a bean; the API's authentication filter
 * ({@code platform.web.ApiAuthenticationFilter}) lets the union through unauthenticated and asks a login for
 * everything else. A cookie-authenticated change without the web apps' CSRF token is served on these as to anyone.
 */
public interface PublicEndpoints {

    /** An HTTP method and an Ant-style path pattern relative to the context path, e.g. {@code GET /api/surveys/*}. */
    record Endpoint(String method, String pattern) {
    }

    List<Endpoint> publicEndpoints();
}
