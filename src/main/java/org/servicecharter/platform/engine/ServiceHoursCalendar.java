package org.servicecharter.platform.engine;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The department's service hours as an engine business calendar (registered as {@value #NAME}): an ISO-8601 duration
 * counts only the time the department is open. The time part (PT2H) counts open hours: Friday 17:00 + PT2H with
 * 08:00-18:00 is Monday 09:00. Each day (P1D) is one service day: the same time of day on the next day the department
 * opens (P1W: as many service days as the week has). A start outside the service hours counts from the next opening.
 * Public holidays are no service days. Years and months are refused: they have no fixed number of service days.
 * Around the clock every day ({@code 00:00-24:00}, seven days, no holidays) this is calendar time.
 */
public final class ServiceHoursCalendar implements BusinessCalendar {

    /** The name under which the engine's business calendar manager knows this calendar. */
    public static final String NAME = "serviceHours";

    private static final int LONGEST_SEARCH_DAYS = 3660;

    private final Set<DayOfWeek> days;
    private final LocalTime opens;
    /** null: closes at midnight (24:00). */
    private final LocalTime closes;
    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    /**
     * @param closes the closing time, or null for midnight at the end of the day (24:00)
     */
    public ServiceHoursCalendar(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone, Set<LocalDate> holidays) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("service hours need at least one working day");
        }
        if (closes != null && !closes.isAfter(opens)) {
            throw new IllegalArgumentException("service hours must close after they open");
        }
        this.days = Set.copyOf(days);
        this.opens = opens;
        this.closes = closes;
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
    }

    /** Around the clock, every day, no holidays: calendar time. */
    public static ServiceHoursCalendar aroundTheClock(ZoneId zone) {
        return new ServiceHoursCalendar(Set.of(DayOfWeek.values()), LocalTime.MIDNIGHT, null, zone, Set.of());
    }

    /** When a duration of service time that starts at {@code start} ends. */
    public Instant add(Instant start, String isoDuration) {
        ServiceDuration duration = ServiceDuration.parse(isoDuration, days.size());
        Instant t = nextOpenMoment(start);
        for (int day = 0; day < duration.serviceDays(); day++) {
            t = sameTimeNextServiceDay(t);
        }
        Duration remaining = duration.serviceTime();
        while (true) {
            Instant closing = closingOf(t.atZone(zone).toLocalDate());
            Duration available = Duration.between(t, closing);
            if (remaining.compareTo(available) <= 0) {
                return t.plus(remaining);
            }
            remaining = remaining.minus(available);
            t = nextOpenMoment(closing);
        }
    }

    /** {@code t} itself while the department is open, otherwise its next opening. */
    public Instant nextOpenMoment(Instant t) {
        LocalDate day = t.atZone(zone).toLocalDate();
        for (int i = 0; i < LONGEST_SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (!isServiceDay(day)) {
                continue;
            }
            Instant opening = openingOf(day);
            if (t.isBefore(opening)) {
                return opening;
            }
            if (t.isBefore(closingOf(day))) {
                return t;
            }
        }
        throw new IllegalStateException("the service hours have no working day in the ten years after " + t
                + " (every one a public holiday?)");
    }

    public boolean isServiceDay(LocalDate day) {
        return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    private Instant sameTimeNextServiceDay(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        LocalDate day = local.toLocalDate().plusDays(1);
        for (int i = 0; i < LONGEST_SEARCH_DAYS && !isServiceDay(day); i++) {
            day = day.plusDays(1);
        }
        if (!isServiceDay(day)) {
            throw new IllegalStateException("the service hours have no working day in the ten years after " + t);
        }
        return day.atTime(local.toLocalTime()).atZone(zone).toInstant();
    }

    private Instant openingOf(LocalDate day) {
        return day.atTime(opens).atZone(zone).toInstant();
    }

    private Instant closingOf(LocalDate day) {
        return closes == null ? day.plusDays(1).atStartOfDay(zone).toInstant() : day.atTime(closes).atZone(zone).toInstant();
    }

    @Override
    public Date resolveDuedate(String duedateDescription) {
        return resolveDuedate(duedateDescription, ClockUtil.getCurrentTime());
    }

    @Override
    public Date resolveDuedate(String duedateDescription, Date startDate) {
        return Date.from(add(startDate.toInstant(), duedateDescription));
    }

    @Override
    public Date resolveDuedate(String duedateDescription, Task task) {
        return resolveDuedate(duedateDescription);
    }

    /** An ISO-8601 duration split into whole service days and service time. */
    record ServiceDuration(int serviceDays, Duration serviceTime) {

        static ServiceDuration parse(String iso, int serviceDaysPerWeek) {
            String text = iso == null ? "" : iso.trim().toUpperCase(Locale.ROOT);
            if (!text.startsWith("P") || text.equals("P") || text.endsWith("T") || text.startsWith("-")) {
                throw refused(iso);
            }
            int timeAt = text.indexOf('T');
            String datePart = timeAt < 0 ? text : text.substring(0, timeAt);
            String timePart = timeAt < 0 ? "" : text.substring(timeAt);
            try {
                int serviceDays = 0;
                if (!datePart.equals("P")) {
                    Period period = Period.parse(datePart);
                    if (period.getYears() != 0 || period.getMonths() != 0) {
                        throw new IllegalArgumentException("The duration \"" + iso + "\" counts years or months, which"
                                + " have no fixed number of service days; give days or weeks (for example P20D)");
                    }
                    int weeks = datePart.contains("W") ? weeks(datePart) : 0;
                    serviceDays = (period.getDays() - 7 * weeks) + weeks * serviceDaysPerWeek;
                }
                Duration time = timePart.isEmpty() ? Duration.ZERO : Duration.parse("P" + timePart);
                if (serviceDays < 0 || time.isNegative()) {
                    throw refused(iso);
                }
                return new ServiceDuration(serviceDays, time);
            } catch (DateTimeParseException | ArithmeticException e) {
                throw refused(iso);
            }
        }

        private static int weeks(String datePart) {
            int w = datePart.indexOf('W');
            int from = w;
            while (from > 1 && Character.isDigit(datePart.charAt(from - 1))) {
                from--;
            }
            return Integer.parseInt(datePart.substring(from, w));
        }

        private static IllegalArgumentException refused(String iso) {
            return new IllegalArgumentException("The duration \"" + iso + "\" is not an ISO-8601 duration of service"
                    + " time such as PT4H, P1D or P1DT4H");
        }
    }
}
