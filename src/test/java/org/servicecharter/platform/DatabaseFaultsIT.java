package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.PackagedApp;
import org.servicecharter.PostgresDatabase;
import org.servicecharter.TcpProxy;

/** The database missing at start, and lost while running (a relay between application and PostgreSQL is cut). */
class DatabaseFaultsIT {

    /** The nodes' logs stay for inspection after the run. */
    final Path logs = PackagedApp.logDirectory();

    @Test
    void withoutADatabaseTheApplicationSaysSoAndExitsNonZero() throws Exception {
        Path log = logs.resolve("no-db.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                "target/service-charter.jar", "--server.port=" + PackagedApp.freePort(), "--spring.profiles.active=postgres")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("exits by itself").isTrue();
        assertThat(process.exitValue()).isNotZero();
        String output = Files.readString(log);
        assertThat(output).contains("Service Charter cannot reach its database at jdbc:postgresql://localhost:5432/servicecharter")
                .contains("DB_URL, DB_USER, DB_PASSWORD");
    }

    @Test
    void losingTheDatabaseAnswers503AndTheNodeRecoversByItself() throws Exception {
        try (PostgresDatabase db = PostgresDatabase.create("sc_faults"); TcpProxy relay = new TcpProxy(5432)) {
            String url = db.url().replace(":5432/", ":" + relay.port() + "/");
            try (PackagedApp app = PackagedApp.start(logs, "faults", List.of("--spring.profiles.active=postgres",
                    "--servicecharter.demo.enabled=true", "--camunda.bpm.job-execution.enabled=false"), Map.of("DB_URL", url, "DB_USER", db.user(), "DB_PASSWORD", ""))) {
                int port = app.port();
                assertThat(file(port).status()).isEqualTo(201);

                relay.cut();
                Http.Response intake = file(port);
                assertThat(intake.status()).as(intake.body()).isEqualTo(503);
                assertThat(intake.json().get("detail").asText()).contains("database is not reachable");
                Http.Response tasks = Http.as(port, "alice").get("/engine-rest/task?maxResults=10");
                assertThat(tasks.status()).as(tasks.body()).isEqualTo(503);

                relay.restore();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                int status = 0;
                while (Instant.now().isBefore(deadline) && status != 201) {
                    status = file(port).status();
                    if (status != 201) {
                        Thread.sleep(1000);
                    }
                }
                assertThat(status).as("recovered without a restart").isEqualTo(201);
                assertThat(Http.as(port, "alice").get("/engine-rest/task?maxResults=10").status()).isEqualTo(200);
            }
            // nothing half-written: every register entry has its process instance, and the other way round
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                List<Integer> counts = new ArrayList<>();
                for (String sql : List.of("SELECT COUNT(*) FROM complaint",
                        "SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'complaint-handling'",
                        "SELECT COUNT(*) FROM complaint c JOIN act_ru_execution e ON e.id_ = c.process_instance_id")) {
                    ResultSet rs = statement.executeQuery(sql);
                    rs.next();
                    counts.add(rs.getInt(1));
                }
                assertThat(counts).as("register, history, joined").containsOnly(2);
            }
        }
    }

    private static Http.Response file(int port) {
        return Http.anonymous(port).post("/api/complaints", Map.of("customerName", "Ola", "customerEmail", "ola@example.com",
                "channel", "email", "category", "other", "description", "Testing an outage."));
    }
}
