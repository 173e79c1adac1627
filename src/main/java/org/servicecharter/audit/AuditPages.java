package org.servicecharter.audit;

import org.servicecharter.platform.WebappPageGate;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The audit pages ({@code /audit/}, static HTML and JS under {@code static/audit}) share the Camunda web apps'
 * login: a user logged in to Cockpit or Tasklist has a session that this filter reads. Without one the browser
 * goes to the Cockpit login; a user who is not an auditor or administrator gets 403. The pages themselves only
 * call {@code /api/audit} (GET) with the same session cookie.
 */
@Configuration
public class AuditPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/audit", "/audit/");
        registry.addViewController("/audit/").setViewName("forward:/audit/index.html");
    }

    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> auditPagesLogin(ProcessEngine engine) {
        return WebappPageGate.of("audit-pages-login", engine, "cockpit", AuditAccess::mayAudit,
                "The audit pages are for auditors only.", Ordered.HIGHEST_PRECEDENCE + 30, "/audit", "/audit/*");
    }
}
