package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.complaint.ComplaintFixtures.validComplaint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Service recovery in a real browser: the customer rates 4 but ticks "My issue is not resolved" on the survey page;
 * sam opens "Call the customer back and put things right" in Tasklist, claims it, records what he did and completes it.
 */
@ServiceCharterTest
class ServiceRecoveryBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/service-recovery");

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired CustomerMessages customerMessages;
    @Autowired ComplaintRegister register;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = Chromium.start(1400, 1100);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void theCustomerSaysNotResolvedAndASupervisorPutsItRightInTasklist() throws Exception {
        String reference = Http.anonymous(port).post("/api/complaints", validComplaint()).json().get("reference").asText();
        Task handle = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(ComplaintProcess.HANDLE_COMPLAINT).singleResult();
        taskService.claim(handle.getId(), "alice");
        taskService.complete(handle.getId(), Map.of(ComplaintProcess.VAR_RESOLUTION, "Refunded the delivery fee.",
                ComplaintProcess.VAR_CUSTOMER_CONTACTED, true, ComplaintProcess.VAR_APOLOGISED, true));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(handle.getProcessInstanceId())
                .activityId(ComplaintProcess.SEND_SURVEY).singleResult().getId());
        String link = customerMessages.forReference(reference).stream().filter(m -> m.body().contains("/survey/")).findFirst().orElseThrow().body().replaceAll("(?s).*(/survey/[A-Za-z0-9_-]{43}).*", "$1");

        // the customer: a 4, but the issue is still there
        browser.get("http://localhost:" + port + link);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reference"), reference));
        browser.findElement(By.cssSelector("input[name=rating][value='4']")).click();
        Chromium.typeSlowly(browser.findElement(By.id("comment")), "Kind people, but the refund never arrived.", 20);
        browser.findElement(By.id("unresolved")).click();
        shot("1-survey-not-resolved");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Thank you for your answer."));
        assertThat(Chromium.policyViolations(browser)).isEmpty();

        Task recover = taskService.createTaskQuery().processInstanceId(handle.getProcessInstanceId())
                .taskDefinitionKey(ComplaintProcess.RECOVER_SERVICE).singleResult();
        assertThat(recover).as("the complaint is reopened for service recovery").isNotNull();
        assertThat(register.find(reference).orElseThrow().surveyResolved()).isFalse();

        // sam, in Tasklist
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        Chromium.typeSlowly(user, "sam", 50);
        Chromium.typeSlowly(browser.findElement(By.cssSelector("input[ng-model=password]")), "sam", 50);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + recover.getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".task-details button.claim"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-details button.claim")));

        WebElement shownComment = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".task-details textarea[id$='-Field_RecoverSurveyComment']")));
        wait.until(driver -> shownComment.getAttribute("value").contains("refund never arrived"));
        String action = "Called the customer, apologised, paid the refund by bank transfer today.";
        Chromium.typeSlowly(browser.findElement(By.cssSelector(".task-details textarea[id$='-Field_RecoveryAction']")), action, 30);
        // the first option, "Put right: the customer is satisfied now"
        WebElement putRight = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".task-details input[type=radio][id$='-Field_RecoveryOutcome-0']")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", putRight);
        Thread.sleep(300);
        putRight.click();
        wait.until(driver -> putRight.isSelected());
        shot("2-tasklist-recover-service");
        WebElement complete = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-details .form-actions button.btn-primary")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
        wait.until(ExpectedConditions.elementToBeClickable(complete)).click();

        long deadline = System.currentTimeMillis() + 30_000;
        while (!"CLOSED".equals(register.find(reference).orElseThrow().status()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        shot("3-completed");
        ComplaintRegister.Entry entry = register.find(reference).orElseThrow();
        assertThat(entry.status()).isEqualTo("CLOSED");
        assertThat(entry.recoveryAction()).isEqualTo(action);
        assertThat(entry.recoveryOutcome()).isEqualTo("put-right");
        assertThat(entry.recoveredBy()).isEqualTo("sam");
    }

    private void shot(String name) throws Exception {
        Chromium.screenshot(browser, SCREENSHOTS, name);
        Path png = SCREENSHOTS.resolve(name + ".png");
        if (Files.exists(png)) {
            Files.copy(png, Paths.get("/tmp/recovery-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
