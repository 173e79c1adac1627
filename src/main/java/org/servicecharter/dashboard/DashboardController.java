package org.servicecharter.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.servicecharter.platform.NotFound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dashboard[?from=&to=]}: the dashboard's figures as JSON; {@code GET /api/dashboard/{table}.csv}: one
 * of its tables as CSV (same period, same access: managers, the head of service, auditors, administrators).
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    /** The tables the page shows, each a header and its rows. */
    static final Map<String, Function<Dashboard.Figures, List<List<Object>>>> TABLES = Map.of(
            "queues", DashboardController::queues,
            "weeks", DashboardController::weeks,
            "low-ratings", DashboardController::lowRatings,
            "approvals", DashboardController::approvals,
            "handbook", DashboardController::handbook,
            "corrective-actions", DashboardController::correctiveActions,
            "plan-review", DashboardController::planReview,
            "failed-messages", DashboardController::failedMessages);

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping
    ResponseEntity<Dashboard.Figures> figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(dashboard.figures(from, to));
    }

    @GetMapping("/{table}.csv")
    ResponseEntity<String> csv(@PathVariable String table, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Function<Dashboard.Figures, List<List<Object>>> rows = TABLES.get(table);
        if (rows == null) {
            dashboard.requireReader();
            throw new NotFound("The dashboard has no table '" + table + "'; it has " + String.join(", ",
                    TABLES.keySet().stream().sorted().toList()) + ".");
        }
        StringBuilder csv = new StringBuilder();
        for (List<Object> row : rows.apply(dashboard.figures(from, to))) {
            csv.append(String.join(",", row.stream().map(DashboardController::cell).toList())).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dashboard-" + table + ".csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(csv.toString());
    }

    /** A CSV cell: quoted when needed; a text that a spreadsheet would run as a formula starts with an apostrophe. */
    static String cell(Object value) {
        String text = value == null ? "" : String.valueOf(value);
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static List<List<Object>> table(List<Object> header) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(header);
        return rows;
    }

    static List<List<Object>> queues(Dashboard.Figures f) {
        List<List<Object>> rows = table(List.of("queue", "open", "breached", "breaching today", "under 1 day", "1-3 days",
                "3-7 days", "over 7 days"));
        f.openComplaints().byQueue().forEach(q -> rows.add(List.of(q.queue(), q.open(), q.breached(), q.breachingToday(),
                q.ages().underOneDay(), q.ages().oneToThreeDays(), q.ages().threeToSevenDays(), q.ages().overSevenDays())));
        return rows;
    }

    static List<List<Object>> weeks(Dashboard.Figures f) {
        List<List<Object>> rows = table(List.of("from", "to", "received", "SLA breaches", "resolved", "surveys answered",
                "response rate", "average rating"));
        f.weeks().forEach(w -> rows.add(java.util.Arrays.asList(w.from(), w.to(), w.received(), w.slaBreaches(), w.resolved(),
                w.surveysAnswered(), w.responseRate(), w.averageRating())));
        return rows;
    }

    static List<List<Object>> lowRatings(Dashboard.Figures f) {
        List<List<Object>> rows = table(List.of("complaint", "rating", "answered at", "recovery", "recovery closed at"));
        f.lowRatings().forEach(r -> rows.add(java.util.Arrays.asList(r.reference(), r.rating(), r.answeredAt(), r.recovery(),
                r.recoveryClosedAt())));
        return rows;
    }

    static List<List<Object>> approvals(Dashboard.Figures f) {
        List<List<Object>> rows = table(List.of("tier", "waiting", "oldest requested at"));
        f.approvals().byTier().forEach(t -> rows.add(List.of(t.tier(), t.waiting(), t.oldestRequestedAt())));
        return rows;
    }

    static List<List<Object>> handbook(Dashboard.Figures f) {
        List<List<Object>> rows = table(List.of("version", "title", "deadline", "recipients", "signed", "pending", "overdue",
                "declined"));
        if (f.handbook() != null) {
            var h = f.handbook();
            rows.add(List.of(h.version(), h.title(), h.deadline(), h.recipients(), h.signed(), h.pending(), h.overdue(), h.declined()));
        }
        return rows;
    }

    static List<List<Object>> correctiveActions(Dashboard.Figures f) {
        List<List<Object>> rows = table(List.of("step", "open cases"));
        f.correctiveActions().byStep().forEach((step, count) -> rows.add(List.of(step, count)));
        return rows;
    }

    static List<List<Object>> planReview(Dashboard.Figures f) {
        List<List<Object>> rows = table(List.of("period", "review status", "strategy", "type", "weakness", "owner", "due",
                "strategy status"));
        Dashboard.PlanReview r = f.planReview();
        if (r != null && r.strategies().isEmpty()) {
            rows.add(java.util.Arrays.asList(r.period(), r.status(), null, null, null, null, null, null));
        } else if (r != null) {
            r.strategies().forEach(s -> rows.add(java.util.Arrays.asList(r.period(), r.status(), s.number(), s.type(),
                    s.weakness(), s.owner(), s.dueAt(), s.status())));
        }
        return rows;
    }

    static List<List<Object>> failedMessages(Dashboard.Figures f) {
        List<List<Object>> rows = table(List.of("message", "about", "attempts", "queued at", "last tried at"));
        f.failedMessages().latest().forEach(m -> rows.add(java.util.Arrays.asList(m.template(), m.reference(), m.attempts(),
                m.createdAt(), m.lastTriedAt())));
        return rows;
    }

}
