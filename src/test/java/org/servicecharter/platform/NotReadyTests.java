package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Requests that arrive before the application is ready — the server answers on its port while the procedures are
 * still being deployed — are answered 503 with Retry-After, and nothing is done. Here the application is put back
 * into "not ready" (Spring Boot's readiness state, as during start-up and shut-down); {@code NotReadyIT} files
 * complaints at the packaged application from the moment its port opens.
 */
@ServiceCharterTest
class NotReadyTests {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    @AfterEach
    void ready() {
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void aComplaintFiledBeforeTheApplicationIsReadyIs503WithRetryAfter() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);

        Http.Response early = Http.anonymous(port).post("/api/complaints", complaint());
        assertThat(early.status()).as(early.body()).isEqualTo(503);
        assertThat(early.header("Retry-After")).isEqualTo("5");
        assertThat(early.json().get("detail").asText()).contains("not ready", "Nothing was done", "try again");
        Http.Response tasklist = Http.as(port, "alice").get("/engine-rest/task?maxResults=5");
        assertThat(tasklist.status()).as(tasklist.body()).isEqualTo(503);
        assertThat(Http.anonymous(port).get("/actuator/health/liveness").status()).isEqualTo(200);

        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        Http.Response ready = Http.anonymous(port).post("/api/complaints", complaint());
        assertThat(ready.status()).as(ready.body()).isEqualTo(201);
    }

    static Map<String, Object> complaint() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerName", "Carla Customer");
        body.put("customerEmail", "carla@example.com");
        body.put("channel", "email");
        body.put("category", "delivery");
        body.put("description", "My parcel arrived two weeks late.");
        return body;
    }
}
