package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.Newcomers;
import org.servicecharter.Pdfs;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.WebappSession;
import org.servicecharter.identity.ReportingLines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cross-site request forgery against {@code /api}: another site's page makes the browser of someone logged in to
 * Tasklist send a change with their session cookie. Every change that the cookie alone authenticates needs the web
 * apps' CSRF token ({@code X-XSRF-TOKEN}); HTTP Basic needs none. The browser's side is in {@code CsrfBrowserTests}.
 */
@ServiceCharterTest
class CsrfAttackTests {

    static final Map<String, String> FROM_ANOTHER_SITE = Map.of("Origin", "https://attacker.example");
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired ReportingLines reportingLines;
    @Autowired HistoryService historyService;

    @Test
    void aCookieOnlyPostFromAnotherSiteOpensNoCorrectiveActionCase() throws Exception {
        String employee = Newcomers.agentReportingTo(identityService, reportingLines, "csrf", "sam");
        WebappSession maria = WebappSession.login(port, "maria", "tasklist");
        String body = JSON.writeValueAsString(Map.of("employee", employee, "concern", "Forged by another site."));

        Http.Response forged = maria.send("POST", "/api/corrective-actions", body, FROM_ANOTHER_SITE);

        assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        assertThat(forged.json().get("detail").asText()).contains("CSRF token", "X-XSRF-TOKEN", "HTTP Basic");
        assertThat(forged.header("X-XSRF-TOKEN")).isEqualTo("Required");
        assertThat(Http.as(port, "maria").get("/api/corrective-actions?employee=" + employee).list()).isEmpty();

        Http.Response wrongToken = maria.send("POST", "/api/corrective-actions", body, Map.of("X-XSRF-TOKEN", "guessed"));
        assertThat(wrongToken.status()).as(wrongToken.body()).isEqualTo(403);
        assertThat(Http.as(port, "maria").get("/api/corrective-actions?employee=" + employee).list()).isEmpty();

        // Tasklist's own pages hold the token: with it, the same request is maria's
        Http.Response withToken = maria.send("POST", "/api/corrective-actions", body, Map.of("X-XSRF-TOKEN", maria.csrfToken()));
        assertThat(withToken.status()).as(withToken.body()).isEqualTo(201);
        assertThat(Http.as(port, "maria").get("/api/corrective-actions?employee=" + employee).list()).hasSize(1);
    }

    @Test
    void aCookieOnlyUploadFromAnotherSitePublishesNoHandbook() {
        WebappSession olga = WebappSession.login(port, "olga", "tasklist");
        String version = "CSRF-" + UUID.randomUUID().toString().substring(0, 8);

        Http.Response forged = olga.multipart("/api/handbooks", Map.of("version", version, "title", "Forged handbook",
                "rules", "Whatever the attacker wants.", "deadline", java.time.LocalDate.now().plusDays(10).toString()),
                "document", "forged.pdf", Pdfs.withText("Forged handbook"), FROM_ANOTHER_SITE);

        assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        assertThat(forged.json().get("detail").asText()).contains("X-XSRF-TOKEN");
        assertThat(Http.as(port, "olga").get("/api/handbooks/" + version).status()).isEqualTo(404);
    }

    @Test
    void readsNeedNoTokenAndHandItToThePage() {
        WebappSession audrey = WebappSession.login(port, "audrey", "cockpit");

        Http.Response me = audrey.get("/api/audit/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("userId").asText()).isEqualTo("audrey");
        assertThat(me.header("X-XSRF-TOKEN")).isEqualTo(audrey.csrfToken());
    }

    @Test
    void httpBasicNeedsNoToken() throws Exception {
        String employee = Newcomers.agentReportingTo(identityService, reportingLines, "csrfb", "sam");
        Http.Response created = Http.as(port, "maria").postRawWithHeader("/api/corrective-actions", "application/json",
                JSON.writeValueAsString(Map.of("employee", employee, "concern", "Asked for by a script.")), "Origin", "https://scripts.example");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** A customer who is also logged in to Tasklist can still file a complaint: without the token it is anonymous. */
    @Test
    void aPublicEndpointServesACookieWithoutTokenAsAnyoneElse() throws Exception {
        WebappSession alice = WebappSession.login(port, "alice", "tasklist");
        String complaint = JSON.writeValueAsString(Map.of("customerName", "Carla Customer", "customerEmail", "carla@example.com",
                "channel", "web", "category", "delivery", "description", "Filed from a page of another site."));

        Http.Response anonymous = alice.send("POST", "/api/complaints", complaint, FROM_ANOTHER_SITE);
        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(201);
        assertThat(startedBy(anonymous.json().get("reference").asText())).isNull();

        Http.Response asAlice = alice.send("POST", "/api/complaints", complaint, Map.of("X-XSRF-TOKEN", alice.csrfToken()));
        assertThat(asAlice.status()).as(asAlice.body()).isEqualTo(201);
        assertThat(startedBy(asAlice.json().get("reference").asText())).isEqualTo("alice");
    }

    private String startedBy(String reference) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getStartUserId();
    }
}
