package org.servicecharter.webapps;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Camunda's web apps present the department ({@code servicecharter.webapps.*}).
 *
 * @param name       the application's name: the header says "{name} Tasklist", "{name} Cockpit", ... (where Camunda
 *                   says "Camunda Tasklist"), and so does the browser's title
 * @param logoUrl    an image for the header (a path on this server such as {@code /branding/logo.svg}, or https);
 *                   empty: the name in text
 * @param colour     the header's accent colour, {@code #rgb} or {@code #rrggbb}; empty: Camunda's
 * @param dateFormat how dates are written (moment.js formats, e.g. {@code DD.MM.YYYY HH:mm}); empty: Camunda's
 */
@ConfigurationProperties("servicecharter.webapps")
public record WebappsProperties(
        @DefaultValue("Service Charter") String name,
        @DefaultValue("") String logoUrl,
        @DefaultValue("") String colour,
        @DefaultValue("") String dateFormat) {

    static final Pattern COLOUR = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    static final Pattern LOGO = Pattern.compile("(/|https://)[A-Za-z0-9._~/:@%+-]*");
    static final Pattern DATE_FORMAT = Pattern.compile("[A-Za-z0-9 .,:/\\-]*");

    public WebappsProperties {
        // the values end up in a script and a style sheet served to every user: only what they are meant to be
        if (name == null || name.isBlank() || name.length() > 60) {
            throw new IllegalStateException("servicecharter.webapps.name must be 1 to 60 characters");
        }
        if (colour != null && !colour.isEmpty() && !COLOUR.matcher(colour).matches()) {
            throw new IllegalStateException("servicecharter.webapps.colour must be a colour such as #1a5e8c, not " + colour);
        }
        if (logoUrl != null && !logoUrl.isEmpty() && !LOGO.matcher(logoUrl).matches()) {
            throw new IllegalStateException("servicecharter.webapps.logo-url must be a path on this server (/...) or an https address");
        }
        if (dateFormat != null && !DATE_FORMAT.matcher(dateFormat).matches()) {
            throw new IllegalStateException("servicecharter.webapps.date-format must be a date pattern such as DD.MM.YYYY HH:mm");
        }
    }
}
