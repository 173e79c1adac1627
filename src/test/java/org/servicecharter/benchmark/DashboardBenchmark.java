package org.servicecharter.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark, excluded from the build (tag "benchmark"). The dashboard's data ({@code GET /api/dashboard}
 * as maria, over HTTP: authentication, every figure, JSON) with 100k finished and 10k open complaints in the register,
 * 5k approval requests (500 waiting) and 2k messages (100 failed), seeded straight into the application's tables in
 * SQL batches. Run with {@code bench/run.sh dashboard} (PostgreSQL); prints p50 / p95 in ms.
 */
@Tag("benchmark")
@ServiceCharterTest
class DashboardBenchmark {

    static final int FINISHED = Integer.getInteger("bench.finishedComplaints", 100_000);
    static final int OPEN = Integer.getInteger("bench.openComplaints", 10_000);
    static final List<String> QUEUES = List.of("agents", "billing-team", "delivery-team", "supervisors", "managers");

    @LocalServerPort int port;
    @Autowired DataSource dataSource;

    @Test
    void dashboardLatency() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long seedStart = System.nanoTime();
        Long already = jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE reference LIKE 'BENCH-%'", Long.class);
        if (already == null || already == 0) {
            seed(jdbc);
        }
        System.out.printf("seeded %,d finished and %,d open complaints in %.0f s%n", FINISHED, OPEN, (System.nanoTime() - seedStart) / 1e9);
        if (jdbc.getDataSource() != null && database(jdbc).equals("postgres")) {
            // what autovacuum does after a while in production: statistics, and the visibility map that lets the
            // covering indexes answer without reading the table
            jdbc.execute("VACUUM ANALYZE complaint");
            jdbc.execute("VACUUM ANALYZE approval_request");
            jdbc.execute("VACUUM ANALYZE message_outbox");
        }
        Http maria = Http.as(port, "maria");
        Http.Response first = maria.get("/api/dashboard");
        if (first.status() != 200) {
            throw new IllegalStateException(first.status() + " " + first.body());
        }
        System.out.println("open complaints on the dashboard: " + first.json().get("openComplaints").get("open").asLong()
                + ", weeks: " + first.json().get("weeks").size());
        String loadBefore = loadAverage();
        double[] whole = latency(() -> maria.get("/api/dashboard"));
        double[] year = latency(() -> maria.get("/api/dashboard?from=" + java.time.LocalDate.now().minusDays(364) + "&to=" + java.time.LocalDate.now()));
        System.out.println("BENCHMARK dashboard latency, p50 / p95 in ms (GET /api/dashboard as maria over HTTP, 200 runs after 20 warm-ups) on "
                + database(jdbc) + "\n| finished complaints | open complaints | 12 weeks (default) | 53 weeks |\n| --- | --- | --- | --- |\n"
                + String.format("| %,d | %,d | %.1f / %.1f | %.1f / %.1f |", FINISHED, OPEN, whole[0], whole[1], year[0], year[1])
                + "\n| the machine's load average (1 min) before / after: " + loadBefore + " / " + loadAverage() + " |");
    }

    private static String database(JdbcTemplate jdbc) {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        return product != null && product.toLowerCase().contains("postgres") ? "postgres" : "h2";
    }

    /** 100k finished complaints over the last year, 10k open ones over the last two weeks, approvals, messages. */
    private static void seed(JdbcTemplate jdbc) {
        Random random = new Random(42);
        Instant now = Instant.now();
        String sql = "INSERT INTO complaint (reference, process_instance_id, received_at, customer_name, channel, category,"
                + " description, status, resolved_at, survey_rating, survey_answered_at, sla_breached_at, handling_queue, sla_due_at,"
                + " recovery_opened_at, recovery_closed_at, recovery_outcome) VALUES (?, ?, ?, 'Bench Customer', 'email', 'billing',"
                + " 'Seeded for the benchmark.', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < FINISHED + OPEN; i++) {
            boolean open = i >= FINISHED;
            Instant received = open ? now.minus(Duration.ofMinutes(random.nextInt(14 * 24 * 60)))
                    : now.minus(Duration.ofMinutes(60L * 24 * 3 + random.nextInt(362 * 24 * 60)));
            Instant resolved = open ? null : received.plus(Duration.ofMinutes(30 + random.nextInt(72 * 60)));
            boolean answered = !open && random.nextInt(10) < 6;
            int rating = 1 + random.nextInt(5);
            boolean breached = random.nextInt(10) == 0;
            boolean recovery = answered && rating <= 2;
            String status = open ? (random.nextInt(20) == 0 ? "RECOVERY" : "OPEN") : "CLOSED";
            batch.add(new Object[] {"BENCH-" + i, "bench-" + i, Timestamp.from(received), status, ts(resolved),
                    answered ? rating : null, answered ? ts(resolved.plus(Duration.ofHours(30))) : null,
                    breached ? ts(received.plus(Duration.ofDays(1))) : null, QUEUES.get(random.nextInt(QUEUES.size())),
                    ts(received.plus(Duration.ofHours(4 + random.nextInt(44)))),
                    recovery ? ts(resolved.plus(Duration.ofHours(31))) : null,
                    recovery && random.nextBoolean() ? ts(resolved.plus(Duration.ofHours(60))) : null,
                    recovery ? "customer-satisfied" : null});
            if (batch.size() == 2000) {
                jdbc.batchUpdate(sql, batch);
                batch.clear();
            }
        }
        jdbc.batchUpdate(sql, batch);
        batch.clear();
        for (int i = 0; i < 5000; i++) {
            boolean waiting = i % 10 == 0;
            batch.add(new Object[] {"BENCH-AP-" + i, "bench-ap-" + i, Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)))),
                    Arrays.asList("supervisor", "manager", "head-of-service").get(random.nextInt(3)), waiting ? "open" : "approved"});
        }
        jdbc.batchUpdate("INSERT INTO approval_request (id, process_instance_id, request_type, amount, currency, reason, requester,"
                + " requested_at, current_tier, status) VALUES (?, ?, 'goodwill', 50.00, 'EUR', 'Seeded.', 'alice', ?, ?, ?)", batch);
        batch.clear();
        for (int i = 0; i < 2000; i++) {
            Timestamp at = Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60))));
            batch.add(new Object[] {"bench-msg-" + i, "<bench-msg-" + i + "@bench>", "bench:" + i, i % 20 == 0 ? "FAILED" : "SENT", at, at});
        }
        jdbc.batchUpdate("INSERT INTO message_outbox (id, message_id, idempotency_key, recipient, template, subject, body_text,"
                + " reference, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, 'someone@example.com',"
                + " 'complaint-acknowledgement', 'Seeded', 'Seeded.', NULL, ?, 1, ?, ?)", batch);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** p50 and p95 in ms of 200 runs after 20 warm-ups. */
    private static double[] latency(Runnable call) {
        for (int i = 0; i < 20; i++) {
            call.run();
        }
        double[] ms = new double[200];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[99], ms[189]};
    }
}
