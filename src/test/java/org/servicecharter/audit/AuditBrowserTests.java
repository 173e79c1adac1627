package org.servicecharter.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit pages in a real browser: Debian's headless Chromium, driven by chromedriver (both from apt:
 * {@code apt-get install -y chromium chromium-driver}). Nothing is downloaded: the driver and browser paths are
 * fixed, so Selenium Manager stays idle. Without Chromium this test fails: the pages are part of the product.
 */
@ServiceCharterTest
class AuditBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/audit-screenshots");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Chromium.start(1400, 1800);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void audreyLogsInFindsAFinishedComplaintAndSeesItsTimelineAndPath() throws Exception {
        String reference = "C-BROWSER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        new AuditScenario(engine).run(reference);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String base = "http://localhost:" + port;

        // not logged in: the audit pages send the browser to the Camunda login (Cockpit's)
        browser.get(base + "/audit/");
        wait.until(ExpectedConditions.urlContains("/camunda/app/cockpit/"));
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        user.sendKeys("audrey");
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("audrey");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=password]")));

        // the same session opens the audit pages
        browser.get(base + "/audit/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "Audrey Auditor"));
        browser.findElement(By.name("businessKey")).sendKeys(reference);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("state"))).selectByVisibleText("finished");
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(reference)));
        // the results may be drawn again while a slow machine catches up: read and click what is there now
        String row = wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#results tbody tr")).getText());
        assertThat(row).contains("Complaint handling", "COMPLETED", "alice");
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.linkText(reference)).click();
            return true;
        });

        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("timeline")), "data-loaded"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram[data-rendered=true]")));
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("alice claimed \"Contact customer, apologise and resolve\"",
                "Alice is on leave this afternoon", "Variable priority changed: \"medium\" → \"high\"",
                "Decision \"Classify complaint\" evaluated", "Timer fired: boundaryTimer \"SLA breached\"",
                "\"Contact customer, apologise and resolve\" completed by bob", "Instance ended (COMPLETED)");

        JavascriptExecutor js = (JavascriptExecutor) browser;
        long passed = (Long) js.executeScript("return document.querySelectorAll('#diagram .djs-element.audit-completed').length");
        long taken = (Long) js.executeScript("return document.querySelectorAll('#diagram .djs-connection.audit-taken').length");
        long cancelled = (Long) js.executeScript("return document.querySelectorAll('#diagram .audit-canceled').length");
        assertThat(passed).as("activities marked as passed").isGreaterThanOrEqualTo(15);
        assertThat(taken).as("sequence flows marked as taken").isGreaterThanOrEqualTo(10);
        assertThat(cancelled).as("the supervisors' follow-up, cancelled when the agent resolved").isEqualTo(1);
        assertThat((Boolean) js.executeScript("return document.querySelector('[data-element-id=\"EndEvent_ComplaintClosed\"]')"
                + ".classList.contains('audit-completed')")).isTrue();
        assertThat((Boolean) js.executeScript("return document.querySelector('[data-element-id=\"Task_ManagerResolvesComplaint\"]')"
                + ".classList.contains('audit-completed')")).as("the path not taken stays unmarked").isFalse();

        Files.createDirectories(SCREENSHOTS);
        Path shot = SCREENSHOTS.resolve("finished-complaint-trail.png");
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        // both pages and the diagram viewer work under the application's content security policy
        assertThat(Chromium.policyViolations(browser)).isEmpty();
    }
}
