package org.servicecharter.planreview;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.servicecharter.platform.Rejected;



/** A calendar quarter under review, [from, to) in server time: {@code 2026-Q1} is 2026-01-01 to 2026-04-01. */
public record ReviewPeriod(String label, LocalDate from, LocalDate to) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public static ReviewPeriod parse(String label) {
        Matcher m = label == null ? null : QUARTER.matcher(label.trim());
        if (m == null || !m.matches()) {
            throw new Rejected("A period is a quarter such as 2026-Q1, not " + label + ".",
                    List.of(new Rejected.FieldError("period", "is a quarter such as 2026-Q1")));
        }
        return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static ReviewPeriod quarter(int year, int quarter) {
        LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new ReviewPeriod(year + "-Q" + quarter, from, from.plusMonths(3));
    }

    /** The last complete quarter before the day: a review held in April looks at January to March. */
    public static ReviewPeriod previousQuarter(LocalDate day) {
        LocalDate inPrevious = day.withDayOfMonth(1).minusMonths(3);
        return quarter(inPrevious.getYear(), (inPrevious.getMonthValue() - 1) / 3 + 1);
    }

    public int quarter() {
        return (from.getMonthValue() - 1) / 3 + 1;
    }

    public LocalDateTime start() {
        return from.atStartOfDay();
    }

    public LocalDateTime end() {
        return to.atStartOfDay();
    }

    /** The engine's clock (tests move it), in server time. */
    public static LocalDateTime now() {
        return LocalDateTime.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
    }

    public static LocalDateTime time(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }

    public static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }
}
