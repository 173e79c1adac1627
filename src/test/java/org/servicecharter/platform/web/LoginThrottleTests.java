package org.servicecharter.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.servicecharter.Newcomers;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.identity.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Wrong passwords slow down whoever sends them, and never lock an account for good. The suite's context trusts
 * loopback as its reverse proxy (application-test.yaml), so each test names its clients in {@code X-Forwarded-For};
 * its account lock is short (1 s, then 2 s at most) and its throttle small (5 wrong passwords per 10 s per address).
 * Every attacked account is a fresh one: a wrong password locks its account for a moment.
 */
@ServiceCharterTest
class LoginThrottleTests {

    /** What the test profile configures (application-test.yaml). */
    static final int THROTTLE_FAILURES = 5;
    static final Duration LONGEST_ACCOUNT_LOCK = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    ReportingLines reportingLines;

    @Autowired
    ProcessEngine engine;

    @Test
    void anAttackOnAnAccountLocksItOnlyForAMomentNeverForGood() throws Exception {
        String agent = Newcomers.agentReportingTo(identityService, reportingLines, "victim", "sam");
        String administrator = newAdministrator();
        // one more than the engine's default login-max-attempts (10), after which it locked an account until an
        // administrator unlocked it (ENGINE-27002 "permanently locked"); the attacker waits out each lock and sends
        // every guess from another address, as many machines do, so the per-address throttle does not stop it
        int failures = 11;
        Instant lastFailure = Instant.now();
        for (int failure = 1; failure <= failures; failure++) {
            for (String victim : List.of(agent, administrator)) {
                awaitLockExpired(victim);
                Client attacker = new Client("198.51.100." + failure);
                assertThat(attacker.basic("/engine-rest/task?maxResults=1", victim, "guess" + failure).statusCode()).isEqualTo(401);
                assertThat(account(victim).getAttempts()).as("failures counted for %s", victim).isEqualTo(failure);
                lastFailure = Instant.now();
            }
        }
        // the attack stops: once the longest lock has passed, the right password works on every door
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), lastFailure.plus(LONGEST_ACCOUNT_LOCK)).toMillis()) + 200);
        for (String victim : List.of(agent, administrator)) {
            Client owner = new Client("192.0.2.10");
            assertThat(owner.basic("/engine-rest/task?maxResults=1", victim, victim).statusCode()).as(victim).isEqualTo(200);
            assertThat(owner.basic("/api/employees/" + victim + "/file", victim, victim).statusCode()).as(victim).isEqualTo(200);
            assertThat(owner.webappLogin(victim, victim).statusCode()).as(victim).isEqualTo(200);
            assertThat(account(victim).getAttempts()).isZero();
        }
    }

    @Test
    void wrongPasswordsFromOneAddressAreAnswered429WithRetryAfterOnEveryDoor() throws Exception {
        String colleague = Newcomers.agentReportingTo(identityService, reportingLines, "throttled", "sam");
        String nobody = "ghost" + UUID.randomUUID().toString().replace("-", "").substring(0, 10); // locks no account
        Client attacker = new Client("203.0.113.20");
        List<HttpResponse<String>> failed = List.of(
                attacker.basic("/engine-rest/task?maxResults=1", nobody, "guess"),
                attacker.basic("/api/employees/" + nobody + "/file", nobody, "guess"),
                attacker.basic("/actuator/metrics", nobody, "guess"),
                attacker.webappLogin(nobody, "guess"),
                attacker.basic("/engine-rest/user?maxResults=1", nobody, "guess"));
        assertThat(failed).hasSize(THROTTLE_FAILURES).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(401));

        List<HttpResponse<String>> throttled = List.of(
                attacker.basic("/engine-rest/task?maxResults=1", nobody, "guess"),
                attacker.basic("/api/employees/" + nobody + "/file", nobody, "guess"),
                attacker.basic("/actuator/metrics", nobody, "guess"),
                attacker.webappLogin(nobody, "guess"),
                // refused before any password is checked: a throttled client learns nothing, not even a right guess
                attacker.basic("/engine-rest/task?maxResults=1", colleague, colleague));
        long retryAfter = 0;
        for (HttpResponse<String> response : throttled) {
            assertThat(response.statusCode()).as("%s %s", response.request().uri(), response.body()).isEqualTo(429);
            retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 10L);
            assertThat(response.body()).contains("Too many wrong passwords from your address");
        }
        // a request without credentials is no login: not throttled
        assertThat(attacker.anonymous("/actuator/health").statusCode()).isEqualTo(200);
        // per address: everyone else logs in as usual
        assertThat(new Client("203.0.113.21").basic("/engine-rest/task?maxResults=1", colleague, colleague).statusCode()).isEqualTo(200);

        // behind the proxy a client cannot choose its address: the proxy appends the real one, which counts
        Client spoofing = new Client("198.51.100.200, 203.0.113.20");
        assertThat(spoofing.basic("/engine-rest/task?maxResults=1", colleague, colleague).statusCode()).isEqualTo(429);

        Thread.sleep(retryAfter * 1000 + 200);
        assertThat(attacker.basic("/engine-rest/task?maxResults=1", colleague, colleague).statusCode()).isEqualTo(200);
    }

    @Test
    void forwardedHeadersAreBelievedOnlyFromTheListedProxies() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        RemoteIpValve valve = new RemoteIpValve(); // Tomcat's default believes every private and loopback address
        factory.addEngineValves(valve);
        assertThat(Pattern.compile(valve.getInternalProxies()).matcher("192.168.1.66").matches()).isTrue();

        new TrustedProxies("").customize(factory);
        assertThat(valve.getInternalProxies()).as("no proxy listed: X-Forwarded-For is ignored from everyone").isNull();
        assertThat(valve.getTrustedProxies()).isNull();

        new TrustedProxies("172.29.80.10, ::1").customize(factory);
        Pattern trusted = Pattern.compile(valve.getInternalProxies());
        assertThat(List.of("172.29.80.10", "0:0:0:0:0:0:0:1")).allMatch(a -> trusted.matcher(a).matches());
        assertThat(List.of("172.29.80.100", "127.0.0.1", "192.168.1.66", "10.0.0.1")).noneMatch(a -> trusted.matcher(a).matches());

        assertThatThrownBy(() -> new TrustedProxies("proxy.example.com"))
                .hasMessageContaining("'proxy.example.com', which is not an IP address");
    }

    @Test
    void theEngineNeverLocksAnAccountForGoodAndTheProductionLockLastsAtMostHalfAMinute() throws Exception {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(config.getLoginDelayMaxTime()).isEqualTo((int) LONGEST_ACCOUNT_LOCK.toSeconds());

        PropertySource<?> production = new YamlPropertySourceLoader()
                .load("production", new ClassPathResource("application.yaml")).get(0);
        String engine = "camunda.bpm.generic-properties.properties.";
        assertThat(production.getProperty(engine + "login-max-attempts")).isEqualTo(Integer.MAX_VALUE);
        assertThat((Integer) production.getProperty(engine + "login-delay-max-time")).isLessThanOrEqualTo(30);
        assertThat(production.getProperty(engine + "enable-password-policy")).isEqualTo(true);
        assertThat(production.getProperty("servicecharter.trusted-proxies").toString()).isEmpty();
        assertThat(production.getProperty("servicecharter.login-throttle.failures")).isEqualTo(10);
        assertThat(production.getProperty("servicecharter.login-throttle.window")).isEqualTo("PT1M");
    }

    @Test
    void ipv6ClientsAreCountedPerNetwork() {
        assertThat(LoginThrottleFilter.client("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(LoginThrottleFilter.client("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottleFilter.client("2001:db8:1:3::1")).isNotEqualTo(LoginThrottleFilter.client("2001:db8:1:2::1"));
        assertThat(LoginThrottleFilter.client("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    /** A fresh administrator (password = id, made as the demo users are): a victim nobody else depends on. */
    private String newAdministrator() {
        identityService.clearAuthentication();
        String id = "admin" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        User user = identityService.newUser(id);
        user.setPassword(id);
        ((IdentityServiceImpl) identityService).saveUser(user, true);
        identityService.createMembership(id, Roles.ADMINS);
        identityService.createMembership(id, Roles.EMPLOYEES);
        return id;
    }

    private UserEntity account(String userId) {
        return (UserEntity) identityService.createUserQuery().userId(userId).singleResult();
    }

    private void awaitLockExpired(String userId) throws InterruptedException {
        java.util.Date until = account(userId).getLockExpirationTime();
        if (until != null) {
            Thread.sleep(Math.max(0, until.getTime() - System.currentTimeMillis()) + 100);
        }
    }

    /** One client machine behind the reverse proxy (loopback): the proxy names it in X-Forwarded-For. */
    private final class Client {

        private final String forwardedFor;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();

        Client(String forwardedFor) {
            this.forwardedFor = forwardedFor;
        }

        HttpResponse<String> basic(String path, String user, String password) throws Exception {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return send(request(path).header("Authorization", "Basic " + credentials).GET());
        }

        HttpResponse<String> anonymous(String path) throws Exception {
            return send(request(path).GET());
        }

        /** The web apps' login form, as Tasklist sends it (with the session's CSRF token). */
        HttpResponse<String> webappLogin(String user, String password) throws Exception {
            HttpResponse<String> first = send(request("/camunda/api/admin/auth/user/default").GET());
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpRequest.Builder login = request("/camunda/api/admin/auth/user/default/login/tasklist")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            first.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> login.header("X-XSRF-TOKEN", token));
            return send(login);
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", forwardedFor);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
