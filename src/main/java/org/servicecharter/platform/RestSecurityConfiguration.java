package org.servicecharter.platform;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
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
public class RestSecurityConfiguration {

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

    /** The engine REST API reads deployments itself (Jersey), outside Spring's multipart limits: cap it here. */
    @Bean
    public FilterRegistrationBean<RequestSizeLimitFilter> engineRestRequestSizeLimit(
            @org.springframework.beans.factory.annotation.Value("${servicecharter.engine-rest.max-request-bytes:10485760}") long maxBytes) {
        return sizeLimit("engine-rest-request-size-limit", "/engine-rest/*", maxBytes);
    }

    @Bean
    public FilterRegistrationBean<RequestSizeLimitFilter> apiRequestSizeLimit(
            @org.springframework.beans.factory.annotation.Value("${servicecharter.api.max-request-bytes:65536}") long maxBytes) {
        return sizeLimit("api-request-size-limit", "/api/*", maxBytes);
    }

    private static FilterRegistrationBean<RequestSizeLimitFilter> sizeLimit(String name, String urlPattern, long maxBytes) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBytes));
        registration.setName(name);
        registration.addUrlPatterns(urlPattern);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
