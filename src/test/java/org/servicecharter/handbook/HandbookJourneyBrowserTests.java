package org.servicecharter.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.Chromium.choose;
import static org.servicecharter.Chromium.fillIn;
import static org.servicecharter.Chromium.technicalWords;
import static org.servicecharter.Chromium.tick;
import static org.servicecharter.Chromium.visibleText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
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
import org.servicecharter.Pdfs;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.employeefile.EmployeeFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The handbook journey walked in Chromium as the demo users: olga publishes a version by uploading its PDF on the HR
 * page, alice signs in Tasklist, bob declines with a reason, sam (bob's manager) holds the conversation, and hana reads
 * the sign-off status. Screenshots in target/screenshots/journeys/handbook.
 */
@ServiceCharterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandbookJourneyBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/journeys/handbook");

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;
    @Autowired HistoryService historyService;
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
    void olgaPublishesHenryApprovesAliceSignsBobDeclinesSamTalksWithHimAndBobSigns() throws Exception {
        String version = HandbookFixtures.uniqueVersion();
        String title = "Customer-service handbook " + version;
        Path pdf = Files.createTempFile("handbook", ".pdf");
        Files.write(pdf, Pdfs.withText(title));

        // olga publishes the version on the HR page by uploading its PDF
        Chromium.tasklistAs(browser, port, "olga");
        browser.get("http://localhost:" + port + "/hr/handbooks");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publish")));
        browser.findElement(By.id("version")).sendKeys(version);
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("deadline")).sendKeys(LocalDate.now().plusDays(21).format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        browser.findElement(By.id("rules")).sendKeys("Greet every customer within a minute. Never promise what you cannot keep.");
        browser.findElement(By.id("document")).sendKeys(pdf.toAbsolutePath().toString());
        Thread.sleep(400);
        shot("01-olga-publishes-the-version");
        browser.findElement(By.cssSelector("#publish button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Handbook " + version + " sign-off"));
        assertThat(visibleText(browser, "main")).contains(title, "Awaiting the head of service's approval");
        assertThat(Chromium.policyViolations(browser)).isEmpty();
        shot("02-the-version-awaits-approval");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(HandbookProcess.businessKey(version, "alice")).count())
                .as("nobody is asked to sign before the head of service approves").isZero();

        // henry, the head of service, approves it in Tasklist
        Chromium.waitUntil(() -> HandbookFixtures.approvalTask(processEngine, version) != null, "the approval task");
        Task approval = HandbookFixtures.approvalTask(processEngine, version);
        Chromium.tasklistAs(browser, port, "henry");
        Chromium.openTask(browser, port, approval.getId(), "Field_ApproveTitle");
        wait.until(d -> visibleText(d, ".task-details").contains("Approve the handbook version"));
        String approveForm = visibleText(browser, ".task-details");
        assertThat(approveForm).contains(version, "open the document");
        assertThat(technicalWords(approveForm)).as("technical words on the approval form").isEmpty();
        assertThat(browser.findElement(By.linkText("open the document")).getAttribute("href"))
                .isEqualTo("http://localhost:" + port + "/api/handbooks/" + version + "/document");
        choose(browser, "Field_ApprovalDecision", 0);
        shot("03-henry-approves-the-version");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(approval.getId()).count() == 0, "henry approved");

        // alice signs in Tasklist
        Task aliceSigns = signOff(version, "alice");
        Chromium.tasklistAs(browser, port, "alice");
        Chromium.assertNoVendorBanner(browser);
        Chromium.openTask(browser, port, aliceSigns.getId(), "Field_SignStatement");
        wait.until(d -> visibleText(d, ".task-details").contains(title));
        String signForm = visibleText(browser, ".task-details");
        assertThat(signForm).contains(version, "Greet every customer within a minute");
        assertThat(technicalWords(signForm)).as("technical words on the sign-off form").isEmpty();
        choose(browser, "Field_Decision", 0);
        tick(browser, "Field_Acknowledged");
        shot("04-alice-signs");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(aliceSigns.getId()).count() == 0, "alice signed");
        assertThat(employeeFile.entriesOf("alice")).anySatisfy(entry -> {
            assertThat(entry.recordType()).isEqualTo(HandbookProcess.RECORD_HANDBOOK_ACKNOWLEDGEMENT);
            assertThat(entry.summary() + " " + entry.subjectReference()).contains(version);
        });

        // bob declines, with his reason
        Task bobDeclines = signOff(version, "bob");
        Chromium.tasklistAs(browser, port, "bob");
        Chromium.openTask(browser, port, bobDeclines.getId(), "Field_SignStatement");
        choose(browser, "Field_Decision", 1);
        wait.until(ExpectedConditions.presenceOfElementLocated(Chromium.field("Field_DeclineReason")));
        String reason = "Rule 2 conflicts with the on-call policy.";
        fillIn(browser, "Field_DeclineReason", reason);
        shot("05-bob-declines");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(bobDeclines.getId()).count() == 0, "bob declined");
        assertThat(employeeFile.entriesOf("bob")).anySatisfy(entry -> {
            assertThat(entry.recordType()).isEqualTo(HandbookProcess.RECORD_HANDBOOK_DECLINED);
            assertThat(entry.summary() + " " + entry.subjectReference()).contains(version);
            assertThat(entry.details()).contains(reason);
        });

        // sam, bob's manager, talks with him and records the outcome
        Task talk = taskService.createTaskQuery().taskDefinitionKey(HandbookProcess.DISCUSS_DECLINED)
                .processInstanceBusinessKey(HandbookProcess.businessKey(version, "bob")).singleResult();
        assertThat(talk).as("the conversation task for bob's manager").isNotNull();
        assertThat(talk.getAssignee()).isEqualTo("sam");
        Chromium.tasklistAs(browser, port, "sam");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"),
                "Talk with the employee about the declined handbook"));
        Chromium.openTask(browser, port, talk.getId(), "Field_ConversationNote");
        wait.until(d -> visibleText(d, ".task-details").contains(reason));
        String talkForm = visibleText(browser, ".task-details");
        assertThat(talkForm).contains(version, "Bob Agent");
        assertThat(browser.findElement(Chromium.field("Field_DiscussEmployee")).getAttribute("value")).isEqualTo("Bob Agent");
        assertThat(technicalWords(talkForm)).as("technical words on the conversation form").isEmpty();
        String note = "Talked with Bob: the on-call rule takes precedence over rule 2 at night; he will sign.";
        choose(browser, "Field_ConversationOutcome", 0);
        fillIn(browser, "Field_ConversationNote", note);
        shot("06-sam-talks-with-bob");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(talk.getId()).count() == 0, "sam recorded the conversation");
        assertThat(employeeFile.entriesOf("bob")).anySatisfy(entry -> {
            assertThat(entry.recordType()).isEqualTo(HandbookProcess.RECORD_HANDBOOK_WILL_SIGN);
            assertThat(entry.subjectReference()).isEqualTo(version);
            assertThat(entry.details()).isEqualTo(note);
            assertThat(entry.recordedBy()).isEqualTo("sam");
        });

        // bob signs the same version after all
        Task bobSigns = signOff(version, "bob");
        Chromium.tasklistAs(browser, port, "bob");
        Chromium.openTask(browser, port, bobSigns.getId(), "Field_SignStatement");
        wait.until(d -> visibleText(d, ".task-details").contains(title));
        choose(browser, "Field_Decision", 0);
        tick(browser, "Field_Acknowledged");
        shot("07-bob-signs-after-the-talk");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(bobSigns.getId()).count() == 0, "bob signed");
        assertThat(employeeFile.find(HandbookProcess.answerKey(version, "bob"))).get()
                .extracting(e -> e.recordType()).isEqualTo(HandbookProcess.RECORD_HANDBOOK_ACKNOWLEDGEMENT);

        // hana reads who signed and who declined
        Chromium.tasklistAs(browser, port, "hana");
        browser.get("http://localhost:" + port + "/hr/handbooks/" + version);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Handbook " + version + " sign-off"));
        String status = visibleText(browser, "main");
        assertThat(status).contains("approved by Henry Head-of-Service", "Bob Agent", "Alice Agent").doesNotContain("Declined (");
        String signed = status.substring(status.indexOf("Signed ("));
        assertThat(signed).contains("Alice Agent", "Bob Agent");
        assertThat(technicalWords(status)).as("technical words on the status page").isEmpty();
        assertThat(Chromium.policyViolations(browser)).isEmpty();
        shot("08-hana-reads-the-status");
    }

    private Task signOff(String version, String employee) throws InterruptedException {
        Chromium.waitUntil(() -> taskService.createTaskQuery().processInstanceBusinessKey(HandbookProcess.businessKey(version, employee))
                .taskDefinitionKey(HandbookProcess.SIGN_HANDBOOK).count() == 1, employee + "'s sign-off task");
        return taskService.createTaskQuery().processInstanceBusinessKey(HandbookProcess.businessKey(version, employee))
                .taskDefinitionKey(HandbookProcess.SIGN_HANDBOOK).singleResult();
    }

    private void shot(String name) throws Exception {
        Chromium.screenshot(browser, SCREENSHOTS, name);
    }
}
