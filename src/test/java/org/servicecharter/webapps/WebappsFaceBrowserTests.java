package org.servicecharter.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.ServiceCharterTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist, Cockpit and Admin in Chromium, logged in as their users would be: the department's name in the header,
 * no banner telling anyone to migrate products. Screenshots in target/screenshots/webapps.
 */
@ServiceCharterTest
class WebappsFaceBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/webapps");

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
    void everyAppShowsTheDepartmentsNameAndNoMigrationBanner() throws Exception {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        assertDepartmentsFace("tasklist-login");
        Chromium.logInOnTheForm(browser, "demo");
        assertDepartmentsFace("tasklist");
        for (String app : List.of("cockpit", "admin")) {
            browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".navbar-brand")));
            assertDepartmentsFace(app);
        }
        browser.get("http://localhost:" + port + "/camunda/app/welcome/default/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".navbar-brand")));
        assertDepartmentsFace("welcome");
    }

    private void assertDepartmentsFace(String page) throws Exception {
        if (page.endsWith("-login")) {
            // before the login the header has no brand: the login form shows the name where Camunda shows its logo
            Object shown = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return getComputedStyle(document.querySelector('.login-logo'), '::before').content");
            assertThat(shown).isEqualTo("\"Service Charter\"");
            assertThat(browser.findElement(By.cssSelector(".login-logo svg")).isDisplayed()).isFalse();
        } else {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".navbar-brand"), "Service Charter"));
        }
        Thread.sleep(500); // the banner is drawn by the same digest as the header
        for (WebElement banner : browser.findElements(By.cssSelector(".ce-eol-banner"))) {
            assertThat(banner.isDisplayed()).as("the vendor's banner on " + page).isFalse();
        }
        assertThat(browser.findElement(By.tagName("body")).getText()).as(page).doesNotContain("migrate to Camunda 8");
        if (!page.endsWith("-login")) {
            assertThat(browser.getTitle()).as(page).contains("Service Charter");
        }
        Chromium.screenshot(browser, SCREENSHOTS, page);
    }
}
