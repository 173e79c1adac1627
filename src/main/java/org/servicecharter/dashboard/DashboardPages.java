package org.servicecharter.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.servicecharter.platform.CurrentUser;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard page ({@code /dashboard/}, static HTML, CSS and script under {@code static/dashboard}, the charting
 * library from its webjar under {@code /webjars/echarts/}) behind the web apps' login: without a session the browser
 * goes to the Tasklist login; anyone but managers, the head of service, auditors and administrators gets 403. The page
 * only calls {@code GET /api/dashboard} with the same session, which checks the same rule again.
 */
@Configuration
class DashboardPages implements WebMvcConfigurer {


    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/dashboard", "/dashboard/");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> dashboardPagesLogin(ProcessEngine engine) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                UserAuthentication user = CurrentUser.ofWebappSession(request, engine);
                if (user == null) {
                    CurrentUser.sendToWebappLogin(request, response, "tasklist");
                    return;
                }
                if (!DashboardAccess.maySee(user.getGroupIds())) {
                    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                    response.setContentType("text/html;charset=UTF-8");
                    response.getOutputStream().write(("<!doctype html><html lang=\"en\"><title>Not allowed</title><h1>Not allowed</h1>"
                            + "<p>" + DashboardAccess.REFUSAL + "</p></html>").getBytes(StandardCharsets.UTF_8));
                    return;
                }
                response.setHeader("Cache-Control", "no-store");
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("dashboard-pages-login");
        registration.addUrlPatterns("/dashboard", "/dashboard/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 31);
        return registration;
    }
}
