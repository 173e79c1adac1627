package org.servicecharter.webapps;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the web apps' customisation files, {@code <app>/scripts/config.js} and {@code <app>/styles/user-styles.css},
 * made from Camunda's own (read from the webjar, so its settings such as Tasklist's shortcuts stay) plus the
 * department's name, logo, colour and date format, and a rule that hides the vendor's end-of-life banner — which tells
 * employees to migrate products, nothing they can act on.
 * <p>
 * Tasklist's config.js also names a custom script, {@code tasklist/scripts/forms-lose-nothing.js} (served from this
 * package), that makes Camunda Forms apply every key at once: Tasklist 7.24's form renderer (form-js) otherwise applies
 * input after a 300 ms debounce and renders the whole form again from its older state, so what a person typed into a
 * text field right after a number field was lost.
 */
@Configuration
@EnableConfigurationProperties(WebappsProperties.class)
class WebappsFace {

    static final Pattern FILE = Pattern.compile(
            "/app/(tasklist|cockpit|admin|welcome)/(scripts/config\\.js|styles/user-styles\\.css|scripts/return-after-login\\.js|scripts/forms-lose-nothing\\.js)");
    /** Every web app's custom script (config.js {@code customScripts}, a path below the app without ".js"): back to
     * the page that sent one to log in. */
    static final String RETURN_AFTER_LOGIN = "scripts/return-after-login";
    /** Tasklist's custom script: Camunda Forms apply every key at once. */
    static final String FORMS_LOSE_NOTHING = "scripts/forms-lose-nothing";
    static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
    static final Map<String, String> APP_NAMES = Map.of("tasklist", "Tasklist", "cockpit", "Cockpit", "admin", "Admin",
            "welcome", "Welcome");

    private final WebappsProperties properties;
    private final String applicationPath;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    WebappsFace(WebappsProperties properties, @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
        this.properties = properties;
        this.applicationPath = applicationPath.endsWith("/") ? applicationPath.substring(0, applicationPath.length() - 1) : applicationPath;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappsFaceFilter() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                Matcher file = path.startsWith(applicationPath) ? FILE.matcher(path.substring(applicationPath.length())) : null;
                if (file == null || !file.matches() || !"GET".equals(request.getMethod())
                        || file.group(2).equals(FORMS_LOSE_NOTHING + ".js") && !"tasklist".equals(file.group(1))) {
                    chain.doFilter(request, response);
                    return;
                }
                boolean script = file.group(2).endsWith(".js");
                byte[] body = files.computeIfAbsent(file.group(1) + "/" + file.group(2), key -> render(file.group(1), file.group(2)));
                response.setContentType(script ? "text/javascript;charset=UTF-8" : "text/css;charset=UTF-8");
                response.setHeader("Cache-Control", "no-cache");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("webapps-face");
        registration.addUrlPatterns(applicationPath + "/app/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
        return registration;
    }

    private byte[] render(String app, String file) {
        if (file.equals(RETURN_AFTER_LOGIN + ".js") || file.equals(FORMS_LOSE_NOTHING + ".js")) {
            return own("org/servicecharter/webapps/" + file.substring("scripts/".length())).getBytes(StandardCharsets.UTF_8);
        }
        String original = original(app + "/" + file);
        return (file.endsWith(".js") ? config(app, original) : styles(original)).getBytes(StandardCharsets.UTF_8);
    }

    /** Camunda's config.js with the department's settings first in its object (Camunda's own keys stay). */
    String config(String app, String original) {
        StringBuilder settings = new StringBuilder();
        // Camunda writes "{vendor} {name}": "Service Charter Tasklist"
        settings.append("  app: {name: ").append(js(APP_NAMES.get(app))).append(", vendor: ").append(js(properties.name())).append("},\n");
        if (!properties.dateFormat().isEmpty()) {
            settings.append("  dateFormat: {normal: ").append(js(properties.dateFormat())).append(", long: ")
                    .append(js(properties.dateFormat())).append("},\n");
        }
        int open = original.indexOf("export default {");
        if (open < 0) {
            throw new IllegalStateException("Camunda's " + app + " config.js has no 'export default {': the web apps changed");
        }
        if (Pattern.compile("(?m)^\\s*customScripts\\s*:").matcher(original).find()) {
            throw new IllegalStateException("Camunda's " + app + " config.js names custom scripts itself: add "
                    + RETURN_AFTER_LOGIN + " (and in Tasklist " + FORMS_LOSE_NOTHING + ") to them instead of a second customScripts");
        }
        // every app: back to the page that sent one to log in; Tasklist: Camunda Forms apply every key at once
        // (forms-lose-nothing.js says why)
        settings.append("  customScripts: [").append(js(RETURN_AFTER_LOGIN));
        if ("tasklist".equals(app)) {
            settings.append(", ").append(js(FORMS_LOSE_NOTHING));
        }
        settings.append("],\n");
        int at = open + "export default {".length();
        return original.substring(0, at) + "\n  // Service Charter: servicecharter.webapps.*\n" + settings + original.substring(at);
    }

    /** Camunda's user-styles.css, then: no end-of-life banner, the department's colour and logo. */
    String styles(String original) {
        StringBuilder css = new StringBuilder(original).append("\n/* Service Charter: servicecharter.webapps.* */\n");
        css.append(".ce-eol-banner { display: none !important; }\n");
        if (!properties.colour().isEmpty()) {
            css.append("[cam-widget-header], .navbar-default { border-bottom: 4px solid ").append(properties.colour()).append("; }\n");
            css.append(".navbar-brand, .navbar-brand:hover { color: ").append(properties.colour()).append(" !important; }\n");
        }
        // the login page shows the vendor's logo above the app's name: the department's logo or name instead
        css.append(".login-logo svg { display: none; }\n");
        if (!properties.logoUrl().isEmpty()) {
            css.append(".navbar-brand { text-indent: -999em; background: url(\"").append(properties.logoUrl())
                    .append("\") no-repeat left center; background-size: contain; width: 160px; }\n");
            css.append(".login-logo { height: 64px; background: url(\"").append(properties.logoUrl())
                    .append("\") no-repeat center; background-size: contain; }\n");
        } else {
            css.append(".login-logo::before { content: ").append(cssString(properties.name()))
                    .append("; display: block; font-size: 32px; font-weight: 600; color: ")
                    .append(properties.colour().isEmpty() ? "inherit" : properties.colour()).append("; }\n");
        }
        return css.toString();
    }

    private static String own(String resource) {
        try (InputStream in = WebappsFace.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The application's " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    private static String original(String file) {
        return resource(WEBJAR + file);
    }

    private static String resource(String path) {
        try (InputStream in = WebappsFace.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    /** A CSS string literal: quotes, backslashes and line ends escaped, '<' too (nothing in a style sheet closes a tag). */
    static String cssString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c == '<' || c < 0x20) {
                out.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String js(String value) {
        try {
            // a JSON string is a JavaScript string literal; '<' escaped so that nothing closes a tag
            return new ObjectMapper().writeValueAsString(value).replace("<", "\\u003c");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
