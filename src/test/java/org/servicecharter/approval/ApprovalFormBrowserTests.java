package org.servicecharter.approval;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The decider's context in Tasklist: a request a supervisor passed up reaches the manager's form with the supervisor's
 * reason ("Why it comes to your tier"), and nothing of the supervisor's answer pre-filled. Screenshot in
 * target/screenshots/approval-form.
 */
@ServiceCharterTest
class ApprovalFormBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/approval-form");

    @LocalServerPort int port;
    @Autowired TaskService taskService;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        browser = Chromium.start(1400, 1100);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void theManagerReadsWhyTheSupervisorPassedTheRequestUp() throws Exception {
        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("type", "refund");
        ask.put("amount", 300);
        ask.put("currency", "EUR");
        ask.put("reason", "Charged twice for the same order.");
        Http.Response asked = Http.as(port, "alice").post("/api/approvals", ask);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String id = asked.json().get("id").asText();
        Http.Response passed = Http.as(port, "sam").post("/api/approvals/" + id + "/decision",
                Map.of("decision", "pass-up", "reason", "The customer is a key account; the manager should decide."));
        assertThat(passed.status()).as(passed.body()).isEqualTo(200);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult();

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        Chromium.logInOnTheForm(browser, "maria");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Why it comes to your tier"));
        assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_DecidePassedUpReason']"))
                .getAttribute("value")).isEqualTo("Passed up by Sam Supervisor at the supervisor tier: The customer is a key account; the manager should decide.");
        assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_DecisionReason']")).getAttribute("value"))
                .as("the supervisor's answer is not pre-filled").isEmpty();
        Chromium.screenshot(browser, SCREENSHOTS, "1-manager-reads-why-it-comes-to-her");
    }
}
