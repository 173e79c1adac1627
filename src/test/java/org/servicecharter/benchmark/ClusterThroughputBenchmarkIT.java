package org.servicecharter.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

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
    static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

    @Test
    void twoNodesVersusOne() throws Exception {
        Path logs = PackagedApp.logDirectory();
        try (PostgresDatabase db = PostgresDatabase.create("sc_bench_cluster")) {
            Map<String, String> env = Map.of("DB_URL", db.url(), "DB_USER", db.user(), "DB_PASSWORD", "");
            List<String> args = List.of("--spring.profiles.active=postgres", "--servicecharter.demo.enabled=true",
                    "--camunda.bpm.job-execution.enabled=true");
            try (PackagedApp a = PackagedApp.start(logs, "bench-a", args, env);
                    PackagedApp b = PackagedApp.start(logs, "bench-b", args, env);
                    Connection sampler = db.connect()) {
                // warm-up: each JVM alone, then both, until the JIT has compiled the hot paths of each
                measure(List.of(a.port()), 20);
                measure(List.of(b.port()), 20);
                measure(List.of(a.port(), b.port()), 20);
                // index: nodes serving (1 or 2)
                MachineLoad[] loads = {null, load(sampler, db.name(), a, b), load(sampler, db.name(), a, b)};
                Run[] totals = {null, new Run(0, 0), new Run(0, 0)};
                // in rounds of one, two, two, one: the machine's speed wanders over minutes (single runs of one
                // configuration after the other gave two/one between 0.77 and 0.99); with one node serving, the
                // other stays up and idle, as in a cluster where it takes no traffic
                for (int round = 0; round < ROUNDS; round++) {
                    for (int nodes : new int[] {1, 2, 2, 1}) {
                        loads[nodes].start();
                        Run run = measure(nodes == 1 ? List.of(a.port()) : List.of(a.port(), b.port()), SECONDS);
                        loads[nodes].stop();
                        totals[nodes] = totals[nodes].plus(run);
                    }
                }
                double one = totals[1].rate();
                double two = totals[2].rate();
                System.out.printf("BENCHMARK cluster on PostgreSQL, %d client threads, %d rounds of 1-2-2-1 nodes, %d s each%n"
                        + "| nodes serving | complaints filed and resolved per second | CPU ms per complaint: nodes / PostgreSQL | where the time went |%n"
                        + "| --- | --- | --- | --- |%n"
                        + "| 1 | %.1f | %.0f / %.0f | %s |%n| 2 | %.1f | %.0f / %.0f | %s |%n"
                        + "two nodes / one node: %.2f%n", CLIENTS, ROUNDS, SECONDS,
                        one, cpuMsPerComplaint(loads[1], totals[1], "node A", "node B"), cpuMsPerComplaint(loads[1], totals[1], "PostgreSQL"), loads[1].report(),
                        two, cpuMsPerComplaint(loads[2], totals[2], "node A", "node B"), cpuMsPerComplaint(loads[2], totals[2], "PostgreSQL"), loads[2].report(),
                        two / one);
            }
        }
    }

    /** CPU per node, PostgreSQL and the clients (this JVM), and the database sessions' states. */
    private static MachineLoad load(Connection sampler, String database, PackagedApp a, PackagedApp b) {
        Map<String, Predicate<MachineLoad.Proc>> groups = new LinkedHashMap<>();
        groups.put("node A", proc -> proc.pid() == a.process().pid());
        groups.put("node B", proc -> proc.pid() == b.process().pid());
        groups.put("PostgreSQL", proc -> proc.command().equals("postgres"));
        groups.put("clients", proc -> proc.pid() == ProcessHandle.current().pid());
        return new MachineLoad(groups, sampler, database);
    }

    private static double cpuMsPerComplaint(MachineLoad load, Run total, String... groups) {
        return 1000 * load.cpuSeconds(groups) / total.done();
    }

    /** Complaints filed and resolved, and the seconds that took. */
    private record Run(int done, double seconds) {

        Run plus(Run other) {
            return new Run(done + other.done, seconds + other.seconds);
        }

        double rate() {
            return done / seconds;
        }
    }

    private static Run measure(List<Integer> ports, int seconds) throws Exception {
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
        return new Run(done.get(), (System.nanoTime() - start) / 1e9);
    }
}
