package org.servicecharter.dashboard;

import org.camunda.bpm.engine.ProcessEngine;
import org.servicecharter.platform.WebappPageGate;
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
        return WebappPageGate.of("dashboard-pages-login", engine, "tasklist", DashboardAccess::maySee, DashboardAccess.REFUSAL,
                Ordered.HIGHEST_PRECEDENCE + 31, "/dashboard", "/dashboard/*");
    }
}
