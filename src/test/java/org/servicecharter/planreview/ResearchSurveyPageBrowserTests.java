package org.servicecharter.planreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.servicecharter.messaging.Outbox;
import org.servicecharter.messaging.OutboxEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The research survey as a customer answers it (issue 19.1): the link from the mail opens the page, which asks what
 * they expect, which needs we do not meet, how we compare with competitors and how important each service element
 * is; the answer is stored for the review, and the link then shows a closed page. Screenshots in
 * target/screenshots/customers.
 */
@ServiceCharterTest
class ResearchSurveyPageBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/customers");

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired Outbox outbox;
    @Autowired PlanReviewResearch research;
    @Autowired JdbcTemplate jdbc;

    WebDriver browser;
    WebDriverWait wait;
    ProcessInstance pi;

    @BeforeEach
    void start() {
        browser = Chromium.start(1000, 1400);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
        if (pi != null && runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
            runtimeService.deleteProcessInstance(pi.getId(), "test over");
        }
    }

    @Test
    void aCustomerAnswersTheResearchSurveyThroughTheLinkInTheMail() throws Exception {
        String period = "2083-Q2";
        LocalDateTime resolved = LocalDateTime.of(2083, 5, 10, 10, 0);
        jdbc.update("""
                INSERT INTO complaint (reference, process_instance_id, received_at, customer_name, customer_email, channel, category,
                  description, status, resolved_at)
                VALUES (?, ?, ?, 'Pat Customer', 'pat-research@example.com', 'email', 'delivery', 'Late parcel', 'RESOLVED', ?)""",
                "PRB-" + PlanReviewFixtures.unique(), "seed-" + PlanReviewFixtures.unique(), Timestamp.valueOf(resolved.minusDays(1)),
                Timestamp.valueOf(resolved));
        pi = runtimeService.createMessageCorrelation(MESSAGE_REVIEW_REQUESTED).setVariable(VAR_PERIOD, period)
                .setVariable(VAR_STARTED_BY, "maria").correlateStartMessage();
        OutboxEntry mail = outbox.forReference("plan-review:" + period).get(0);
        String link = mail.bodyText().replaceAll("(?s).*(http\\S*/survey/research/[A-Za-z0-9_-]{43}).*", "$1");
        assertThat(link).contains("/survey/research/");
        String path = link.substring(link.indexOf("/survey/research/"));

        browser.get("http://localhost:" + port + path);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#elements fieldset"), 6));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Help us serve you better");
        List<WebElement> elements = browser.findElements(By.cssSelector("#elements fieldset"));
        assertThat(elements.get(0).findElement(By.tagName("legend")).getText()).isEqualTo("Speed of answer");
        browser.findElement(By.id("expectations")).sendKeys("An answer the same day.");
        browser.findElement(By.id("unmetNeeds")).sendKeys("Nobody tells me where my parcel is.");
        browser.findElement(By.id("competitors")).sendKeys("Others answer chats at night.");
        for (int i = 0; i < elements.size(); i++) {
            browser.findElement(By.cssSelector("input[name='importance" + i + "'][value='" + (i == 0 ? 5 : 3) + "']")).click();
        }
        Chromium.screenshot(browser, SCREENSHOTS, "research-survey-filled-in");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Thank you for your answer."));
        Chromium.screenshot(browser, SCREENSHOTS, "research-survey-answered");

        assertThat(research.answers(period)).singleElement().satisfies(a -> {
            assertThat(a.expectations()).isEqualTo("An answer the same day.");
            assertThat(a.unmetNeeds()).isEqualTo("Nobody tells me where my parcel is.");
            assertThat(a.importance()).containsEntry("Speed of answer", 5).containsEntry("Ease of reaching us", 3).hasSize(6);
        });

        browser.get("http://localhost:" + port + path);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "This survey is closed"));
        Chromium.screenshot(browser, SCREENSHOTS, "research-survey-closed");
    }
}
