package org.servicecharter.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.servicecharter.identity.Roles;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Refused;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * What administrators ({@code camunda-admin}) see of the mail: {@code GET /api/admin/messages} (the outbox: queued,
 * sent, failed with the reason, attempts; and what the embedded server received) and the page {@code /admin/mail},
 * rendered on the server from the same data, behind the web apps' login like the audit pages. Anyone else: 403.
 */
@RestController
public class MailAdmin {

    static final int LIMIT = 200;

    private final Outbox outbox;
    private final ObjectProvider<EmbeddedMailServer> embedded;
    private final IdentityService identityService;

    MailAdmin(Outbox outbox, ObjectProvider<EmbeddedMailServer> embedded, IdentityService identityService) {
        this.outbox = outbox;
        this.embedded = embedded;
        this.identityService = identityService;
    }

    public record Received(String messageId, String from, String to, String subject, String text) {
    }

    @GetMapping(path = "/api/admin/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> messages() {
        if (!CurrentUser.groupsOf(identityService).contains(Roles.ADMINS)) {
            throw new Refused("The mail outbox is for administrators only.");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        outbox.countsByStatus().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        answer.put("counts", counts);
        answer.put("failed", outbox.failed(LIMIT));
        answer.put("latest", outbox.latest(LIMIT));
        answer.put("embeddedServer", embedded.getIfAvailable() != null);
        answer.put("received", received());
        return answer;
    }

    List<Received> received() {
        EmbeddedMailServer server = embedded.getIfAvailable();
        if (server == null) {
            return List.of();
        }
        List<Received> all = new ArrayList<>();
        List<MimeMessage> messages = server.received();
        for (int i = messages.size() - 1; i >= 0 && all.size() < LIMIT; i--) {
            MimeMessage m = messages.get(i);
            try {
                all.add(new Received(m.getMessageID(), join(m.getFrom()), join(m.getAllRecipients()), m.getSubject(), text(m.getContent())));
            } catch (Exception e) {
                all.add(new Received(null, null, null, "(unreadable: " + e.getMessage() + ")", ""));
            }
        }
        return all;
    }

    private static String join(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        return String.join(", ", java.util.Arrays.stream(addresses).map(Address::toString).toList());
    }

    private static String text(Object content) throws Exception {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) multipart.getBodyPart(i).getContent();
                }
                if (multipart.getBodyPart(i).getContent() instanceof MimeMultipart nested) {
                    return text(nested);
                }
            }
        }
        return "";
    }

    /** The page: server-rendered, escaped, no script (the page policy allows none inline). */
    String page() {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Mail — Service Charter"
                + "</title><link rel=\"stylesheet\" href=\"/audit/audit.css\"></head><body><main><h1>Mail</h1>");
        Map<String, Long> counts = new LinkedHashMap<>();
        outbox.countsByStatus().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        html.append("<p>Outbox: ");
        for (OutboxEntry.Status status : OutboxEntry.Status.values()) {
            html.append(status.name().toLowerCase()).append(' ').append(counts.getOrDefault(status.name(), 0L)).append(". ");
        }
        html.append("</p><h2>Failed</h2>");
        table(html, outbox.failed(LIMIT));
        html.append("<h2>Latest messages</h2>");
        table(html, outbox.latest(LIMIT));
        if (embedded.getIfAvailable() != null) {
            html.append("<h2>Received by the embedded mail server</h2><p>No spring.mail.host is set: mail stays inside the "
                    + "application and is shown here.</p>");
            for (Received r : received()) {
                html.append("<article><h3>").append(e(r.subject())).append("</h3><p>To ").append(e(r.to())).append(", from ")
                        .append(e(r.from())).append(", ").append(e(r.messageId())).append("</p><pre>").append(e(r.text()))
                        .append("</pre></article>");
            }
        } else {
            html.append("<p>Mail goes to the relay configured with spring.mail.host; read it there.</p>");
        }
        return html.append("</main></body></html>").toString();
    }

    private static void table(StringBuilder html, List<OutboxEntry> entries) {
        html.append("<table><thead><tr><th>Queued</th><th>To</th><th>Subject</th><th>About</th><th>Status</th><th>Attempts</th>"
                + "<th>Next attempt</th><th>Sent</th><th>Reason</th></tr></thead><tbody>");
        for (OutboxEntry x : entries) {
            html.append("<tr><td>").append(x.createdAt()).append("</td><td>")
                    .append(e(Optional.ofNullable(x.recipient()).orElse(x.recipientUser()))).append("</td><td>").append(e(x.subject()))
                    .append("</td><td>").append(e(x.reference())).append("</td><td>").append(x.status()).append("</td><td>")
                    .append(x.attempts()).append("</td><td>").append(x.status() == OutboxEntry.Status.QUEUED ? x.nextAttemptAt() : "")
                    .append("</td><td>").append(x.sentAt() == null ? "" : x.sentAt()).append("</td><td>").append(e(x.lastError()))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }

    /** The page behind the web apps' login: no session → the login; not an administrator → 403. */
    @Configuration
    static class Page {

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> mailAdminPage(ProcessEngine engine, ObjectProvider<MailAdmin> admin) {
            OncePerRequestFilter filter = new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws ServletException, IOException {
                    UserAuthentication user = CurrentUser.ofWebappSession(request, engine);
                    if (user == null) {
                        CurrentUser.sendToWebappLogin(request, response, "admin");
                        return;
                    }
                    response.setHeader("Cache-Control", "no-store");
                    response.setContentType("text/html;charset=UTF-8");
                    if (user.getGroupIds() == null || !user.getGroupIds().contains(Roles.ADMINS)) {
                        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                        response.getOutputStream().write(("<!doctype html><title>Not allowed</title><h1>Not allowed</h1>"
                                + "<p>The mail page is for administrators only.</p>").getBytes(StandardCharsets.UTF_8));
                        return;
                    }
                    if (!"GET".equals(request.getMethod())) {
                        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                        return;
                    }
                    response.getOutputStream().write(admin.getObject().page().getBytes(StandardCharsets.UTF_8));
                }
            };
            FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setName("mail-admin-page");
            registration.addUrlPatterns("/admin/mail", "/admin/mail/");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 31);
            return registration;
        }
    }
}
