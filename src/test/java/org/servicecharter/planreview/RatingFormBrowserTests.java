package org.servicecharter.planreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

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
 * figures for the period beside the department's. The service-element table as Tasklist renders it: one row per
 * element with its importance and rating, a row added for an element the customers named, and the same table rated
 * again with the first rating beside each row. Screenshots in target/screenshots/deciders.
 */
@ServiceCharterTest
class RatingFormBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/deciders");

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.ManagementService managementService;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlanReviews reviews;
    @Autowired PlanReviewProperties properties;

    WebDriver browser;
    WebDriverWait wait;
    PlanReviewFixtures fixtures;
    ProcessInstance pi;
    ProcessInstance again;

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
        for (ProcessInstance instance : java.util.Arrays.asList(pi, again)) {
            if (instance != null && runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
                runtimeService.deleteProcessInstance(instance.getId(), "test over");
            }
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

    @Test
    void theManagerRatesTheServiceElementTableRowByRowAndRatesItAgainBesideTheFirstRating() throws Exception {
        ReviewPeriod q = ReviewPeriod.parse("2085-Q1");
        pi = runtimeService.createMessageCorrelation(MESSAGE_REVIEW_REQUESTED).setVariable(VAR_PERIOD, q.label())
                .setVariable(VAR_STARTED_BY, "maria").correlateStartMessage();
        // the research round closes with its window's timer (issue 19.1); nobody was interviewed, so no element of its own
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(RESEARCH_WINDOW_CLOSED).singleResult().getId());
        Task table = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(RATE_SERVICE_ELEMENTS).singleResult();
        List<String> configured = properties.serviceElements();

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + table.getId());
        Chromium.logInOnTheForm(browser, "maria");
        Chromium.openTask(browser, port, table.getId(), "Field_Element1Importance");
        // one row per configured element, pre-filled; one free row for an element the customers named; no more
        for (int slot = 1; slot <= configured.size(); slot++) {
            assertThat(browser.findElement(Chromium.field("Field_Element" + slot + "Name")).getAttribute("value"))
                    .isEqualTo(configured.get(slot - 1));
        }
        assertThat(browser.findElement(Chromium.field("Field_ResearchSummary")).getAttribute("value"))
                .as("the research round's summary beside the table").startsWith("Research survey: ");
        int extra = configured.size() + 1;
        assertThat(browser.findElements(Chromium.field("Field_Element" + extra + "Name"))).hasSize(1);
        assertThat(browser.findElements(Chromium.field("Field_Element" + extra + "Importance"))).as("no name, no figures").isEmpty();
        assertThat(browser.findElements(Chromium.field("Field_Element" + (extra + 1) + "Name"))).isEmpty();
        for (int slot = 1; slot <= configured.size(); slot++) {
            boolean firstContact = configured.get(slot - 1).startsWith("Complaint resolved");
            typeInto("Field_Element" + slot + "Importance", firstContact ? "4" : "3");
            typeInto("Field_Element" + slot + "Rating", firstContact ? "2" : "4");
        }
        // a number out of range is shown as wrong in the form itself
        typeInto("Field_Element1Rating", "7");
        wait.until(d -> Chromium.visibleText(d, ".task-details").contains("5"));
        assertThat(browser.findElement(By.cssSelector(".task-details")).getText()).containsPattern("(?i)maximum value of 5|must be .*5");
        typeInto("Field_Element1Rating", "4");
        // the customers' element: typed as a person types, right after a number field
        org.openqa.selenium.WebElement name = browser.findElement(Chromium.field("Field_Element" + extra + "Name"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", name);
        name.click();
        Chromium.typeSlowly(name, "Callback within a day", 120);
        wait.until(ExpectedConditions.presenceOfElementLocated(Chromium.field("Field_Element" + extra + "Importance")));
        typeInto("Field_Element" + extra + "Importance", "5");
        typeInto("Field_Element" + extra + "Rating", "1");
        Chromium.screenshot(browser, SCREENSHOTS, "4-service-element-table-rated-row-by-row");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(table.getId()).count() == 0, "the table rated");

        List<ServiceElementTable.Row> stored = List.of(reviews.read(reviews.find(q.label()).orElseThrow().serviceElements(),
                ServiceElementTable.Row[].class));
        assertThat(stored).hasSize(configured.size() + 1);
        assertThat(stored.get(0)).isEqualTo(new ServiceElementTable.Row("Callback within a day", 5, 1, 4, 20, true));
        assertThat(stored.get(1)).isEqualTo(new ServiceElementTable.Row("Complaint resolved at first contact", 4, 2, 3, 12, true));
        assertThat(stored).filteredOn(r -> !r.weakest()).allSatisfy(r -> assertThat(r.weight()).isEqualTo(3));

        // the same table again after the strategies were re-measured (the model brought straight to that task)
        again = runtimeService.createProcessInstanceByKey(PROCESS_KEY).businessKey(q.label() + "-again")
                .setVariable(VAR_PERIOD, q.label()).setVariable(VAR_YEARLY, false)
                .setVariable(VAR_COMPARISON_SUMMARY, "Strategy 1 (Callback within a day → training programme), re-measured 2 months after it was implemented:\ncomplaints: 6.0 → 3.0 (improved)")
                .startBeforeActivity(RATE_SERVICE_ELEMENTS_AGAIN).execute();
        Task rateAgain = taskService.createTaskQuery().processInstanceId(again.getId()).taskDefinitionKey(RATE_SERVICE_ELEMENTS_AGAIN).singleResult();
        Chromium.openTask(browser, port, rateAgain.getId(), "Field_Element1Rating");
        assertThat(browser.findElement(Chromium.field("Field_Element1Name")).getAttribute("value")).isEqualTo("Callback within a day");
        assertThat(browser.findElement(Chromium.field("Field_Element1Importance")).getAttribute("value")).isEqualTo("5");
        assertThat(browser.findElement(Chromium.field("Field_Element1Before")).getAttribute("value"))
                .isEqualTo("5, 1, 20");
        assertThat(browser.findElement(Chromium.field("Field_StrategyComparisons")).getAttribute("value")).contains("complaints: 6.0 → 3.0 (improved)");
        for (int slot = 1; slot <= stored.size(); slot++) {
            typeInto("Field_Element" + slot + "Rating", slot == 1 ? "4" : String.valueOf(stored.get(slot - 1).rating()));
        }
        Chromium.screenshot(browser, SCREENSHOTS, "5-service-element-table-rated-again-beside-the-first-rating");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(rateAgain.getId()).count() == 0, "the table rated again");
        ServiceElementTable.RowChange[] changes = reviews.read(reviews.find(q.label()).orElseThrow().serviceElementComparison(),
                ServiceElementTable.RowChange[].class);
        assertThat(changes[0]).isEqualTo(new ServiceElementTable.RowChange("Callback within a day", 5, 5, 1, 4, 20, 5, 3, "improved"));
        assertThat(List.of(changes).subList(1, changes.length)).allSatisfy(c -> assertThat(c.change()).isEqualTo("unchanged"));
    }

    /** Replaces a field's value as a person does: click, select all, type. */
    private void typeInto(String fieldId, String text) throws InterruptedException {
        org.openqa.selenium.WebElement input = browser.findElement(Chromium.field(fieldId));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
        Chromium.typeSlowly(input, text, 120);
        Thread.sleep(300);
    }
}
