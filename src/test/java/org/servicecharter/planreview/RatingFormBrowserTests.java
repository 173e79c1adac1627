package org.servicecharter.planreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The representative's rating in Tasklist as a manager sees it: the person's name, not their user id, and their own
 * figures for the period beside the department's. Screenshot in target/screenshots/deciders.
 */
@ServiceCharterTest
class RatingFormBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/deciders");

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.ManagementService managementService;
    @Autowired JdbcTemplate jdbc;

    WebDriver browser;
    WebDriverWait wait;
    PlanReviewFixtures fixtures;
    ProcessInstance pi;

    @BeforeEach
    void start() {
        fixtures = new PlanReviewFixtures(jdbc);
        browser = Chromium.start(1400, 1300);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
        fixtures.removeHistory();
        if (pi != null && runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
            runtimeService.deleteProcessInstance(pi.getId(), "test over");
        }
    }

    @Test
    void theManagerRatesAliceWithHerOwnFiguresInFront() throws Exception {
        ReviewPeriod q = ReviewPeriod.parse("2088-Q2");
        LocalDateTime d = q.start().plusDays(5);
        fixtures.complaintResolvedBy("alice", d, d.plusHours(2), 5, null);
        fixtures.complaintResolvedBy("alice", d.plusDays(1), d.plusDays(2), 3, d.plusDays(1).plusHours(6));
        pi = runtimeService.createMessageCorrelation(MESSAGE_REVIEW_REQUESTED).setVariable(VAR_PERIOD, q.label())
                .setVariable(VAR_STARTED_BY, "maria").correlateStartMessage();
        // the research round closes with its window's timer (issue 19.1); then the areas are reviewed
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(RESEARCH_WINDOW_CLOSED).singleResult().getId());
        Task alices = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(REVIEW_STAFF).list().stream()
                .filter(t -> "alice".equals(taskService.getVariable(t.getId(), VAR_REPRESENTATIVE))).findFirst().orElseThrow();

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + alices.getId());
        Chromium.logInOnTheForm(browser, "maria");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Rate Alice Agent against the plan's requirements"));
        assertThat(browser.findElement(By.cssSelector("input[id$='Field_Representative']")).getAttribute("value")).isEqualTo("Alice Agent");
        assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_RepresentativeFigures']")).getAttribute("value")).isEqualTo("""
                Complaints handled (resolved by them): 2
                Resolved within the SLA: 1 of 2 (50.0 %)
                Survey average: 4.0 of 5 (2 answers)
                Recognitions for good decisions: 0""");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("The department's figures for the period").doesNotContain("{{");
        Chromium.screenshot(browser, SCREENSHOTS, "3-rating-form-shows-the-representatives-own-figures");
    }
}
