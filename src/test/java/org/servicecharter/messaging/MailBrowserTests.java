package org.servicecharter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What people read, in Chromium: an approver's mail as a mail client shows its HTML part, and the administrators' mail
 * page, where a newcomer reads what the quick start's embedded server received. Screenshots in target/screenshots/mail.
 */
@ServiceCharterTest
class MailBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/mail");

    @LocalServerPort int port;
    @Autowired OutboxSender sender;
    @Autowired EmbeddedMailServer relay;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        relay.start();
        browser = Chromium.start(1200, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void anApproverReadsWhatWaitsAndTheAdministratorSeesItOnTheMailPage() throws Exception {
        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("type", "refund");
        ask.put("amount", 80);
        ask.put("currency", "EUR");
        ask.put("reason", "The customer was charged twice for the same order.");
        Http.Response asked = Http.as(port, "alice").post("/api/approvals", ask);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String id = asked.json().get("id").asText();
        while (sender.drain(Instant.now()) > 0) {
            // until nothing is due
        }
        MimeMessage toSam = relay.received().stream().filter(m -> subject(m).equals("Approval " + id + " waits for you"))
                .filter(m -> to(m).equals("sam@service-charter.example")).findFirst().orElseThrow();

        // the HTML part, as a mail client shows it
        Files.createDirectories(SCREENSHOTS);
        Path html = SCREENSHOTS.resolve("approval-waiting.html").toAbsolutePath();
        Files.writeString(html, html(toSam), StandardCharsets.UTF_8);
        browser.get(html.toUri().toString());
        String shown = browser.findElement(By.tagName("body")).getText();
        assertThat(shown).contains("Hello Sam").contains("the refund request " + id + " for 80.00 EUR by alice waits for a decision at the")
                .contains("What to do: approve, reject or pass it up before its deadline.").contains("Customer Service");
        assertThat(browser.findElement(By.linkText("Open the task in Tasklist")).getAttribute("href"))
                .startsWith("http://localhost:").contains("/camunda/app/tasklist/default/#/?task=");
        Chromium.screenshot(browser, SCREENSHOTS, "1-approval-waiting-as-a-mail-client-shows-it");

        // the administrators' page
        browser.get("http://localhost:" + port + "/camunda/app/admin/default/");
        Chromium.logInOnTheForm(browser, "demo");
        browser.get("http://localhost:" + port + "/admin/mail");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Received by the embedded mail server"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Approval " + id + " waits for you").contains("What to do: approve, reject or pass it up");
        Chromium.screenshot(browser, SCREENSHOTS, "2-admin-mail-page");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String html(MimeMessage m) throws Exception {
        String found = html(m.getContent());
        assertThat(found).as("the message has an HTML part").isNotNull();
        return found;
    }

    private static String html(Object content) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType("text/html")) {
                    return (String) multipart.getBodyPart(i).getContent();
                }
                String nested = html(multipart.getBodyPart(i).getContent());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
