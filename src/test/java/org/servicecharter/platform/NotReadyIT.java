package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicecharter.PackagedApp;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A customer files a complaint while the packaged application is still starting: from the moment its port opens,
 * every answer is 503 with Retry-After (nothing done) until the complaint is accepted with 201 — never a 500.
 */
class NotReadyIT {

    @TempDir
    Path dataDir;

    @Test
    void complaintsFiledWhileTheApplicationStartsAre503UntilItIsReady() throws Exception {
        byte[] complaint = new ObjectMapper().writeValueAsBytes(NotReadyTests.complaint());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> answers = new ArrayList<>();
        try (PackagedApp app = PackagedApp.launch(Path.of("target", "service-charter.jar"), PackagedApp.logDirectory(), "not-ready",
                List.of("--servicecharter.data-dir=" + dataDir.toAbsolutePath()), Map.of())) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
            int status = 0;
            while (status != 201) {
                assertThat(Instant.now()).as("accepted before the deadline; answers so far %s, log %s", answers, app.log()).isBefore(deadline);
                assertThat(app.process().isAlive()).as("application alive, see %s", app.log()).isTrue();
                HttpResponse<String> response;
                try {
                    response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/complaints"))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(complaint)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (ConnectException portNotOpenYet) {
                    Thread.sleep(50);
                    continue;
                }
                status = response.statusCode();
                answers.add(status + (status == 201 ? "" : " " + response.body()));
                assertThat(status).as("answer %s", response.body()).isIn(201, 503);
                if (status == 503) {
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                    Thread.sleep(50);
                }
            }
            assertThat(answers).as("the port opened before the application was ready").anyMatch(answer -> answer.startsWith("503"));
        }
    }
}
