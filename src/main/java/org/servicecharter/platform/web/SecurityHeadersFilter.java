package org.servicecharter.platform.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser-facing security headers of every answer of the application except the Camunda web apps
 * ({@code /camunda/**}, which send their own policy with a nonce for their scripts): a content security policy,
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} (and {@code frame-ancestors 'none'}) and
 * {@code Referrer-Policy: no-referrer} (a survey link's token must not travel in a Referer).
 * <p>
 * Pages (the audit pages, the survey, static files) may load scripts, styles, images and data from the application
 * itself and nothing inline; the APIs' answers ({@code /api}, {@code /engine-rest}, {@code /actuator}) are data and
 * render nothing ({@code default-src 'none'; sandbox}). A handler may set a stricter header of its own, which then
 * replaces the default rather than being sent beside it.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    private static final Set<String> MANAGED = Set.of("content-security-policy", "x-content-type-options", "x-frame-options",
            "referrer-policy");

    /** Registered for every path, first, so that refusals of the other filters (login gate, size limit) carry the headers too. */
    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
            FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
            registration.setName("security-headers");
            registration.addUrlPatterns("/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return path(request).startsWith("/camunda/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        boolean data = path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/actuator/");
        response.setHeader("Content-Security-Policy", data ? DATA_POLICY : PAGE_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void addHeader(String name, String value) {
                if (MANAGED.contains(name.toLowerCase(Locale.ROOT))) {
                    super.setHeader(name, value);
                } else {
                    super.addHeader(name, value);
                }
            }
        });
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
