package org.servicecharter.planreview;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A strategy's re-measure time as the choosing form takes it: a number of days ("90") or an ISO-8601 period ("P3M",
 * "P6W", "P45D"), positive and at most two years. Periods, not durations: a month is a calendar month, as in
 * {@code servicecharter.plan-review.remeasure-after}.
 */
final class RemeasureTime {

    static final int MAX_DAYS = 730;

    private RemeasureTime() {
    }

    /** The period, or null when the text is none of the accepted forms. */
    static Period parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        Period period;
        try {
            period = t.matches("\\d{1,4}") ? Period.ofDays(Integer.parseInt(t)) : Period.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
        if (period.getYears() < 0 || period.getMonths() < 0 || period.getDays() < 0) {
            return null;
        }
        // measured from a day in a year without 29 February: two years are exactly MAX_DAYS
        java.time.LocalDate from = java.time.LocalDate.of(2001, 1, 1);
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, from.plus(period));
        return days >= 1 && days <= MAX_DAYS ? period : null;
    }

    /** "3 months", "45 days", "1 year and 2 months": how the forms say it. */
    static String words(String iso) {
        if (iso == null) {
            return "—";
        }
        Period p = Period.parse(iso);
        StringBuilder sb = new StringBuilder();
        append(sb, p.getYears(), "year");
        append(sb, p.getMonths(), "month");
        append(sb, p.getDays(), "day");
        return sb.toString();
    }

    private static void append(StringBuilder sb, int n, String unit) {
        if (n == 0) {
            return;
        }
        sb.append(sb.length() == 0 ? "" : " and ").append(n).append(' ').append(unit).append(n == 1 ? "" : "s");
    }
}
