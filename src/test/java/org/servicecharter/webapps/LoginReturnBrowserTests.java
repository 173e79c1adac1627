package org.servicecharter.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.ServiceCharterTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Logging in from one of the application's pages brings the person back to that page, not to the web app whose
 * login form they used: the auditor opening /audit/ logs in on Cockpit's form and is back on the audit search; HR
 * opening a handbook's status logs in on Tasklist's form and is back on that page. A return address that is not a
 * path on this server is not followed. Screenshots in target/screenshots/login-return.
 */
@ServiceCharterTest
class LoginReturnBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/login-return");

    @LocalServerPort int port;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        browser = Chromium.start(1400, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void theAuditorLogsInOnCockpitsFormAndIsBackOnTheAuditPages() throws Exception {
        browser.get(base() + "/audit/");
        wait.until(ExpectedConditions.urlContains("/camunda/app/cockpit/"));
        Chromium.screenshot(browser, SCREENSHOTS, "01-cockpit-login");
        Chromium.logInOnTheForm(browser, "audrey");
        wait.until(ExpectedConditions.urlToBe(base() + "/audit/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("header"), "Service Charter audit"));
        Chromium.screenshot(browser, SCREENSHOTS, "02-back-on-audit");
        assertThat(browser.getTitle()).containsIgnoringCase("audit");
        // the header names the reader, not their user id
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "logged in as Audrey Auditor"));
    }

    @Test
    void hrLogsInOnTasklistsFormAndIsBackOnTheHandbooksPage() throws Exception {
        browser.get(base() + "/hr/handbooks");
        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
        Chromium.logInOnTheForm(browser, "hana");
        wait.until(ExpectedConditions.urlToBe(base() + "/hr/handbooks"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        Chromium.screenshot(browser, SCREENSHOTS, "03-back-on-hr-handbooks");
    }

    @Test
    void anAddressOnAnotherHostIsNotFollowed() throws Exception {
        browser.get(base() + "/camunda/app/tasklist/default/?returnTo=%2F%2Fexample.org%2F#/login");
        Chromium.logInOnTheForm(browser, "alice");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".navbar-brand")));
        Thread.sleep(1500); // longer than the return script's polling interval
        assertThat(browser.getCurrentUrl()).startsWith(base() + "/camunda/app/tasklist/default/")
                .doesNotContain("returnTo");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
