package org.servicecharter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged application ({@code target/service-charter.jar}) as a separate JVM, for tests that need real
 * process boundaries: SIGKILL, restarts, several nodes on one database. Ready means started, models deployed
 * and roles in place: readiness is UP and an authenticated query for the complaint model answers.
 */
public final class PackagedApp implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Who asks whether the application is ready: a demo user, or the administrator a production start was given. */
    public record ReadyProbe(String user, String password) {

        /** audrey, the demo auditor: for starts with the demo department. */
        public static final ReadyProbe DEMO = new ReadyProbe("audrey", "audrey");
    }

    public static PackagedApp start(Path logDir, String name, List<String> arguments) throws IOException, InterruptedException {
        return start(logDir, name, arguments, java.util.Map.of());
    }

    public static PackagedApp start(Path logDir, String name, List<String> arguments, java.util.Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(Path.of("target", "service-charter.jar"), logDir, name, arguments, environment);
    }

    /** Another build of the application (e.g. a copy of the jar with a changed model), started the same way. */
    public static PackagedApp start(Path jarPath, Path logDir, String name, List<String> arguments, java.util.Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(jarPath, logDir, name, arguments, environment, ReadyProbe.DEMO);
    }

    /** The packaged application, ready once the probe's user reads the complaint model. */
    public static PackagedApp start(Path jarPath, Path logDir, String name, List<String> arguments, java.util.Map<String, String> environment,
            ReadyProbe probe) throws IOException, InterruptedException {
        PackagedApp app = launch(jarPath, logDir, name, arguments, environment);
        app.awaitReady(probe);
        return app;
    }

    /** Starts the JVM and returns at once, before the application answers (for tests of the start-up itself). */
    public static PackagedApp launch(Path jarPath, Path logDir, String name, List<String> arguments, java.util.Map<String, String> environment)
            throws IOException {
        int port = freePort();
        File jar = jarPath.toFile();
        assertThat(jar).as("packaged application (run mvn verify)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.getAbsolutePath(), "--server.port=" + port));
        command.addAll(arguments);
        Path log = logDir.resolve(name + "-" + Instant.now().toEpochMilli() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new PackagedApp(process, port, log);
    }

    /** target/it-logs: where the application JVMs of integration tests write their logs. */
    public static Path logDirectory() {
        try {
            return java.nio.file.Files.createDirectories(Path.of("target", "it-logs"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no orderly close of anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady(ReadyProbe probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("application alive, see %s", log).isTrue();
            try {
                // readiness first (anonymous): before the start-up runners have made the users, a login would fail, and
                // wrong logins make the login throttle slow down this client
                if (Http.anonymous(port).get("/actuator/health/readiness").status() == 200
                        && Http.as(port, probe.user(), probe.password()).get("/engine-rest/process-definition/key/complaint-handling").status() == 200) {
                    return;
                }
            } catch (AssertionError notYet) {
                // connection refused while starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("application did not become ready on port " + port + ", see " + log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
