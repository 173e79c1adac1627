package org.servicecharter.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.correctiveaction.CorrectiveActionProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a person reads in Tasklist when the server refuses a form: the field by the form's label, what to change, no
 * variable, engine id or class name. Screenshot in target/screenshots/form-errors.
 */
@ServiceCharterTest
class FormErrorsBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/form-errors");

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;

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
    void aSupervisorNamingSomeoneWhoIsNoEmployeeReadsWhatToChangeInTheFormsWords() throws Exception {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(CorrectiveActionProcess.PROCESS_KEY).count();
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        Chromium.logInOnTheForm(browser, "sam");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ul[contains(@class,'processes')]//a[normalize-space(.)='Corrective action']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog input[id$='-Field_RequestEmployee']")))
                .sendKeys("nosuchperson");
        browser.findElement(By.cssSelector(".modal-dialog textarea[id$='-Field_RequestConcern']"))
                .sendKeys("Was rude to a customer on the phone twice this week.");
        Thread.sleep(400);
        browser.findElement(By.cssSelector(".modal-dialog button[ng-click='startProcessInstance()']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "is not an employee"));
        Chromium.screenshot(browser, SCREENSHOTS, "refused-start-form");
        String shown = browser.findElement(By.tagName("body")).getText();
        assertThat(shown).contains("Employee (user id) is not an employee: there is no user nosuchperson")
                .doesNotContain("corrective-action:", "Exception", "employee is not", "ENGINE-");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CorrectiveActionProcess.PROCESS_KEY).count())
                .as("nothing started").isEqualTo(before);
    }
}
