package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.PackagedApp;
import org.servicecharter.PostgresDatabase;

/**
 * Two application nodes (separate JVMs of the packaged jar) on one PostgreSQL database: Camunda's own cluster.
 * <ol>
 * <li>A node killed with SIGKILL while it holds locked jobs loses nothing: after the lock expires (seconds here,
 * {@code JOB_LOCK_TIME_MS}) the other node runs them, and every complaint is escalated exactly once.</li>
 * <li>With both nodes running, timers that fall due fire exactly once (no double escalation).</li>
 * <li>Two users completing the same task at the same moment on different nodes: exactly one succeeds, the other
 * gets a clear 409 (or 404 when the task is already gone), and the instance stays consistent.</li>
 * </ol>
 */
class ClusterIT {

    static final String SLA_TIMER = "BoundaryEvent_SlaBreached";
    static final String FOLLOW_UP = "Task_FollowUpOverdueComplaint";
    static final int LOCK_TIME_MS = 6000;

    /** The nodes' logs stay for inspection after the run. */
    final Path logs = PackagedApp.logDirectory();

    @Test
    void twoNodesShareTheWorkAndSurviveSigkill() throws Exception {
        try (PostgresDatabase db = PostgresDatabase.create("sc_cluster")) {
            Map<String, String> env = Map.of("DB_URL", db.url(), "DB_USER", db.user(), "DB_PASSWORD", "",
                    "JOB_LOCK_TIME_MS", String.valueOf(LOCK_TIME_MS));

            // 1. node A alone, with one job thread: it locks a batch of due timers and is killed while holding them
            PackagedApp a = PackagedApp.start(logs, "node-a", nodeArgs("--camunda.bpm.job-execution.core-pool-size=1",
                    "--camunda.bpm.job-execution.max-pool-size=1", "--camunda.bpm.job-execution.queue-capacity=200",
                    "--camunda.bpm.job-execution.max-jobs-per-acquisition=100"), env);
            List<String> batch = fileComplaints(a.port(), 120);
            // all fall due at the same moment, so that node A locks a whole batch at once
            Instant dueAt = Instant.now().plusSeconds(12);
            makeSlaTimersDue(a.port(), batch, dueAt);
            while (Instant.now().isBefore(dueAt)) {
                Thread.sleep(20);
            }
            int lockedAtKill;
            try (Connection connection = db.connect()) {
                lockedAtKill = awaitLockedJobs(connection);
                a.kill();
                int escalatedBeforeKill = followUps(connection, batch).size();
                assertThat(lockedAtKill).as("jobs locked by node A when it was killed").isPositive();
                assertThat(escalatedBeforeKill).as("not everything was done before the kill").isLessThan(batch.size());
                System.out.printf("node A killed holding %d locked jobs; %d of %d complaints escalated before%n",
                        lockedAtKill, escalatedBeforeKill, batch.size());
            }

            // node B takes over once the locks expire
            Instant bStarted = Instant.now();
            PackagedApp b = PackagedApp.start(logs, "node-b", nodeArgs(), env);
            try (Connection connection = db.connect()) {
                awaitAllEscalated(connection, batch, Duration.ofSeconds(90));
                System.out.printf("node B finished the dead node's jobs %d s after it started%n",
                        Duration.between(bStarted, Instant.now()).toSeconds());
                assertExactlyOneFollowUpEach(connection, batch);
            }

            // 2. both nodes running: timers falling due fire exactly once
            PackagedApp a2 = PackagedApp.start(logs, "node-a-again", nodeArgs(), env);
            try {
                List<String> both = new ArrayList<>(fileComplaints(a2.port(), 20));
                both.addAll(fileComplaints(b.port(), 20));
                makeSlaTimersDue(b.port(), both, Instant.now().minusSeconds(1));
                try (Connection connection = db.connect()) {
                    awaitAllEscalated(connection, both, Duration.ofSeconds(60));
                    Thread.sleep(2000); // a second firing would show up now
                    assertExactlyOneFollowUpEach(connection, both);
                    assertThat(successfulTimerRuns(connection, both)).as("each SLA timer ran once").isEqualTo(both.size());
                }

                // 3. the same task completed at the same moment on both nodes
                List<String> race = fileComplaints(a2.port(), 10);
                int conflicts = 0;
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    for (String instance : race) {
                        String task = Http.as(a2.port(), "demo").get("/engine-rest/task?processInstanceId=" + instance
                                + "&taskDefinitionKey=Task_HandleComplaint&maxResults=1").list().get(0).get("id").toString();
                        CountDownLatch start = new CountDownLatch(1);
                        Future<Http.Response> byAlice = pool.submit(() -> complete(start, a2.port(), "alice", task));
                        Future<Http.Response> byBob = pool.submit(() -> complete(start, b.port(), "bob", task));
                        start.countDown();
                        List<Http.Response> answers = List.of(byAlice.get(), byBob.get());
                        assertThat(answers).extracting(Http.Response::status).as("one winner per race: %s", answers)
                                .containsOnlyOnce(204);
                        Http.Response loser = answers.stream().filter(r -> r.status() != 204).findFirst().orElseThrow();
                        assertThat(loser.status()).as(loser.body()).isEqualTo(409);
                        assertThat(loser.json().get("message").asText()).contains("at the same moment");
                        if (java.util.Set.of("OptimisticLockingException", "Conflict").contains(loser.json().get("type").asText())) {
                            conflicts++;
                        }
                    }
                } finally {
                    pool.shutdownNow();
                }
                System.out.printf("concurrent completion: %d races, all losers 409 (%d optimistic-locking conflicts, %d found"
                        + " the task already completed)%n", race.size(), conflicts, race.size() - conflicts);
                try (Connection connection = db.connect()) {
                    for (String instance : race) {
                        assertThat(count(connection, "SELECT COUNT(*) FROM act_hi_taskinst WHERE proc_inst_id_ = ? "
                                + "AND task_def_key_ = 'Task_HandleComplaint' AND end_time_ IS NOT NULL", instance)).isEqualTo(1);
                        assertThat(count(connection, "SELECT COUNT(*) FROM act_hi_actinst WHERE proc_inst_id_ = ? "
                                + "AND act_id_ = 'ServiceTask_RecordResolution'", instance)).isEqualTo(1);
                        assertThat(count(connection, "SELECT COUNT(*) FROM complaint WHERE process_instance_id = ? "
                                + "AND status = 'RESOLVED' AND resolved_by IN ('alice', 'bob')", instance)).isEqualTo(1);
                    }
                }
            } finally {
                a2.close();
                b.close();
            }
        }
    }

    private static List<String> nodeArgs(String... extra) {
        // the postgres profile has no demo users; the nodes' users are the demo department, asked for explicitly
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres", "--servicecharter.demo.enabled=true",
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000"));
        args.addAll(List.of(extra));
        return args;
    }

    private static Http.Response complete(CountDownLatch start, int port, String user, String task) throws InterruptedException {
        start.await();
        return Http.as(port, user).post("/engine-rest/task/" + task + "/complete", Map.of("variables",
                Map.of("resolution", Map.of("value", "Resolved by " + user, "type", "String"))));
    }

    /** Files complaints through the node's intake API; returns their process instance ids. */
    private static List<String> fileComplaints(int port, int count) {
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String reference = Http.anonymous(port).post("/api/complaints", Map.of("customerName", "Customer " + i,
                    "customerEmail", "c" + i + "@example.com", "channel", "email", "category", "delivery",
                    "description", "Late parcel " + i)).json().get("reference").asText();
            instances.add(Http.as(port, "demo").get("/engine-rest/process-instance?businessKey=" + reference + "&maxResults=1")
                    .list().get(0).get("id").toString());
        }
        return instances;
    }

    /** Sets the SLA timers of these instances due at a moment, through the REST API, as an administrator would. */
    private static void makeSlaTimersDue(int port, List<String> instances, Instant dueAt) {
        Http demo = Http.as(port, "demo");
        String now = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(Date.from(dueAt));
        for (String instance : instances) {
            String job = demo.get("/engine-rest/job?processInstanceId=" + instance + "&activityId=" + SLA_TIMER + "&maxResults=1")
                    .list().get(0).get("id").toString();
            assertThat(demo.put("/engine-rest/job/" + job + "/duedate", Map.of("duedate", now)).status()).isEqualTo(204);
        }
    }

    private static int awaitLockedJobs(Connection connection) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            int locked = count(connection, "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_exp_time_ > now()");
            if (locked > 0) {
                return locked;
            }
            Thread.sleep(20);
        }
        return 0;
    }

    private static void awaitAllEscalated(Connection connection, List<String> instances, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (followUps(connection, instances).size() < instances.size() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertThat(followUps(connection, instances)).as("escalated complaints").hasSize(instances.size());
    }

    private static void assertExactlyOneFollowUpEach(Connection connection, List<String> instances) throws Exception {
        for (String instance : instances) {
            assertThat(count(connection, "SELECT COUNT(*) FROM act_hi_taskinst WHERE proc_inst_id_ = ? AND task_def_key_ = '"
                    + FOLLOW_UP + "'", instance)).as("follow-ups of %s", instance).isEqualTo(1);
        }
    }

    private static List<String> followUps(Connection connection, List<String> instances) throws Exception {
        List<String> escalated = new ArrayList<>();
        for (String instance : instances) {
            if (count(connection, "SELECT COUNT(*) FROM act_hi_taskinst WHERE proc_inst_id_ = ? AND task_def_key_ = '"
                    + FOLLOW_UP + "'", instance) > 0) {
                escalated.add(instance);
            }
        }
        return escalated;
    }

    private static int successfulTimerRuns(Connection connection, List<String> instances) throws Exception {
        int runs = 0;
        for (String instance : instances) {
            runs += count(connection, "SELECT COUNT(*) FROM act_hi_job_log WHERE process_instance_id_ = ? AND act_id_ = '"
                    + SLA_TIMER + "' AND job_state_ = 2", instance);
        }
        return runs;
    }

    private static int count(Connection connection, String sql, Object... params) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
