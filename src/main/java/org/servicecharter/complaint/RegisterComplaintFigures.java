package org.servicecharter.complaint;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** {@link ComplaintFigures} from the complaints register and the engine's history of this feature's own model. */
@Service
class RegisterComplaintFigures implements ComplaintFigures {

    private final ComplaintRegister register;
    private final JdbcTemplate jdbc;

    RegisterComplaintFigures(ComplaintRegister register, JdbcTemplate jdbc) {
        this.register = register;
        this.jdbc = jdbc;
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
