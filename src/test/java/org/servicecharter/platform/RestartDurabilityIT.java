package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicecharter.Http;
import org.servicecharter.PackagedApp;

/**
 * The packaged application on its default H2 file database, killed with SIGKILL in the middle of work and
 * started again: every instance, task, timer and history entry is still there. Runs against the real jar
 * (failsafe, after {@code package}).
 */
class RestartDurabilityIT {

    @TempDir
    Path dataDir;

    PackagedApp app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void killMinus9LosesNothing() throws Exception {
        app = start();
        int port = app.port();
        Http olga = Http.as(port, "olga");
        Http alice = Http.as(port, "alice");

        String reference = Http.anonymous(port).post("/api/complaints", Map.of("customerName", "Kim", "customerEmail",
                "kim@example.com", "channel", "phone", "category", "product", "description", "It broke.")).json()
                .get("reference").asText();
        List<Map<String, Object>> tasks = alice.get("/engine-rest/task?processInstanceBusinessKey=" + reference + "&maxResults=10").list();
        assertThat(tasks).hasSize(1);
        String taskId = (String) tasks.get(0).get("id");
        assertThat(alice.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);
        String instanceId = (String) tasks.get(0).get("processInstanceId");
        int timers = olga.get("/engine-rest/job?processInstanceId=" + instanceId + "&timers=true&maxResults=10").list().size();
        int historyEvents = Http.as(port, "audrey").get("/engine-rest/history/activity-instance?processInstanceId=" + instanceId + "&maxResults=100").list().size();
        assertThat(timers).as("the SLA timer and the second escalation timer").isEqualTo(2);

        app.kill();

        app = start();
        port = app.port();
        alice = Http.as(port, "alice");
        olga = Http.as(port, "olga");
        Http audrey = Http.as(port, "audrey");
        List<Map<String, Object>> after = alice.get("/engine-rest/task?processInstanceBusinessKey=" + reference + "&maxResults=10").list();
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("id")).isEqualTo(taskId);
        assertThat(after.get(0).get("assignee")).isEqualTo("alice");
        assertThat(olga.get("/engine-rest/job?processInstanceId=" + instanceId + "&timers=true&maxResults=10").list()).hasSize(timers);
        assertThat(audrey.get("/engine-rest/history/activity-instance?processInstanceId=" + instanceId + "&maxResults=100").list())
                .hasSize(historyEvents);
        assertThat(audrey.get("/engine-rest/history/user-operation?taskId=" + taskId + "&maxResults=10").list())
                .anySatisfy(op -> assertThat(op.get("userId")).isEqualTo("alice"));

        // and work goes on where it stopped
        assertThat(alice.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of("resolution",
                Map.of("value", "Replaced the product.", "type", "String")))).status()).isEqualTo(204);
        // one deployment per resource set: the restart did not deploy a new version
        assertThat(audrey.get("/engine-rest/process-definition?key=complaint-handling&maxResults=10").list()).hasSize(1);
    }

    private PackagedApp start() throws IOException, InterruptedException {
        return PackagedApp.start(dataDir, "app", List.of("--servicecharter.data-dir=" + dataDir.toAbsolutePath(),
                "--camunda.bpm.job-execution.enabled=false"));
    }
}
