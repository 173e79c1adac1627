package org.servicecharter.messaging;

import org.servicecharter.platform.DatesForPeople;
import java.util.HashMap;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The texts of the messages: Thymeleaf templates {@code mail/<name>.txt} (plain text; its first line is
 * {@code Subject: ...}, then a blank line, then the body) and {@code mail/<name>.html} (optional HTML alternative).
 * A department changes them without Java by putting files of the same names into
 * {@code servicecharter.mail.templates-dir}, which is looked at first. Every template sees the message's model plus
 * {@code department} (the signature), {@code baseUrl} (the application's public address) and {@code dates}, which
 * writes a moment as the configured locale does ({@code ${dates.when(due)}}, {@link DatesForPeople}).
 */
class MailTexts {

    record Rendered(String subject, String text, String html) {
    }

    private final TemplateEngine text = new TemplateEngine();
    private final TemplateEngine html = new TemplateEngine();
    private final Map<String, Boolean> bundledHtml = new java.util.concurrent.ConcurrentHashMap<>();
    private final MailProperties properties;
    private final String baseUrl;
    private final DatesForPeople dates;

    MailTexts(MailProperties properties, String baseUrl) {
        this(properties, baseUrl, new DatesForPeople("en-GB", ""));
    }

    MailTexts(MailProperties properties, String baseUrl, DatesForPeople dates) {
        this.properties = properties;
        this.dates = dates;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        configure(text, TemplateMode.TEXT, ".txt");
        configure(html, TemplateMode.HTML, ".html");
    }

    private void configure(TemplateEngine engine, TemplateMode mode, String suffix) {
        int order = 1;
        if (properties.templatesDir() != null && !properties.templatesDir().isBlank()) {
            FileTemplateResolver files = new FileTemplateResolver();
            String dir = properties.templatesDir().endsWith("/") ? properties.templatesDir() : properties.templatesDir() + "/";
            engine.addTemplateResolver(settings(files, dir, mode, suffix, order++));
        }
        engine.addTemplateResolver(settings(new ClassLoaderTemplateResolver(), "mail/", mode, suffix, order));
    }

    private static AbstractConfigurableTemplateResolver settings(AbstractConfigurableTemplateResolver resolver, String prefix,
            TemplateMode mode, String suffix, int order) {
        resolver.setPrefix(prefix);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    MailProperties properties() {
        return properties;
    }

    String baseUrl() {
        return baseUrl;
    }

    Rendered render(String template, Map<String, Object> model) {
        if (!template.matches("[a-z0-9-]+")) {
            throw new IllegalStateException("A mail template's name is lower case letters, digits and hyphens: " + template);
        }
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("department", properties.departmentName());
        variables.put("baseUrl", baseUrl);
        variables.put("dates", dates);
        Context context = new Context(dates.locale(), variables);
        String rendered = text.process(template, context).replace("\r\n", "\n").stripLeading();
        if (!rendered.startsWith("Subject:")) {
            throw new IllegalStateException("The mail template " + template + ".txt must start with a line 'Subject: ...'");
        }
        int end = rendered.indexOf('\n');
        String subject = (end < 0 ? rendered.substring(8) : rendered.substring(8, end)).strip();
        String body = end < 0 ? "" : rendered.substring(end + 1).strip() + "\n";
        String htmlBody = exists(template) ? html.process(template, context) : null;
        return new Rendered(subject, body, htmlBody);
    }

    private boolean exists(String template) {
        if (properties.templatesDir() != null && !properties.templatesDir().isBlank()
                && new java.io.File(properties.templatesDir(), template + ".html").isFile()) {
            return true;
        }
        // the application's own templates do not change while it runs: looked up in the jar once per template
        return bundledHtml.computeIfAbsent(template,
                name -> MailTexts.class.getClassLoader().getResource("mail/" + name + ".html") != null);
    }
}
