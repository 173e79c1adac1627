package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page and answer of the application carries a content security policy, {@code nosniff}, a framing ban
 * and a referrer policy; the Camunda web apps keep their own (stricter for their needs) headers.
 */
@ServiceCharterTest
class SecurityHeadersTests {

    @LocalServerPort int port;

    @Test
    void theAuditPagesAndTheirScriptsCarryThePagePolicy() throws Exception {
        HttpClient session = webappSession("audrey", "cockpit");
        for (String path : new String[] {"/audit/", "/audit/instance.html", "/audit/search.js", "/audit/audit.css"}) {
            HttpResponse<String> response = session.send(get(path), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertPagePolicy(response, path);
        }
        // the login gate's redirect and refusal are answers of the application too
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(get("/audit/"), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertPagePolicy(anonymous, "/audit/ without login");
        HttpResponse<String> agent = webappSession("alice", "tasklist").send(get("/audit/"), HttpResponse.BodyHandlers.ofString());
        assertThat(agent.statusCode()).isEqualTo(403);
        assertPagePolicy(agent, "/audit/ for an agent");
    }

    @Test
    void theSurveyPagesCarryThePagePolicy() throws Exception {
        String unknown = "/survey/" + "A".repeat(43);
        HttpResponse<String> page = HttpClient.newHttpClient().send(get(unknown), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<html");
        assertPagePolicy(page, unknown);
        HttpResponse<String> script = HttpClient.newHttpClient().send(get("/survey-page/survey.js"), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertPagePolicy(script, "survey.js");
        HttpResponse<String> missing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/no-such-page")).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertPagePolicy(missing, "the error page");
    }

    @Test
    void theApisAnswerWithAPolicyThatRendersNothing() throws Exception {
        for (String path : new String[] {"/api/handbooks/none", "/engine-rest/version", "/actuator/health"}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(get(path), HttpResponse.BodyHandlers.ofString());
            assertThat(header(response, "Content-Security-Policy")).as(path).contains("default-src 'none'").contains("frame-ancestors 'none'");
            assertThat(header(response, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(header(response, "X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(header(response, "Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
    }

    @Test
    void theCamundaWebAppsKeepTheirOwnHeaders() throws Exception {
        HttpResponse<String> tasklist = HttpClient.newHttpClient().send(get("/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).isEqualTo(200);
        // Camunda's policy (a nonce for its scripts), not the application's
        assertThat(tasklist.headers().allValues("Content-Security-Policy")).hasSize(1);
        assertThat(header(tasklist, "Content-Security-Policy")).contains("nonce-").doesNotContain("default-src 'none'");
        assertThat(header(tasklist, "X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private void assertPagePolicy(HttpResponse<String> response, String what) {
        assertThat(response.headers().allValues("Content-Security-Policy")).as(what).hasSize(1);
        String policy = header(response, "Content-Security-Policy");
        assertThat(policy).as(what).contains("default-src 'self'").contains("script-src 'self'")
                .contains("object-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(header(response, "X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(header(response, "X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(header(response, "Referrer-Policy")).as(what).isEqualTo("no-referrer");
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    /** Logged in to a web app as its login page does; the audit pages share that session. */
    private HttpClient webappSession(String user, String app) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> first = client.send(get("/camunda/api/admin/auth/user/default"), HttpResponse.BodyHandlers.ofString());
        String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return client;
    }
}
