package org.servicecharter.correctiveaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import org.servicecharter.identity.ReportingLines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The HR review in Tasklist as HR sees it: the employee by name, the corrective actions on file, and a link that opens
 * that employee's file. Screenshots in target/screenshots/deciders.
 */
@ServiceCharterTest
class HrReviewFormBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/deciders");

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ReportingLines reportingLines;
    @Autowired JdbcTemplate jdbc;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        browser = Chromium.start(1400, 1300);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void hrReadsTheCaseWithTheEmployeesNameAndOpensTheirFileFromTheForm() throws Exception {
        CorrectiveActionFixtures f = new CorrectiveActionFixtures(identityService, runtimeService, taskService, managementService, reportingLines);
        String employee = f.newEmployee("sam");
        User user = identityService.createUserQuery().userId(employee).singleResult();
        user.setFirstName("Nora");
        user.setLastName("Lindqvist");
        ((IdentityServiceImpl) identityService).saveUser(user, true);
        jdbc.update("INSERT INTO employee_file_entry (employee_id, recorded_at, record_type, summary, recorded_by, unique_key)"
                + " VALUES (?, ?, ?, ?, 'sam', ?)", employee, java.sql.Timestamp.from(Instant.now().minus(40, ChronoUnit.DAYS)),
                LadderStep.FINAL_WARNING.recordType(), "Final warning for hanging up on a customer.", "test:" + java.util.UUID.randomUUID());
        ProcessInstance pi = f.open("sam", employee);
        f.document("sam", pi, true, "minor");
        Task task = f.task(pi, DECIDE_ON_DISMISSAL);

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        Chromium.logInOnTheForm(browser, "hana");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Decide whether to retain or dismiss"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Nora Lindqvist's employee file")));
        WebElement link = browser.findElement(By.linkText("Nora Lindqvist's employee file"));
        assertThat(link.getAttribute("href")).endsWith("/hr/employees/" + employee);
        assertThat(browser.findElement(By.cssSelector("input[id$='Field_HrEmployee']")).getAttribute("value")).isEqualTo("Nora Lindqvist");
        assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_HrLadderHistory']")).getAttribute("value"))
                .endsWith("Final warning: Final warning for hanging up on a customer.");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("{{");
        Chromium.screenshot(browser, SCREENSHOTS, "1-hr-review-names-the-employee-and-links-their-file");

        browser.get(link.getAttribute("href"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Final warning for hanging up on a customer."));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Nora Lindqvist");
        Chromium.screenshot(browser, SCREENSHOTS, "2-the-link-opens-that-employees-file");
    }
}
