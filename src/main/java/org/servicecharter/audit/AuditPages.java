package org.servicecharter.audit;

import org.servicecharter.platform.CurrentUser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
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
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                UserAuthentication user = CurrentUser.ofWebappSession(request, engine);
                if (user == null) {
                    CurrentUser.sendToWebappLogin(request, response, "cockpit");
                    return;
                }
                if (!AuditAccess.mayAudit(user.getGroupIds())) {
                    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                    response.setContentType("text/html;charset=UTF-8");
                    response.getOutputStream().write(("<!doctype html><title>Not allowed</title><h1>Not allowed</h1>"
                            + "<p>The audit pages are for auditors only.</p>").getBytes(StandardCharsets.UTF_8));
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
        registration.setName("audit-pages-login");
        registration.addUrlPatterns("/audit", "/audit/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
