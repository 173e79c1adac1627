package org.servicecharter.platform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.IllformedLocaleException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Dates as the department writes them, the one way pages and messages show a moment to people: in the configured
 * locale ({@code servicecharter.locale}, a language tag such as {@code en-GB}, {@code en-US}, {@code de-DE}) and time
 * zone ({@code servicecharter.time-zone}, e.g. {@code Europe/Berlin}; empty: the server's). {@code en-GB} writes
 * "2 Dec 2026, 14:05", {@code en-US} "Dec 2, 2026, 2:05 PM", {@code de-DE} "02.12.2026, 14:05". A tag or zone that
 * is not one is refused at start-up with a sentence naming the property.
 */
@Component
public class DatesForPeople {

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter moment;
    private final DateTimeFormatter day;

    public DatesForPeople(@Value("${servicecharter.locale:en-GB}") String locale,
            @Value("${servicecharter.time-zone:}") String zone) {
        this.locale = locale(locale);
        this.zone = zone(zone);
        this.moment = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(this.locale).withZone(this.zone);
        this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(this.locale).withZone(this.zone);
    }

    /** A moment, date and time: "2 Dec 2026, 14:05"; empty for none. */
    public String when(Instant instant) {
        return instant == null ? "" : moment.format(instant);
    }

    public String when(Date date) {
        return date == null ? "" : when(date.toInstant());
    }

    /** The day only: "2 Dec 2026"; empty for none. */
    public String day(Instant instant) {
        return instant == null ? "" : day.format(instant);
    }

    /** A calendar day as written: "2 Dec 2026"; empty for none. */
    public String day(java.time.LocalDate date) {
        return date == null ? "" : day.withZone(null).format(date);
    }

    public String day(Date date) {
        return date == null ? "" : day(date.toInstant());
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    private static Locale locale(String tag) {
        try {
            Locale parsed = new Locale.Builder().setLanguageTag(tag == null ? "" : tag.trim()).build();
            if (parsed.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return parsed;
        } catch (IllformedLocaleException e) {
            throw new IllegalStateException("servicecharter.locale '" + tag + "' is not a language tag; write one such as"
                    + " en-GB, en-US or de-DE");
        }
    }

    private static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException("servicecharter.time-zone '" + id + "' is not a time zone; write one such as"
                    + " Europe/Berlin or UTC, or leave it empty for the server's");
        }
    }
}
