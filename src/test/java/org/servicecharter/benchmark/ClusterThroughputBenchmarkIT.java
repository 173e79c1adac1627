package org.servicecharter.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.PackagedApp;
import org.servicecharter.PostgresDatabase;

/**
 * Not a test: two nodes vs one on PostgreSQL, through HTTP as clients use it (file a complaint, find its task,
 * complete it). Same client threads in both runs; with two nodes they alternate between the nodes.
 * Run: {@code bench/run.sh cluster} (needs the packaged jar).
 */
@Tag("benchmark")
class ClusterThroughputBenchmarkIT {

    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);

    @Test
    void twoNodesVersusOne() throws Exception {
        Path logs = PackagedApp.logDirectory();
        try (PostgresDatabase db = PostgresDatabase.create("sc_bench_cluster")) {
            Map<String, String> env = Map.of("DB_URL", db.url(), "DB_USER", db.user(), "DB_PASSWORD", "");
            List<String> args = List.of("--spring.profiles.active=postgres", "--camunda.bpm.job-execution.enabled=true");
            try (PackagedApp a = PackagedApp.start(logs, "bench-a", args, env)) {
                measure(List.of(a.port()), 10); // warm-up
                double one = measure(List.of(a.port()), SECONDS);
                try (PackagedApp b = PackagedApp.start(logs, "bench-b", args, env)) {
                    measure(List.of(b.port()), 10); // warm-up of the second JVM
                    double two = measure(List.of(a.port(), b.port()), SECONDS);
                    System.out.printf("BENCHMARK cluster on PostgreSQL, %d client threads, %d s each%n"
                            + "| nodes | complaints filed and resolved per second |%n| --- | --- |%n| 1 | %.1f |%n| 2 | %.1f |%n"
                            + "two nodes / one node: %.2f%n", CLIENTS, SECONDS, one, two, two / one);
                }
            }
        }
    }

    private static double measure(List<Integer> ports, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger done = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int port = ports.get(c % ports.size());
            String agent = c % 2 == 0 ? "alice" : "bob";
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String reference = Http.anonymous(port).post("/api/complaints", Map.of("customerName", "Load",
                            "customerEmail", "load@example.com", "channel", "email", "category", "delivery",
                            "description", "Load test.")).json().get("reference").asText();
                    Http me = Http.as(port, agent);
                    String task = me.get("/engine-rest/task?processInstanceBusinessKey=" + reference + "&maxResults=1")
                            .list().get(0).get("id").toString();
                    me.post("/engine-rest/task/" + task + "/complete", Map.of("variables",
                            Map.of("resolution", Map.of("value", "Done.", "type", "String"))));
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdownNow();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
