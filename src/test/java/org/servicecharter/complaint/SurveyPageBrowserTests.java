package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.complaint.ComplaintFixtures.validComplaint;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer's survey page in a real browser, under the application's content security policy (no inline
 * script or style): the customer opens the link from their message, rates, comments and sends.
 */
@ServiceCharterTest
class SurveyPageBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/survey-screenshots");

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired CustomerMessages customerMessages;
    @Autowired JdbcTemplate jdbc;

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Chromium.start(900, 1000);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void theCustomerAnswersOnTheSurveyPageAndNothingIsBlockedByItsPolicy() throws Exception {
        String reference = Http.anonymous(port).post("/api/complaints", validComplaint()).json().get("reference").asText();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(ComplaintProcess.HANDLE_COMPLAINT).singleResult();
        taskService.claim(task.getId(), "alice");
        taskService.complete(task.getId(), Map.of(ComplaintProcess.VAR_RESOLUTION, "Refunded the delivery fee.",
                ComplaintProcess.VAR_CUSTOMER_CONTACTED, true, ComplaintProcess.VAR_APOLOGISED, true));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(task.getProcessInstanceId())
                .messages().singleResult().getId());
        String link = customerMessages.forReference(reference).stream().filter(m -> m.body().contains("/survey/")).findFirst().orElseThrow().body().replaceAll("(?s).*(/survey/[A-Za-z0-9_-]{43}).*", "$1");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get("http://localhost:" + port + link);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reference"), reference));
        browser.findElement(By.cssSelector("input[name=rating][value='5']")).click();
        browser.findElement(By.id("comment")).sendKeys("Friendly and quick.");
        Chromium.screenshot(browser, SCREENSHOTS, "1-survey");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Thank you for your answer."));
        Chromium.screenshot(browser, SCREENSHOTS, "2-answered");

        assertThat(jdbc.queryForObject("SELECT survey_rating FROM complaint WHERE reference = ?", Integer.class, reference)).isEqualTo(5);
        assertThat(browser.findElement(By.tagName("body")).getCssValue("font-family")).as("the page's style sheet applies")
                .contains("system-ui");
        assertThat(Chromium.policyViolations(browser)).isEmpty();
    }
}
