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
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.Newcomers;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.platform.engine.PasswordPolicyPlugin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's password policy is on: every password set through the engine REST API or Admin must pass it, a demo user's
 * included, and a refusal is 400 with a sentence saying what the policy wants (Camunda's own answer is a 500 with
 * "Password does not match policy"). Only the quick start's demo users are created with their short passwords.
 */
@ServiceCharterTest
class PasswordPolicyTests {

    static final String STRONG = "Cust0mer-Care!";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    ReportingLines reportingLines;

    @Autowired
    ProcessEngine engine;

    @Test
    void aDemoUserCannotSetAOneLetterPassword() {
        Http.Response response = Http.as(port, "bob").put("/engine-rest/user/bob/credentials",
                Map.of("password", "b", "authenticatedUserPassword", "bob"));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertPolicyNamed(response.json().get("message").asText());
        assertThat(identityService.checkPassword("bob", "bob")).as("bob's password unchanged").isTrue();
    }

    @Test
    void weakPasswordsAreRefusedWhereverTheyAreSetAndStrongOnesWork() throws Exception {
        String agent = Newcomers.agentReportingTo(identityService, reportingLines, "policy", "sam");
        // the user's own id passes length and character classes but not "no user data"
        String ownId = "Aa1!" + agent;
        Http.Response own = Http.as(port, agent).put("/engine-rest/user/" + agent + "/credentials",
                Map.of("password", ownId, "authenticatedUserPassword", agent));
        assertThat(own.status()).as(own.body()).isEqualTo(400);
        assertThat(own.json().get("message").asText()).contains("must not contain the user's id");

        Http.Response byAdministrator = Http.as(port, "demo").put("/engine-rest/user/" + agent + "/credentials",
                Map.of("password", "password", "authenticatedUserPassword", "demo"));
        assertThat(byAdministrator.status()).as(byAdministrator.body()).isEqualTo(400);
        assertPolicyNamed(byAdministrator.json().get("message").asText());

        HttpResponse<String> inAdmin = AdminApp.login(port, "demo").put("/camunda/api/engine/engine/default/user/" + agent
                + "/credentials", "{\"password\":\"short\",\"authenticatedUserPassword\":\"demo\"}");
        assertThat(inAdmin.statusCode()).as(inAdmin.body()).isEqualTo(400);
        assertPolicyNamed(inAdmin.body());
        assertThat(identityService.checkPassword(agent, agent)).as("unchanged after the refusals").isTrue();

        Http.Response strong = Http.as(port, agent).put("/engine-rest/user/" + agent + "/credentials",
                Map.of("password", STRONG, "authenticatedUserPassword", agent));
        assertThat(strong.status()).as(strong.body()).isEqualTo(204);
        assertThat(Http.as(port, agent, STRONG).get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
    }

    @Test
    void newUsersNeedAPasswordThatPassesThePolicy() {
        String weakId = "newbie" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Http.Response weak = Http.as(port, "demo").post("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", weakId, "firstName", "New", "lastName", "Bie"),
                "credentials", Map.of("password", "newbie")));
        assertThat(weak.status()).as(weak.body()).isEqualTo(400);
        assertPolicyNamed(weak.json().get("message").asText());
        assertThat(identityService.createUserQuery().userId(weakId).count()).isZero();

        String strongId = "newbie" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Http.Response strong = Http.as(port, "demo").post("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", strongId, "firstName", "New", "lastName", "Bie"),
                "credentials", Map.of("password", STRONG)));
        assertThat(strong.status()).as(strong.body()).isEqualTo(204);
        assertThat(identityService.checkPassword(strongId, STRONG)).isTrue();
    }

    @Test
    void thePolicyIsOnAndAdminShowsItsRules() {
        assertThat(engine.getProcessEngineConfiguration().isEnablePasswordPolicy()).isTrue();
        Http.Response policy = Http.as(port, "alice").get("/engine-rest/identity/password-policy");
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        assertThat(policy.body()).contains("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_USER_DATA");
        assertThat(PasswordPolicyPlugin.describe(engine.getIdentityService().getPasswordPolicy())).isEqualTo(
                "The password does not meet the password policy: it needs at least 10 characters, at least 1 lower-case "
                        + "letter, at least 1 upper-case letter, at least 1 digit, at least 1 special character (such as "
                        + "! ? # %), and must not contain the user's id, first name, last name or e-mail address.");
    }

    private static void assertPolicyNamed(String message) {
        assertThat(message).contains("password policy", "at least 10 characters", "upper-case letter", "digit",
                "special character");
    }

    /** Admin's own session: log in as the web app does, then call its engine API with the session's CSRF token. */
    private record AdminApp(HttpClient client, String base, String csrfToken) {

        static AdminApp login(int port, String user) throws Exception {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://localhost:" + port;
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(user, StandardCharsets.UTF_8);
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/admin"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            HttpResponse<String> probe = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/user/count"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(probe.statusCode()).as(probe.body()).isEqualTo(200);
            return new AdminApp(client, base, probe.headers().firstValue("X-XSRF-TOKEN").orElse(token));
        }

        HttpResponse<String> put(String path, String json) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", csrfToken)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
