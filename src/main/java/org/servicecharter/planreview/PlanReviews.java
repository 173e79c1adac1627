package org.servicecharter.planreview;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The plan-review register: {@code plan_review}, its answers and strategies. The only class that touches them. */
@Repository
public class PlanReviews {

    public record Review(String period, LocalDateTime periodFrom, LocalDateTime periodTo, String processInstanceId,
            String startedBy, LocalDateTime startedAt, boolean yearly, String status, String figures, String serviceElements,
            LocalDateTime remeasureFrom, LocalDateTime remeasureTo, String remeasuredFigures, String comparison,
            LocalDateTime completedAt, String serviceElementsAgain, String serviceElementComparison) {
    }

    public record Answer(String kind, String subject, String answeredBy, LocalDateTime answeredAt, Map<String, Object> details) {
    }

    /**
     * A strategy and how it went. {@code remeasureAfter} (ISO-8601, e.g. P3M) is how long after its implementation it is
     * re-measured, in the window {@code remeasureFrom}–{@code remeasureTo}; statuses: proposed, approved, overdue,
     * implemented, waiting, remeasured.
     */
    public record Strategy(int number, String weakness, String type, String description, String owner, LocalDateTime dueAt,
            String status, LocalDateTime escalatedAt, LocalDateTime implementedAt, String implementationNote,
            String remeasureAfter, LocalDateTime remeasureFrom, LocalDateTime remeasureTo) {
    }

    /** A strategy against its own baseline: the figures of the window just before it was implemented, and of the window after. */
    public record StrategyComparison(int number, String weakness, String type, String remeasureAfter, PlanFigures.Figures baseline,
            PlanFigures.Figures remeasured, PlanFigures.Comparison comparison) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public PlanReviews(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Opens the review of the period; false when the period already has one (the key refuses a second). */
    public boolean open(ReviewPeriod period, String processInstanceId, String startedBy, boolean yearly, LocalDateTime now) {
        if (find(period.label()).isPresent()) {
            return false;
        }
        try {
            jdbc.update("""
                    INSERT INTO plan_review (period, period_from, period_to, process_instance_id, started_by, started_at, yearly, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'figures')""",
                    period.label(), Timestamp.valueOf(period.start()), Timestamp.valueOf(period.end()), processInstanceId,
                    startedBy, Timestamp.valueOf(now), yearly);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<Review> find(String period) {
        return jdbc.query("SELECT * FROM plan_review WHERE period = ?", (rs, i) -> new Review(rs.getString("period"),
                time(rs.getTimestamp("period_from")), time(rs.getTimestamp("period_to")), rs.getString("process_instance_id"),
                rs.getString("started_by"), time(rs.getTimestamp("started_at")), rs.getBoolean("yearly"), rs.getString("status"),
                rs.getString("figures"), rs.getString("service_elements"), time(rs.getTimestamp("remeasure_from")),
                time(rs.getTimestamp("remeasure_to")), rs.getString("remeasured_figures"), rs.getString("comparison"),
                time(rs.getTimestamp("completed_at")), rs.getString("service_elements_again"),
                rs.getString("service_element_comparison")), period).stream().findFirst();
    }

    /** The period of the review started last (the current one), if any review was ever started. */
    public Optional<String> latestPeriod() {
        return jdbc.query("SELECT period FROM plan_review ORDER BY started_at DESC, period DESC LIMIT 1",
                (rs, i) -> rs.getString(1)).stream().findFirst();
    }

    public void status(String period, String status) {
        jdbc.update("UPDATE plan_review SET status = ? WHERE period = ?", status, period);
    }

    public void figures(String period, Object figures) {
        jdbc.update("UPDATE plan_review SET figures = ?, status = 'reviewing' WHERE period = ?", write(figures), period);
    }

    public void serviceElements(String period, Object ratings) {
        jdbc.update("UPDATE plan_review SET service_elements = ? WHERE period = ?", write(ratings), period);
    }

    /** The table rated again after the last strategy was re-measured, and its row-by-row comparison with the first rating. */
    public void serviceElementsAgain(String period, Object rows, Object comparison) {
        jdbc.update("UPDATE plan_review SET service_elements_again = ?, service_element_comparison = ? WHERE period = ?",
                write(rows), write(comparison), period);
    }

    public void waiting(String period, LocalDateTime from, LocalDateTime to) {
        jdbc.update("UPDATE plan_review SET remeasure_from = ?, remeasure_to = ?, status = 'waiting' WHERE period = ?",
                Timestamp.valueOf(from), Timestamp.valueOf(to), period);
    }

    public void remeasured(String period, Object figures, Object comparison) {
        jdbc.update("UPDATE plan_review SET remeasured_figures = ?, comparison = ?, status = 'remeasured' WHERE period = ?",
                write(figures), write(comparison), period);
    }

    public void completed(String period, LocalDateTime now) {
        jdbc.update("UPDATE plan_review SET status = 'completed', completed_at = ? WHERE period = ?", Timestamp.valueOf(now), period);
    }

    /** Records an answer; answering the same thing again (a task done twice after a send-back) replaces it. */
    public void answer(String period, String kind, String subject, String answeredBy, LocalDateTime now, Map<String, Object> details) {
        jdbc.update("DELETE FROM plan_review_answer WHERE period = ? AND kind = ? AND subject = ?", period, kind, subject);
        jdbc.update("INSERT INTO plan_review_answer (period, kind, subject, answered_by, answered_at, details) VALUES (?, ?, ?, ?, ?, ?)",
                period, kind, subject, answeredBy, Timestamp.valueOf(now), write(details));
    }

    public List<Answer> answers(String period) {
        return jdbc.query("SELECT * FROM plan_review_answer WHERE period = ? ORDER BY kind, subject", (rs, i) -> new Answer(
                rs.getString("kind"), rs.getString("subject"), rs.getString("answered_by"), time(rs.getTimestamp("answered_at")),
                read(rs.getString("details"), new TypeReference<LinkedHashMap<String, Object>>() { })), period);
    }

    /** Replaces the proposed strategies (a send-back proposes them anew). */
    public void proposeStrategies(String period, List<Strategy> strategies) {
        jdbc.update("DELETE FROM plan_review_strategy WHERE period = ?", period);
        for (Strategy s : strategies) {
            jdbc.update("""
                    INSERT INTO plan_review_strategy (period, strategy_no, weakness, strategy_type, description, owner_id, due_at, status,
                      remeasure_after)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'proposed', ?)""", period, s.number(), s.weakness(), s.type(), s.description(),
                    s.owner(), Timestamp.valueOf(s.dueAt()), s.remeasureAfter());
        }
        jdbc.update("UPDATE plan_review SET status = 'strategies' WHERE period = ?", period);
    }

    public void approveStrategies(String period) {
        jdbc.update("UPDATE plan_review_strategy SET status = 'approved' WHERE period = ?", period);
        jdbc.update("UPDATE plan_review SET status = 'implementing' WHERE period = ?", period);
    }

    public void strategyOverdue(String period, int number, LocalDateTime now) {
        jdbc.update("UPDATE plan_review_strategy SET status = 'overdue', escalated_at = ? WHERE period = ? AND strategy_no = ?",
                Timestamp.valueOf(now), period, number);
    }

    public void strategyImplemented(String period, int number, String note, LocalDateTime now) {
        jdbc.update("UPDATE plan_review_strategy SET status = 'implemented', implemented_at = ?, implementation_note = ? WHERE period = ? AND strategy_no = ?",
                Timestamp.valueOf(now), note, period, number);
    }

    /** The strategy's waiting period started: it is re-measured for {@code from}–{@code to}. */
    public void strategyWaiting(String period, int number, LocalDateTime from, LocalDateTime to) {
        jdbc.update("UPDATE plan_review_strategy SET status = 'waiting', remeasure_from = ?, remeasure_to = ? WHERE period = ? AND strategy_no = ?",
                Timestamp.valueOf(from), Timestamp.valueOf(to), period, number);
        jdbc.update("UPDATE plan_review SET status = 'waiting' WHERE period = ? AND status = 'implementing'", period);
    }

    /** The strategy against its own baseline; the review is re-measured when its last strategy is. */
    public void strategyRemeasured(String period, int number, Object baseline, Object remeasured, Object comparison) {
        jdbc.update("""
                UPDATE plan_review_strategy SET status = 'remeasured', baseline_figures = ?, remeasured_figures = ?, comparison = ?
                WHERE period = ? AND strategy_no = ?""", write(baseline), write(remeasured), write(comparison), period, number);
        jdbc.update("""
                UPDATE plan_review SET status = 'remeasured' WHERE period = ? AND NOT EXISTS
                  (SELECT 1 FROM plan_review_strategy s WHERE s.period = plan_review.period AND s.status <> 'remeasured')""", period);
    }

    public List<StrategyComparison> strategyComparisons(String period) {
        return jdbc.query("SELECT * FROM plan_review_strategy WHERE period = ? AND comparison IS NOT NULL ORDER BY strategy_no",
                (rs, i) -> new StrategyComparison(rs.getInt("strategy_no"), rs.getString("weakness"), rs.getString("strategy_type"),
                        rs.getString("remeasure_after"), read(rs.getString("baseline_figures"), PlanFigures.Figures.class),
                        read(rs.getString("remeasured_figures"), PlanFigures.Figures.class),
                        read(rs.getString("comparison"), PlanFigures.Comparison.class)), period);
    }

    public List<Strategy> strategies(String period) {
        return jdbc.query("SELECT * FROM plan_review_strategy WHERE period = ? ORDER BY strategy_no", (rs, i) -> new Strategy(
                rs.getInt("strategy_no"), rs.getString("weakness"), rs.getString("strategy_type"), rs.getString("description"),
                rs.getString("owner_id"), time(rs.getTimestamp("due_at")), rs.getString("status"), time(rs.getTimestamp("escalated_at")),
                time(rs.getTimestamp("implemented_at")), rs.getString("implementation_note"), rs.getString("remeasure_after"),
                time(rs.getTimestamp("remeasure_from")), time(rs.getTimestamp("remeasure_to"))), period);
    }

    public Strategy strategy(String period, int number) {
        return strategies(period).stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> new IllegalStateException("Review " + period + " has no strategy " + number));
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return text == null ? null : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
