package org.servicecharter.complaint;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** {@link ComplaintFigures} from the complaints register and the engine's history of this feature's own model. */
@Service
class RegisterComplaintFigures implements ComplaintFigures {

    /** Statuses of a complaint that is not yet put right: waiting for its resolution, or reopened for recovery. */
    static final String OPEN_STATUSES = "('OPEN', 'RECOVERY')";

    private final ComplaintRegister register;
    private final JdbcTemplate jdbc;
    private final ComplaintProperties properties;

    RegisterComplaintFigures(ComplaintRegister register, JdbcTemplate jdbc, ComplaintProperties properties) {
        this.register = register;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public List<Queue> openByQueue(Instant now, Instant endOfToday) {
        Timestamp n = Timestamp.from(now);
        Timestamp day = Timestamp.from(now.minus(Duration.ofDays(1)));
        Timestamp threeDays = Timestamp.from(now.minus(Duration.ofDays(3)));
        Timestamp week = Timestamp.from(now.minus(Duration.ofDays(7)));
        return jdbc.query("SELECT COALESCE(handling_queue, 'unassigned') AS queue, COUNT(*),"
                + " SUM(CASE WHEN sla_due_at < ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN sla_due_at >= ? AND sla_due_at < ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN received_at >= ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN received_at < ? AND received_at >= ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN received_at < ? AND received_at >= ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN received_at < ? THEN 1 ELSE 0 END)"
                + " FROM complaint WHERE status IN " + OPEN_STATUSES
                + " GROUP BY COALESCE(handling_queue, 'unassigned') ORDER BY queue",
                (rs, i) -> new Queue(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        new Ages(rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))),
                n, n, Timestamp.from(endOfToday), day, day, threeDays, threeDays, week, week);
    }

    @Override
    public List<Week> weekly(LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.valueOf(from.atStartOfDay());
        Timestamp end = Timestamp.valueOf(to.plusDays(1).atStartOfDay());
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        int weeks = (days + 6) / 7;
        long[] received = new long[weeks];
        long[] breaches = new long[weeks];
        long[] resolved = new long[weeks];
        long[] answered = new long[weeks];
        long[] ratings = new long[weeks];
        // registered times are the server's local time (Timestamp.from), so a timestamp's date is the server's day
        jdbc.query("SELECT CAST(received_at AS DATE), COUNT(*) FROM complaint WHERE received_at >= ? AND received_at < ?"
                + " GROUP BY CAST(received_at AS DATE)", rs -> {
            received[week(from, rs.getDate(1))] += rs.getLong(2);
        }, start, end);
        jdbc.query("SELECT CAST(sla_breached_at AS DATE), COUNT(*) FROM complaint WHERE sla_breached_at >= ? AND sla_breached_at < ?"
                + " GROUP BY CAST(sla_breached_at AS DATE)", rs -> {
            breaches[week(from, rs.getDate(1))] += rs.getLong(2);
        }, start, end);
        jdbc.query("SELECT CAST(resolved_at AS DATE), COUNT(*), COUNT(survey_answered_at),"
                + " SUM(CASE WHEN survey_answered_at IS NULL THEN 0 ELSE survey_rating END)"
                + " FROM complaint WHERE resolved_at >= ? AND resolved_at < ? GROUP BY CAST(resolved_at AS DATE)", rs -> {
            int w = week(from, rs.getDate(1));
            resolved[w] += rs.getLong(2);
            answered[w] += rs.getLong(3);
            ratings[w] += rs.getLong(4);
        }, start, end);
        List<Week> result = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            LocalDate weekFrom = from.plusDays(7L * w);
            LocalDate weekTo = weekFrom.plusDays(6).isAfter(to) ? to : weekFrom.plusDays(6);
            result.add(new Week(weekFrom, weekTo, received[w], breaches[w], resolved[w], answered[w],
                    answered[w] == 0 ? null : (double) ratings[w] / answered[w]));
        }
        return result;
    }

    private static int week(LocalDate from, java.sql.Date day) {
        return (int) (ChronoUnit.DAYS.between(from, day.toLocalDate()) / 7);
    }

    @Override
    public List<LowRating> latestLowRatings(LocalDate from, LocalDate to, int limit) {
        return jdbc.query("SELECT reference, survey_rating, survey_answered_at, recovery_opened_at, recovery_outcome,"
                + " recovery_closed_at FROM complaint WHERE survey_answered_at >= ? AND survey_answered_at < ? AND survey_rating <= ?"
                + " ORDER BY survey_answered_at DESC, reference LIMIT ?",
                (rs, i) -> new LowRating(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? "none" : rs.getTimestamp(6) == null ? "in progress"
                                : rs.getString(5) == null ? "closed" : rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()),
                Timestamp.valueOf(from.atStartOfDay()), Timestamp.valueOf(to.plusDays(1).atStartOfDay()),
                properties.recoveryThreshold(), limit);
    }

    @Override
    public Period between(Instant from, Instant to) {
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        Map<String, Long> byCategory = grouped("SELECT category, COUNT(*) FROM complaint WHERE received_at >= ? AND received_at < ? GROUP BY category", f, t);
        Map<String, Long> byChannel = grouped("SELECT channel, COUNT(*) FROM complaint WHERE received_at >= ? AND received_at < ? GROUP BY channel", f, t);
        long breaches = reached(ComplaintProcess.SLA_BREACHED, f, t);
        long escalations = reached(ComplaintProcess.MANAGER_RESOLVES, f, t);

        // complaints resolved in the period: time to resolve, and the survey each resolution sent
        List<long[]> resolved = jdbc.query(
                "SELECT received_at, resolved_at, survey_rating, survey_answered_at FROM complaint WHERE resolved_at >= ? AND resolved_at < ?",
                (rs, i) -> new long[] {
                        Duration.between(rs.getTimestamp(1).toLocalDateTime(), rs.getTimestamp(2).toLocalDateTime()).toSeconds(),
                        rs.getTimestamp(4) == null ? 0 : 1, rs.getInt(3) }, f, t);
        Double averageHours = resolved.isEmpty() ? null : resolved.stream().mapToLong(r -> r[0]).average().orElse(0) / 3600.0;
        long answered = resolved.stream().filter(r -> r[1] == 1).count();
        Double averageRating = answered == 0 ? null : resolved.stream().filter(r -> r[1] == 1).mapToLong(r -> r[2]).average().orElse(0);

        return new Period(from, to, byCategory, byChannel, breaches, escalations, resolved.size(), averageHours, answered,
                averageRating, register.serviceRecoveriesOpened(from, to));
    }

    @Override
    public Handled handledBy(String employee, Instant from, Instant to) {
        // the complaints the employee resolved in the period; one whose SLA escalation fired (in the engine's history of
        // this feature's model) before it was resolved was not resolved within the SLA
        List<long[]> handled = jdbc.query("""
                SELECT c.survey_rating, c.survey_answered_at,
                       (SELECT COUNT(*) FROM ACT_HI_ACTINST a WHERE a.PROC_INST_ID_ = c.process_instance_id
                          AND a.PROC_DEF_KEY_ = ? AND a.ACT_ID_ = ? AND a.START_TIME_ <= c.resolved_at) AS breaches
                FROM complaint c WHERE c.resolved_by = ? AND c.resolved_at >= ? AND c.resolved_at < ?""",
                (rs, i) -> new long[] { rs.getTimestamp(2) == null ? 0 : 1, rs.getInt(1), rs.getLong(3) },
                ComplaintProcess.PROCESS_KEY, ComplaintProcess.SLA_BREACHED, employee, Timestamp.from(from), Timestamp.from(to));
        long withinSla = handled.stream().filter(h -> h[2] == 0).count();
        long answered = handled.stream().filter(h -> h[0] == 1).count();
        Double averageRating = answered == 0 ? null : handled.stream().filter(h -> h[0] == 1).mapToLong(h -> h[1]).average().orElse(0);
        return new Handled(employee, from, to, handled.size(), withinSla, answered, averageRating);
    }

    /** How often the complaint model reached one of its elements in the period (the engine's history). */
    private long reached(String activityId, Timestamp from, Timestamp to) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_DEF_KEY_ = ? AND ACT_ID_ = ? AND START_TIME_ >= ? AND START_TIME_ < ?",
                Long.class, ComplaintProcess.PROCESS_KEY, activityId, from, to);
        return n == null ? 0 : n;
    }

    private Map<String, Long> grouped(String sql, Object... args) {
        Map<String, Long> result = new TreeMap<>();
        jdbc.query(sql, rs -> {
            result.put(rs.getString(1), rs.getLong(2));
        }, args);
        return result;
    }
}
