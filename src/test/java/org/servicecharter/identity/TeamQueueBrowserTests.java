package org.servicecharter.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervisor's queue in Tasklist, in Debian's headless Chromium: sam logs in, opens "Agents' open complaints",
 * finds the complaint alice has claimed, and hands it to bob in the task header's assignee field. Screenshots under
 * {@code target/screenshots/team-queues/}.
 */
@ServiceCharterTest
class TeamQueueBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/team-queues");
    static final long MILLIS_PER_KEY = 50;

    @LocalServerPort int port;
    @Autowired TaskService taskService;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = Chromium.start(1400, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void samReassignsAlicesComplaintToBobFromTheAgentsQueue() throws Exception {
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("customerName", "Erin Customer");
        complaint.put("customerEmail", "erin@example.com");
        complaint.put("channel", "phone");
        complaint.put("category", "staff-behaviour");
        complaint.put("description", "Nobody called me back about my refund.");
        Http.Response created = Http.anonymous(port).post("/api/complaints", complaint);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(created.json().get("reference").asText()).singleResult();
        assertThat(Http.as(port, "alice").post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "alice")).status())
                .isEqualTo(204);

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        typeSlowly(user, "sam");
        typeSlowly(browser.findElement(By.cssSelector("input[ng-model=password]")), "sam");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'task-filter')]//a[contains(normalize-space(.),\"Agents' open complaints\")]"))).click();
        WebElement listed = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("ol.tasks-list a[href='#/?task=" + task.getId() + "']")));
        screenshot("1-agents-open-complaints");
        listed.click();

        // the header names alice as the assignee; sam edits the field and names bob
        WebElement assignee = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[cam-tasklist-task-meta] .assignee [cam-widget-inline-field]")));
        wait.until(driver -> assignee.getText().contains("Alice"));
        screenshot("2-task-held-by-alice");
        assignee.click();
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='formData.editValue']")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        typeSlowly(input, "bob");
        screenshot("3-assignee-typed");
        Thread.sleep(500); // the field checks that the user exists before it accepts
        input.sendKeys(Keys.ENTER);
        // on a slow machine the check may still be running when Enter arrives; then, as a person would, click the tick
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"bob".equals(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())) {
            assertThat(System.currentTimeMillis()).as("the task is bob's").isLessThan(deadline);
            Thread.sleep(1_000);
            for (WebElement tick : browser.findElements(By.cssSelector("button[ng-click^='applyChange']"))) {
                try {
                    if (tick.isDisplayed()) {
                        tick.click();
                    }
                } catch (StaleElementReferenceException | ElementNotInteractableException gone) {
                    // the field closed meanwhile: the assignment went through
                }
            }
        }
        wait.until(driver -> driver.findElement(By.cssSelector("[cam-tasklist-task-meta] .assignee")).getText().contains("Bob"));
        screenshot("4-reassigned-to-bob");
    }

    private static void typeSlowly(WebElement field, String text) throws InterruptedException {
        Chromium.typeSlowly(field, text, MILLIS_PER_KEY);
    }

    private void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, SCREENSHOTS, name);
    }
}
