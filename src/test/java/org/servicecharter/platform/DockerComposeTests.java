package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} has no default credentials: the database password must be given, there are no demo users,
 * and the nodes believe X-Forwarded-For from nginx alone. Validated offline by Debian's {@code docker-compose} (v1),
 * as CI does; no Docker engine is needed.
 */
class DockerComposeTests {

    @Test
    void theDatabasePasswordMustBeGivenAndNoDemoUsersAreMade() throws Exception {
        Result without = config(Map.of());
        assertThat(without.exitCode()).as(without.output()).isNotZero();
        assertThat(without.output()).contains("set POSTGRES_PASSWORD (environment or .env) to the database password");

        Result with = config(Map.of("POSTGRES_PASSWORD", "only-for-this-test"));
        assertThat(with.exitCode()).as(with.output()).isZero();
        assertThat(with.output())
                .contains("DB_PASSWORD: only-for-this-test", "POSTGRES_PASSWORD: only-for-this-test")
                .contains("SERVICECHARTER_ADMIN_USER", "SERVICECHARTER_ADMIN_PASSWORD")
                .contains("SERVICECHARTER_TRUSTED_PROXIES: 172.29.80.10", "ipv4_address: 172.29.80.10")
                .doesNotContain("SERVICECHARTER_DEMO_ENABLED");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result config(Map<String, String> variables) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("docker-compose", "-f", "docker-compose.yml", "config"))
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.equals("POSTGRES_PASSWORD") || name.startsWith("SERVICECHARTER_"));
        builder.environment().putAll(variables);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("docker-compose is needed for this test (Debian: apt-get install docker-compose; .ci/run does)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
