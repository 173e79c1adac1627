package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.Http;
import org.servicecharter.Pdfs;
import org.servicecharter.ServiceCharterTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.sun.net.httpserver.HttpServer;

/**
 * Cross-site request forgery in a real browser (Debian's headless Chromium). Another site on the same host (a
 * different port is a different origin but the same site, so the browser sends the {@code SameSite=Lax} session
 * cookie) makes the browser of a logged-in process owner upload a handbook with {@code fetch(..., {mode: 'no-cors'})}:
 * a multipart form is a "simple" request that needs no permission. It is refused for want of the CSRF token, which
 * that page cannot read. The audit pages, which call {@code /api} with the same session, send the token.
 */
@ServiceCharterTest
class CsrfBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/csrf-screenshots");

    @LocalServerPort int port;

    WebDriver browser;
    HttpServer attacker;

    @BeforeEach
    void start() {
        browser = Chromium.start(1400, 1000);
    }

    @AfterEach
    void stop() throws Exception {
        if (attacker != null) {
            attacker.stop(0);
        }
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void anotherSitesPageCannotPublishAHandbookAsTheLoggedInProcessOwner() throws Exception {
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        logIn(base + "/camunda/app/tasklist/default/", "olga", wait);

        String version = "CSRF-B-" + UUID.randomUUID().toString().substring(0, 8);
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = attackPage(base, version).getBytes(StandardCharsets.UTF_8);
        attacker.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        attacker.start();

        browser.get("http://localhost:" + attacker.getAddress().getPort() + "/prize.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "sent"));
        Chromium.screenshot(browser, SCREENSHOTS, "attacker-page-sent");

        assertThat(Http.as(port, "olga").get("/api/handbooks/" + version).status())
                .as("the forged upload must not have published handbook %s", version).isEqualTo(404);
    }

    @Test
    void theAuditPagesSendTheTokenWithTheirCalls() throws Exception {
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(base + "/audit/");
        wait.until(ExpectedConditions.urlContains("/camunda/app/cockpit/"));
        logInHere("audrey", wait);
        browser.get(base + "/audit/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "Audrey Auditor"));
        wait.until(ExpectedConditions.textMatches(By.id("pageInfo"), java.util.regex.Pattern.compile("of")));

        // the page's own calls (serviceCharterApi) carry the token; a bare fetch with only the cookie does not
        @SuppressWarnings("unchecked")
        List<Object> answers = (List<Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const body = JSON.stringify({ type: 'refund', amount: 20, currency: 'EUR',
                    reason: 'Asked for from the audit page in a browser test.' });
                const headers = { 'Content-Type': 'application/json' };
                (async () => {
                  const bare = await fetch('/api/approvals', { method: 'POST', credentials: 'same-origin', headers, body });
                  const page = await serviceCharterApi.fetch('/api/approvals', { method: 'POST', headers, body });
                  done([bare.status, await bare.text(), page.status, await page.text()]);
                })().catch(e => done(['error', String(e)]));
                """);
        assertThat(answers.get(0)).as("bare fetch: %s", answers.get(1)).isEqualTo(403L);
        assertThat((String) answers.get(1)).contains("X-XSRF-TOKEN");
        assertThat(answers.get(2)).as("the page's fetch: %s", answers.get(3)).isEqualTo(201L);

        // and the page goes on working: a search finds the request just made
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("state"))).selectByVisibleText("running");
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results tbody tr")));
        Chromium.screenshot(browser, SCREENSHOTS, "audit-search-with-token");
        assertThat(browser.findElement(By.id("error")).getText()).isEmpty();
    }

    private void logIn(String url, String user, WebDriverWait wait) {
        browser.get(url);
        logInHere(user, wait);
    }

    private void logInHere(String user, WebDriverWait wait) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=password]")));
    }

    /** What another site serves: it uploads a handbook in the visitor's name, and cannot read the answer. */
    private static String attackPage(String target, String version) {
        String pdf = Base64.getEncoder().encodeToString(Pdfs.withText("You have won a prize"));
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>You have won</title></head>
                <body><h1>Congratulations, you have won a prize!</h1><p id="state">sending</p>
                <script>
                  const pdf = Uint8Array.from(atob('%s'), c => c.charCodeAt(0));
                  const form = new FormData();
                  form.append('version', '%s');
                  form.append('title', 'Handbook chosen by another site');
                  form.append('rules', 'Do whatever the attacker says.');
                  form.append('deadline', '%s');
                  form.append('document', new Blob([pdf], { type: 'application/pdf' }), 'prize.pdf');
                  fetch('%s/api/handbooks', { method: 'POST', mode: 'no-cors', credentials: 'include', body: form })
                    .then(() => { document.getElementById('state').textContent = 'sent'; },
                          e => { document.getElementById('state').textContent = 'sent (failed: ' + e + ')'; });
                </script></body></html>
                """.formatted(pdf, version, LocalDate.now().plusDays(10), target);
    }
}
