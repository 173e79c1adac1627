package org.servicecharter.platform.rest;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The web apps' own engine API ({@code /camunda/api/engine/...}, which Cockpit, Tasklist and Admin call) answers
 * engine errors as {@code /engine-rest} does: the same exception mappers (409 for a {@link Conflict} or a
 * suspended definition, 400 for refused input, 503 without a database...). Without them Camunda's stock handler
 * answers 500 for every refusal that is not an authorization.
 *
 * <p>The starter's {@code CamundaBpmWebappInitializer} registers that API as the Jersey servlet "Engine Api" with
 * {@link EngineRestApplication}, and keeps a registration that already exists. This initializer runs first and
 * registers the same servlet with one more init parameter, Jersey's list of extra provider classes; should it run
 * second, it adds the parameter to the starter's registration. Either way the API, its path and its application
 * class stay the starter's ({@code TrailProtectionTests} calls it as Cockpit does).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(prefix = "camunda.bpm.webapp", name = "enabled", matchIfMissing = true)
class WebappEngineApiConfiguration implements ServletContextInitializer {

    /** The servlet name {@code CamundaBpmWebappInitializer} gives the web apps' engine API. */
    static final String SERVLET_NAME = "Engine Api";

    static final String PROVIDERS = Stream.of(EngineRestExceptionMapper.class, EngineRestCauseMapper.class,
            EngineRestUnavailableMapper.class, EngineRestParameterMapper.class, EngineRestPaging.class).map(Class::getName).collect(Collectors.joining(","));

    private final CamundaBpmProperties properties;

    public WebappEngineApiConfiguration(CamundaBpmProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        ServletRegistration registration = servletContext.getServletRegistration(SERVLET_NAME);
        if (registration == null) {
            registration = servletContext.addServlet(SERVLET_NAME, ServletContainer.class);
            registration.addMapping(properties.getWebapp().getApplicationPath() + "/api/engine/*");
            registration.setInitParameter("jakarta.ws.rs.Application", EngineRestApplication.class.getName());
        }
        registration.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, PROVIDERS);
    }
}
