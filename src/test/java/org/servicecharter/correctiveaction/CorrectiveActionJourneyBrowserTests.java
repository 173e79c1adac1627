package org.servicecharter.correctiveaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.Chromium.choose;
import static org.servicecharter.Chromium.fillIn;
import static org.servicecharter.Chromium.technicalWords;
import static org.servicecharter.Chromium.tick;
import static org.servicecharter.Chromium.visibleText;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.Http;
import org.servicecharter.Newcomers;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.identity.ReportingLines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The corrective-action journey walked in Chromium: sam raises a concern about an agent of his team, holds the
 * conversation in Tasklist and finds it gross misconduct, hana (HR) decides to retain with a final warning, and the
 * employee acknowledges. Screenshots in target/screenshots/journeys/corrective-action.
 */
@ServiceCharterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrectiveActionJourneyBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/journeys/corrective-action");

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired ReportingLines reportingLines;
    @Autowired EmployeeFile employeeFile;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        browser = Chromium.start(1400, 1300);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stopBrowser() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void samHoldsTheConversationHanaDecidesAndTheEmployeeAcknowledges() throws Exception {
        // an agent of sam's team (a newcomer, so that the demo users' ladders stay as they are)
        String employee = Newcomers.agentReportingTo(identityService, reportingLines, "caj", "sam");
        User user = identityService.createUserQuery().userId(employee).singleResult();
        user.setFirstName("Nadia");
        user.setLastName("Novak");
        identityService.saveUser(user);
        String concern = "Shouted at a customer at the counter and threw the complaint form away.";
        Http.Response opened = Http.as(port, "sam").post("/api/corrective-actions", Map.of("employee", employee, "concern", concern));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String instance = opened.json().get("processInstanceId").asText();

        // sam holds the conversation in Tasklist: substantiated, gross misconduct
        Task conversation = task(instance, CorrectiveActionProcess.HOLD_CONVERSATION);
        Chromium.tasklistAs(browser, port, "sam");
        Chromium.assertNoVendorBanner(browser);
        Chromium.openTask(browser, port, conversation.getId(), "Field_WhatHappened");
        wait.until(d -> visibleText(d, ".task-details").contains(concern));
        String conversationForm = visibleText(browser, ".task-details");
        assertThat(technicalWords(conversationForm)).as("technical words on the conversation form").isEmpty();
        assertThat(conversationForm).as("the employee by name").contains("Meet Nadia Novak in private").doesNotContain(employee);
        assertThat(visibleText(browser, ".tasks-list")).as("the task card").contains("Nadia Novak");
        shot("01-sam-opens-the-conversation");
        String happened = "She raised her voice at Mr Lee and tore up his complaint form in front of other customers.";
        fillIn(browser, "Field_WhatHappened", happened);
        String account = "She says she had a bad day and regrets it.";
        fillIn(browser, "Field_EmployeeAccount", account);
        tick(browser, "Field_Substantiated");
        wait.until(ExpectedConditions.presenceOfElementLocated(Chromium.field("Field_Severity")));
        Chromium.select(browser, "Field_Severity", "Gross misconduct (goes straight to HR)");
        shot("02-sam-records-gross-misconduct");
        Chromium.complete(browser);

        // hana (HR) decides: retain with a final warning
        Task review = task(instance, CorrectiveActionProcess.DECIDE_ON_DISMISSAL);
        Chromium.tasklistAs(browser, port, "hana");
        Chromium.openTask(browser, port, review.getId(), "Field_HrReason");
        wait.until(d -> visibleText(d, ".task-details").contains(happened));
        String reviewForm = visibleText(browser, ".task-details");
        assertThat(reviewForm).contains(account, "Gross misconduct", "sent Nadia Novak to HR review").doesNotContain("gross-misconduct")
                .doesNotContain(employee);
        assertThat(technicalWords(reviewForm)).as("technical words on HR's form").isEmpty();
        shot("03-hana-opens-the-hr-review");
        choose(browser, "Field_HrDecision", 0);
        String hrReason = "First incident in four years; she apologised to the customer in writing.";
        fillIn(browser, "Field_HrReason", hrReason);
        shot("04-hana-retains-with-a-final-warning");
        Chromium.complete(browser);

        // the employee acknowledges
        Task acknowledge = task(instance, CorrectiveActionProcess.ACKNOWLEDGE);
        Chromium.tasklistAs(browser, port, employee);
        Chromium.openTask(browser, port, acknowledge.getId(), "Field_EmployeeComment");
        wait.until(d -> visibleText(d, ".task-details").contains(happened));
        String acknowledgeForm = visibleText(browser, ".task-details");
        assertThat(acknowledgeForm).contains("Retain the employee with a final warning");
        assertThat(technicalWords(acknowledgeForm)).as("technical words on the acknowledgement form").isEmpty();
        tick(browser, "Field_Acknowledged");
        fillIn(browser, "Field_EmployeeComment", "I understand and have apologised.");
        shot("05-the-employee-acknowledges");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(acknowledge.getId()).count() == 0, "acknowledged");

        // the file holds the HR decision with its reason; hana finds the case on the HR page
        assertThat(employeeFile.entriesOf(employee)).anySatisfy(entry -> assertThat(entry.details() + " " + entry.summary())
                .contains(hrReason));
        browser.manage().deleteAllCookies();
        Chromium.tasklistAs(browser, port, "hana");
        browser.get("http://localhost:" + port + "/hr/employees/" + employee);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Nadia Novak"));
        String file = visibleText(browser, "main");
        assertThat(file).contains(hrReason);
        assertThat(technicalWords(file)).as("technical words in the employee file").isEmpty();
        shot("06-hana-reads-the-employee-file");
        assertThat(Chromium.policyViolations(browser)).isEmpty();
    }

    private Task task(String instance, String key) throws InterruptedException {
        Chromium.waitUntil(() -> taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).count() == 1,
                "the task " + key);
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    private void shot(String name) throws Exception {
        Chromium.screenshot(browser, SCREENSHOTS, name);
    }
}
