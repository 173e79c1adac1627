package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.PackagedApp;
import org.servicecharter.PackagedApp.ReadyProbe;
import org.servicecharter.PostgresDatabase;

/**
 * The packaged application in the {@code postgres} profile on a fresh database, as an operator starts it: no demo
 * users, the first administrator from {@code SERVICECHARTER_ADMIN_USER} / {@code SERVICECHARTER_ADMIN_PASSWORD} or no
 * start at all, the password policy on, and the login throttle with its production defaults (10 wrong passwords a
 * minute per address, no trusted proxy: an {@code X-Forwarded-For} header changes nothing).
 */
class ProductionStartIT {

    static final String ADMIN = "chief";
    static final String ADMIN_PASSWORD = "Ch4nge-me-now!";

    final Path logs = PackagedApp.logDirectory();

    @Test
    void aFreshDatabaseGetsItsFirstAdministratorFromTheEnvironmentOrTheApplicationDoesNotStart() throws Exception {
        try (PostgresDatabase db = PostgresDatabase.create("sc_admin")) {
            Map<String, String> database = Map.of("DB_URL", db.url(), "DB_USER", db.user(), "DB_PASSWORD", "");
            List<String> args = List.of("--spring.profiles.active=postgres", "--camunda.bpm.job-execution.enabled=false");

            String none = startRefused("no-admin", args, database);
            assertThat(none).contains("APPLICATION FAILED TO START").contains("Service Charter has no administrator, and "
                    + "SERVICECHARTER_ADMIN_USER and SERVICECHARTER_ADMIN_PASSWORD are not set.");

            String weak = startRefused("weak-admin", args, with(database, ADMIN, ADMIN));
            assertThat(weak).contains("SERVICECHARTER_ADMIN_USER 'chief' with SERVICECHARTER_ADMIN_PASSWORD could not be made "
                    + "one: The password does not meet the password policy: it needs at least 10 characters");

            ReadyProbe administrator = new ReadyProbe(ADMIN, ADMIN_PASSWORD);
            try (PackagedApp app = PackagedApp.start(Path.of("target", "service-charter.jar"), logs, "admin-from-env", args,
                    with(database, ADMIN, ADMIN_PASSWORD), administrator)) {
                int port = app.port();
                Http chief = Http.as(port, ADMIN, ADMIN_PASSWORD);
                assertThat(chief.get("/engine-rest/user?maxResults=100").list()).extracting(user -> user.get("id"))
                        .containsExactly(ADMIN);
                assertThat(chief.get("/engine-rest/group?member=" + ADMIN + "&maxResults=10").list())
                        .extracting(group -> group.get("id")).containsExactly("camunda-admin");
                Http.Response weakUser = chief.post("/engine-rest/user/create", Map.of(
                        "profile", Map.of("id", "newbie"), "credentials", Map.of("password", "newbie")));
                assertThat(weakUser.status()).as(weakUser.body()).isEqualTo(400);
                assertThat(weakUser.json().get("message").asText()).contains("password policy");

                // no demo administrator; each wrong login below comes from this one peer, whatever X-Forwarded-For says
                assertThat(basic(port, "demo", "demo", "198.51.100.1").statusCode()).isEqualTo(401);
                int failures = 1;
                HttpResponse<String> answer = null;
                while (failures < 15) {
                    answer = basic(port, "nobody", "guess", "198.51.100." + (failures + 1));
                    if (answer.statusCode() != 401) {
                        break;
                    }
                    failures++;
                }
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
                assertThat(failures).as("wrong passwords before the throttle (10 a minute, some refilled meanwhile)").isBetween(10, 12);
                long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
                assertThat(retryAfter).isBetween(1L, 60L);
                assertThat(basic(port, ADMIN, ADMIN_PASSWORD, "192.0.2.99").statusCode()).as("throttled: not even checked").isEqualTo(429);

                Thread.sleep(retryAfter * 1000 + 500);
                assertThat(basic(port, ADMIN, ADMIN_PASSWORD, "192.0.2.99").statusCode()).isEqualTo(200);
            }

            // the administrator exists now: the variables are needed no more
            try (PackagedApp again = PackagedApp.start(Path.of("target", "service-charter.jar"), logs, "admin-exists", args,
                    database, administrator)) {
                assertThat(Http.as(again.port(), ADMIN, ADMIN_PASSWORD).get("/engine-rest/user/count").json().get("count").asInt())
                        .isEqualTo(1);
            }
        }
    }

    private static Map<String, String> with(Map<String, String> database, String user, String password) {
        Map<String, String> environment = new HashMap<>(database);
        environment.put("SERVICECHARTER_ADMIN_USER", user);
        environment.put("SERVICECHARTER_ADMIN_PASSWORD", password);
        return environment;
    }

    /** Starts the jar, expects it to stop by itself with a non-zero status, and returns what it printed. */
    private String startRefused(String name, List<String> args, Map<String, String> environment) throws Exception {
        Path log = logs.resolve(name + "-" + System.currentTimeMillis() + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", "target/service-charter.jar", "--server.port=" + PackagedApp.freePort()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("SERVICECHARTER_ADMIN_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("stops by itself, see %s", log).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as("exit status, see %s", log).isNotZero();
        return Files.readString(log);
    }

    private static HttpResponse<String> basic(int port, String user, String password, String forwardedFor) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/user/count"))
                .header("Authorization", "Basic " + credentials).header("X-Forwarded-For", forwardedFor)
                .timeout(Duration.ofSeconds(30)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
