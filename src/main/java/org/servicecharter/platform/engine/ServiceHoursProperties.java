package org.servicecharter.platform.engine;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The department's service hours ({@code servicecharter.service-hours.*}), in which SLA durations are counted
 * ({@link ServiceHoursCalendar}): {@code days} the working days ("MONDAY-FRIDAY", or a list such as
 * "MONDAY-THURSDAY, SATURDAY"), {@code hours} the opening and closing time ("08:00-18:00"; "00:00-24:00" around the
 * clock), {@code time-zone} the zone those times are in, {@code holidays} the public holidays (dates such as
 * 2026-12-25) on which the department is closed. Checked at start-up: a wrong value stops the application with a
 * sentence naming the property.
 */
@ConfigurationProperties("servicecharter.service-hours")
public record ServiceHoursProperties(
        @DefaultValue("MONDAY-FRIDAY") String days,
        @DefaultValue("08:00-18:00") String hours,
        @DefaultValue("UTC") String timeZone,
        @DefaultValue({}) List<String> holidays) {

    private static final String PREFIX = "servicecharter.service-hours.";

    public ServiceHoursProperties {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        calendar(days, hours, timeZone, holidays); // refuses a wrong value at start-up
    }

    /** The calendar these settings describe. */
    public ServiceHoursCalendar calendar() {
        return calendar(days, hours, timeZone, holidays);
    }

    private static ServiceHoursCalendar calendar(String days, String hours, String timeZone, List<String> holidays) {
        Set<DayOfWeek> workingDays = workingDays(days);
        String[] times = hours == null ? new String[0] : hours.trim().split("\\s*-\\s*");
        if (times.length != 2) {
            throw wrong("hours", hours, "give the opening and closing time as HH:mm-HH:mm, for example 08:00-18:00");
        }
        LocalTime opens;
        LocalTime closes;
        try {
            opens = LocalTime.parse(times[0]);
            closes = times[1].equals("24:00") ? null : LocalTime.parse(times[1]);
        } catch (DateTimeParseException e) {
            throw wrong("hours", hours, "give the opening and closing time as HH:mm-HH:mm, for example 08:00-18:00"
                    + " (24:00 for midnight at the end of the day)");
        }
        if (closes != null && !closes.isAfter(opens)) {
            throw wrong("hours", hours, "the closing time must be after the opening time on the same day");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.trim());
        } catch (DateTimeException e) {
            throw wrong("time-zone", timeZone, "give a time zone such as Europe/Berlin or UTC");
        }
        Set<LocalDate> holidayDates = new LinkedHashSet<>();
        for (String holiday : holidays) {
            if (holiday == null || holiday.isBlank()) {
                continue;
            }
            try {
                holidayDates.add(LocalDate.parse(holiday.trim()));
            } catch (DateTimeParseException e) {
                throw wrong("holidays", holiday, "give each public holiday as a date such as 2026-12-25");
            }
        }
        return new ServiceHoursCalendar(workingDays, opens, closes, zone, holidayDates);
    }

    private static Set<DayOfWeek> workingDays(String days) {
        String sentence = "give the working days as English day names or ranges, for example MONDAY-FRIDAY or"
                + " MONDAY-THURSDAY, SATURDAY";
        if (days == null || days.isBlank()) {
            throw wrong("days", days, sentence);
        }
        Set<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
        try {
            for (String part : days.split(",")) {
                String[] range = part.trim().toUpperCase(Locale.ROOT).split("\\s*-\\s*");
                if (range.length == 1) {
                    result.add(DayOfWeek.valueOf(range[0]));
                } else if (range.length == 2) {
                    DayOfWeek from = DayOfWeek.valueOf(range[0]);
                    DayOfWeek to = DayOfWeek.valueOf(range[1]);
                    for (DayOfWeek day = from; ; day = day.plus(1)) {
                        result.add(day);
                        if (day == to) {
                            break;
                        }
                    }
                } else {
                    throw wrong("days", days, sentence);
                }
            }
        } catch (IllegalArgumentException e) {
            throw wrong("days", days, sentence);
        }
        return result;
    }

    private static IllegalStateException wrong(String property, String value, String sentence) {
        return new IllegalStateException(PREFIX + property + " is \"" + value + "\": " + sentence + ".");
    }
}
