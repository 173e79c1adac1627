package org.servicecharter.platform.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Http;
import org.servicecharter.Chromium;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A new procedure put into use without Java, seen through the browser: olga deploys it from Camunda Modeler (the
 * same request), with {@code candidateStarterGroups="agents"}; alice logs in to Tasklist in Debian's headless
 * Chromium, starts it from "Start process", claims its task, ticks two checklist options, types a note at human
 * speed and completes. The checklist arrives as a {@code Json} variable, the text exactly as typed. Screenshots of
 * every step are kept under {@code target/screenshots/new-procedure/}.
 */
@ServiceCharterTest
class NewProcedureBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/new-procedure");
    /** About what a person types: Tasklist's form renderer must not lose a key at this pace. */
    static final long MILLIS_PER_KEY = 50;

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

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
    void olgaDeploysANewProcedureAndAliceStartsItInTasklistAndCompletesItsChecklist() throws Exception {
        NewProcedure procedure = NewProcedure.fresh("returned-item");
        Http.Response deployed = procedure.deployAs(Http.as(port, "olga"), "camunda:candidateStarterGroups=\"agents\"");
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String base = "http://localhost:" + port + "/camunda/app/tasklist/default/";

        // alice logs in to Tasklist
        browser.get(base);
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        typeSlowly(user, "alice");
        typeSlowly(browser.findElement(By.cssSelector("input[ng-model=password]")), "alice");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // "Start process": the new procedure is in her list; she finds it by name and opens its start form
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))).click();
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".modal-dialog input[ng-model='page.searchValue']")));
        typeSlowly(search, procedure.name);
        WebElement listed = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ul[contains(@class,'processes')]//a[normalize-space(.)='" + procedure.name + "']")));
        screenshot("1-start-list");
        listed.click();
        String subject = "Kettle K-200, order 4711";
        typeSlowly(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog input[id$='-Field_Subject']"))),
                subject);
        screenshot("2-start-form");
        browser.findElement(By.cssSelector(".modal-dialog button[ng-click='startProcessInstance()']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));

        HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(procedure.key).singleResult();
        assertThat(instance).as("an instance started from Tasklist").isNotNull();
        assertThat(instance.getStartUserId()).isEqualTo("alice");
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();

        // the task waits in "My group's tasks"; she opens and claims it
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'task-filter')]//a[contains(normalize-space(.),\"My group's tasks\")]"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("ol.tasks-list a[href='#/?task=" + task.getId() + "']")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".task-details button.claim"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-details button.claim")));
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("alice");

        // the Camunda Form: the item from the start form, a checklist and a note
        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details input[id$='-Field_SubjectShown']")));
        wait.until(driver -> subject.equals(shown.getAttribute("value")));
        tick("Packaging intact");
        tick("Serial number matches");
        String note = "Box dented at one corner; kettle boils, serial SN-0042 matches the invoice.";
        typeSlowly(browser.findElement(By.cssSelector(".task-details input[id$='-Field_Note']")), note);
        screenshot("3-task-form-filled");
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".task-details .form-actions button.btn-primary")));
        complete.click();

        waitUntil(() -> engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .finished().count() == 1, "the procedure ends when the task is completed");
        screenshot("4-completed");

        HistoricVariableInstance checks = variable(instance.getId(), NewProcedure.CHECKLIST);
        assertThat(checks.getTypeName()).as("a checklist arrives as a Json variable").isEqualTo("json");
        assertThat(new ObjectMapper().readValue(((SerializableValue) checks.getTypedValue()).getValueSerialized(), List.class))
                .containsExactly("packaging", "serial");
        assertThat(variable(instance.getId(), NewProcedure.NOTE).getValue()).isEqualTo(note);
        assertThat(variable(instance.getId(), NewProcedure.START_FIELD).getValue()).isEqualTo(subject);
        assertThat(Files.size(SCREENSHOTS.resolve("3-task-form-filled.png"))).isGreaterThan(10_000);
    }

    private void tick(String label) {
        WebElement box = browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-checklist')]//label[normalize-space(.)='"
                + label + "']/input[@type='checkbox']"));
        box.click();
        wait.until(driver -> box.isSelected());
    }

    private HistoricVariableInstance variable(String instanceId, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName(name)
                .disableCustomObjectDeserialization().singleResult();
    }

    private static void typeSlowly(WebElement field, String text) throws InterruptedException {
        Chromium.typeSlowly(field, text, MILLIS_PER_KEY);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Chromium.waitUntil(condition, what);
    }

    private void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, SCREENSHOTS, name);
    }
}
