package org.servicecharter.hr;

import org.servicecharter.platform.CurrentUser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.servicecharter.platform.Refusal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * The HR pages behind the web apps' login, like the audit and mail pages: no session → the Tasklist login; a session →
 * the page, rendered as that user (the engine's current authentication is the session's user and groups while the
 * feature's API class answers), so the page refuses exactly whom the API refuses (403, with the API's sentence) and
 * an unknown employee or version is 404. Only GET: publishing a handbook goes to the API, from the page's script.
 */
@Configuration
class HrPages {


    @Bean
    FilterRegistrationBean<OncePerRequestFilter> hrPagesFilter(ProcessEngine engine, ObjectProvider<EmployeeFilePage> employeeFile,
            ObjectProvider<HandbookStatusPage> handbookStatus, ObjectProvider<CorrectiveActionsPage> correctiveActions,
            ObjectProvider<HandbooksPage> handbookList, ObjectProvider<People> people) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                UserAuthentication user = CurrentUser.ofWebappSession(request, engine);
                if (user == null) {
                    CurrentUser.sendToWebappLogin(request, response, "tasklist");
                    return;
                }
                response.setHeader("Cache-Control", "no-store");
                if (!"GET".equals(request.getMethod())) {
                    response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                    response.setHeader("Allow", "GET");
                    return;
                }
                String path = request.getRequestURI().substring(request.getContextPath().length());
                IdentityService identity = engine.getIdentityService();
                List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
                Rendered page;
                identity.setAuthentication(user.getName(), groups);
                try {
                    String reader = People.name(people.getObject().names(List.of(user.getName())), user.getName());
                    try {
                        page = route(path, reader);
                    } catch (RuntimeException e) {
                        page = refusal(e, reader);
                    }
                } finally {
                    identity.clearAuthentication();
                }
                response.setStatus(page.status());
                response.setContentType("text/html;charset=UTF-8");
                response.getOutputStream().write(page.html().getBytes(StandardCharsets.UTF_8));
            }

            private Rendered route(String path, String reader) {
                String employees = "/hr/employees/";
                String handbooks = "/hr/handbooks/";
                if (path.startsWith(employees) && segment(path, employees) != null) {
                    return employeeFile.getObject().render(segment(path, employees), reader);
                }
                if (path.startsWith(handbooks) && segment(path, handbooks) != null) {
                    return handbookStatus.getObject().render(segment(path, handbooks), reader);
                }
                if (path.equals("/hr/handbooks") || path.equals(handbooks)) {
                    return handbookList.getObject().render(reader);
                }
                if (path.equals("/hr/corrective-actions") || path.equals("/hr/corrective-actions/")) {
                    return correctiveActions.getObject().render(reader);
                }
                return new Rendered(404, Html.page("Not found", reader, "<p>There is no such HR page.</p>"));
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("hr-pages");
        registration.addUrlPatterns("/hr/employees/*", "/hr/handbooks", "/hr/handbooks/*", "/hr/corrective-actions", "/hr/corrective-actions/");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 32);
        return registration;
    }

    /** The one path segment after the prefix, decoded; null if there is none or more than one. */
    static String segment(String path, String prefix) {
        String rest = path.substring(prefix.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty() || rest.contains("/")) {
            return null;
        }
        return UriUtils.decode(rest, StandardCharsets.UTF_8);
    }

    /** A refusal as the API words it (403 not allowed, 404 not found, ...); anything else is not ours to answer. */
    static Rendered refusal(RuntimeException e, String reader) {
        if (e instanceof Refusal refusal) {
            return new Rendered(refusal.status(), Html.page(refusal.title(), reader, "<p class=\"error\">" + Html.e(e.getMessage())
                    + "</p>"));
        }
        if (e instanceof AuthorizationException) {
            return new Rendered(403, Html.page("Not allowed", reader, "<p class=\"error\">You may not see this page.</p>"));
        }
        throw e;
    }

}
