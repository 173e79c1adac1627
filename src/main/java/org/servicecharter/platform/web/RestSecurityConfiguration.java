package org.servicecharter.platform.web;

import jakarta.servlet.MultipartConfigElement;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Security of the two APIs: the engine REST API ({@code /engine-rest}) and the application's own
 * ({@code /api}). Both authenticate against the engine's identity service, so there is one user database and
 * the engine's authorization checks and operation log apply to every call.
 */
@Configuration
class RestSecurityConfiguration {

    @Bean
    public FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter());
        registration.setName("database-unavailable");
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Wrong passwords slow down their sender: every door that checks a password, before the doors themselves (the
     * authentication filters below, and the web apps' login, which Camunda serves under the web apps' path).
     */
    @Bean
    public FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(
            @org.springframework.beans.factory.annotation.Value("${servicecharter.login-throttle.failures:10}") long failures,
            @org.springframework.beans.factory.annotation.Value("${servicecharter.login-throttle.window:PT1M}") java.time.Duration window,
            org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties camunda) {
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(new LoginThrottleFilter(failures, window));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/*",
                camunda.getWebapp().getApplicationPath() + "/api/admin/auth/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
    }

    /** 503 with Retry-After until the application is ready (and while it shuts down), for the APIs and pages. */
    @Bean
    public FilterRegistrationBean<NotReadyFilter> notReadyFilter(ApplicationAvailability availability) {
        FilterRegistrationBean<NotReadyFilter> registration = new FilterRegistrationBean<>(new NotReadyFilter(availability));
        registration.setName("not-ready");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/survey/*", "/audit/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** HTTP Basic for the engine REST API (Camunda Modeler deploys through it with the process owner's login). */
    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilterRegistration(ApiAuthenticationFilter filter) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<ActuatorAccessFilter> actuatorAccessFilter(org.camunda.bpm.engine.ProcessEngine engine) {
        FilterRegistrationBean<ActuatorAccessFilter> registration = new FilterRegistrationBean<>(new ActuatorAccessFilter(engine));
        registration.setName("actuator-access");
        registration.addUrlPatterns("/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /**
     * The engine REST API, and the web apps' copy of it, read bodies themselves (Jersey; deployments from Camunda
     * Modeler included), outside Spring's multipart limits: one limit for every request, file uploads included.
     */
    @Bean
    public FilterRegistrationBean<RequestSizeLimitFilter> engineRestRequestSizeLimit(
            @Value("${servicecharter.engine-rest.max-request-bytes:10485760}") long maxBytes) {
        return sizeLimit("engine-rest-request-size-limit",
                new RequestSizeLimitFilter("A request to the engine REST API or the web apps' API (a deployment included)", maxBytes),
                "/engine-rest/*", "/camunda/api/*");
    }

    /** {@code /api}: small JSON bodies; file uploads (a handbook document) up to their own limit, fields included. */
    @Bean
    public FilterRegistrationBean<RequestSizeLimitFilter> apiRequestSizeLimit(
            @Value("${servicecharter.api.max-request-bytes:65536}") long maxBytes,
            @Value("${servicecharter.api.max-upload-bytes:10485760}") long maxUploadBytes) {
        return sizeLimit("api-request-size-limit", new RequestSizeLimitFilter("A request to /api", maxBytes,
                "A file upload to /api", maxUploadBytes), "/api/*");
    }

    /**
     * Spring's limits of file uploads, which the container parses itself (also when sent chunked): a file up to
     * {@code servicecharter.api.max-upload-bytes}, and the whole request up to that plus the JSON limit for the other
     * fields. {@code spring.servlet.multipart.*} sizes are not used.
     */
    @Bean
    public MultipartConfigElement multipartConfig(
            @Value("${servicecharter.api.max-request-bytes:65536}") long maxBytes,
            @Value("${servicecharter.api.max-upload-bytes:10485760}") long maxUploadBytes) {
        return new MultipartConfigElement(null, maxUploadBytes, RequestSizeLimitFilter.uploadRequestBytes(maxUploadBytes, maxBytes), 0);
    }

    private static FilterRegistrationBean<RequestSizeLimitFilter> sizeLimit(String name, RequestSizeLimitFilter filter,
            String... urlPatterns) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.addUrlPatterns(urlPatterns);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
