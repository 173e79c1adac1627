package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.Chromium.choose;
import static org.servicecharter.Chromium.fillIn;
import static org.servicecharter.Chromium.technicalWords;
import static org.servicecharter.Chromium.tick;
import static org.servicecharter.Chromium.visibleText;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.approval.ApprovalProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The complaint journey walked in Chromium as the demo users: a customer files a complaint, alice handles it in
 * Tasklist and proposes a goodwill gesture, sam and maria pass it up, henry approves less than asked, the customer
 * answers the survey on the page from the mail, and audrey finds the complaint on the audit pages and opens its trail.
 * Screenshots in target/screenshots/journeys/complaint and target/screenshots/journeys/audit.
 */
@ServiceCharterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintJourneyBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/journeys/complaint");
    static final Path AUDIT_SCREENSHOTS = Paths.get("target/screenshots/journeys/audit");

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired CustomerMessages customerMessages;
    @Autowired ComplaintRegister register;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        browser = Chromium.start(1400, 1400);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stopBrowser() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void aComplaintFromIntakeThroughTheGoodwillTiersToTheSurveyAndTheAuditTrail() throws Exception {
        // the customer files the complaint (public intake, no login)
        Map<String, Object> complaint = new LinkedHashMap<>(ComplaintFixtures.validComplaint());
        complaint.put("customerName", "Carla Journey");
        Http.Response filed = Http.anonymous(port).post("/api/complaints", complaint);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String reference = filed.json().get("reference").asText();
        Task handle = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(ComplaintProcess.HANDLE_COMPLAINT).singleResult();

        // alice claims and handles it in Tasklist, proposing a goodwill gesture of 200 EUR (the supervisors' tier)
        Chromium.tasklistAs(browser, port, "alice");
        Chromium.assertNoVendorBanner(browser);
        Chromium.openTask(browser, port, handle.getId(), "Field_Resolution");
        wait.until(d -> Chromium.visibleText(d, ".task-details").contains("Carla Journey"));
        String handleForm = visibleText(browser, ".task-details");
        assertThat(handleForm).contains(reference, "Carla Journey", "Delivery", "two weeks late", "ORD-1001");
        assertThat(technicalWords(handleForm)).as("technical words on the handling form").isEmpty();
        shot(SCREENSHOTS, "01-alice-opens-the-complaint");
        tick(browser, "Field_CustomerContacted");
        tick(browser, "Field_Apologised");
        String resolution = "Called Carla, apologised for the late parcel and offered a voucher for the next order.";
        fillIn(browser, "Field_Resolution", resolution);
        tick(browser, "Field_GoodwillProposed");
        wait.until(ExpectedConditions.presenceOfElementLocated(Chromium.field("Field_GoodwillAmount")));
        fillIn(browser, "Field_GoodwillAmount", "200");
        String goodwillReason = "Two weeks late and three unanswered calls.";
        fillIn(browser, "Field_GoodwillReason", goodwillReason);
        shot(SCREENSHOTS, "02-alice-resolves-and-proposes-goodwill");
        Chromium.complete(browser);
        Chromium.waitUntil(() -> runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(handle.getProcessInstanceId()).count() == 1, "the goodwill request is asked for");
        String request = runtimeService.createProcessInstanceQuery().superProcessInstanceId(handle.getProcessInstanceId())
                .singleResult().getBusinessKey();
        ComplaintRegister.Entry resolved = register.find(reference).orElseThrow();
        assertThat(resolved.resolution()).isEqualTo(resolution);
        assertThat(resolved.resolvedBy()).isEqualTo("alice");
        assertThat(runtimeService.getVariable(handle.getProcessInstanceId(), ComplaintProcess.VAR_GOODWILL_REASON))
                .isEqualTo(goodwillReason);

        // the approvers: sam (supervisor) and maria (manager) pass it up, henry (head of service) approves 150
        decide("sam", request, reference, "03-sam-supervisor", "Supervisor", "", d -> {
            choose(browser, "Field_Decision", 2);
            fillIn(browser, "Field_DecisionReason", "A voucher of this size for a delivery delay is the manager's call.");
        });
        decide("maria", request, reference, "04-maria-manager", "Manager", "Passed up by Sam Supervisor at the supervisor tier", d -> {
            choose(browser, "Field_Decision", 2);
            fillIn(browser, "Field_DecisionReason", "The carrier contract is under review; the head of service decides.");
        });
        decide("henry", request, reference, "05-henry-head-of-service", "Head of service", "Passed up by Maria Manager at the manager tier", d -> {
            choose(browser, "Field_Decision", 0);
            wait.until(ExpectedConditions.presenceOfElementLocated(Chromium.field("Field_ApprovedAmount")));
            fillIn(browser, "Field_ApprovedAmount", "150");
            fillIn(browser, "Field_DecisionReason", "Half of the delay was the carrier's; 150 is fair.");
        });
        Chromium.waitUntil(() -> register.find(reference).orElseThrow().goodwillOutcome() != null, "the goodwill outcome is recorded");
        ComplaintRegister.Entry decided = register.find(reference).orElseThrow();
        assertThat(decided.goodwillApprovedAmount()).isEqualByComparingTo(new BigDecimal("150"));
        assertThat(decided.goodwillDecidedBy()).isEqualTo("henry");
        assertThat(decided.goodwillAmount()).isEqualByComparingTo("200");
        assertThat(decided.goodwillReason()).isEqualTo(goodwillReason);
        assertThat(decided.goodwillApprovalRequest()).isEqualTo(request);

        // the survey mail goes out; the customer answers on the page behind its link
        managementService.executeJob(managementService.createJobQuery().processInstanceId(handle.getProcessInstanceId())
                .activityId(ComplaintProcess.SEND_SURVEY).singleResult().getId());
        String link = customerMessages.forReference(reference).stream().filter(m -> m.body().contains("/survey/"))
                .findFirst().orElseThrow().body().replaceAll("(?s).*(/survey/[A-Za-z0-9_-]{43}).*", "$1");
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + link);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reference"), reference));
        browser.findElement(By.cssSelector("input[name=rating][value='5']")).click();
        String comment = "Alice was kind and the voucher arrived the same day.";
        browser.findElement(By.id("comment")).sendKeys(comment);
        Thread.sleep(400);
        shot(SCREENSHOTS, "06-customer-answers-the-survey");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Thank you for your answer."));
        shot(SCREENSHOTS, "07-customer-thanked");
        assertThat(Chromium.policyViolations(browser)).isEmpty();
        ComplaintRegister.Entry answered = register.find(reference).orElseThrow();
        assertThat(answered.surveyRating()).isEqualTo(5);
        assertThat(answered.surveyComment()).isEqualTo(comment);
        assertThat(answered.surveyResolved()).isTrue();
        assertThat(answered.status()).isEqualTo("CLOSED");

        // audrey finds the complaint and its goodwill request on the audit pages and opens the complaint's trail
        Chromium.tasklistAs(browser, port, "audrey");
        browser.get("http://localhost:" + port + "/audit/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("businessKey"))).sendKeys(reference);
        new Select(browser.findElement(By.name("state"))).selectByVisibleText("finished");
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(reference)));
        Thread.sleep(500);
        String results = visibleText(browser, "#results");
        assertThat(results).contains("Complaint handling");
        shot(AUDIT_SCREENSHOTS, "01-audrey-finds-the-complaint");
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.linkText(reference)).click();
            return true;
        });
        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("timeline")), "data-loaded"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram[data-rendered=true]")));
        String trail = visibleText(browser, "main");
        assertThat(trail).contains("Contact customer, apologise and resolve", "Instance ended (COMPLETED)");
        shot(AUDIT_SCREENSHOTS, "02-audrey-opens-the-trail");
        assertThat(Chromium.policyViolations(browser)).isEmpty();
    }

    interface Form {
        void fill(WebDriver browser) throws Exception;
    }

    private void decide(String approver, String request, String reference, String shot, String tier, String whyHere, Form form) throws Exception {
        Chromium.waitUntil(() -> taskService.createTaskQuery().processInstanceBusinessKey(request)
                .taskDefinitionKey(ApprovalProcess.DECIDE_REQUEST).taskCandidateUser(approver).count() == 1,
                "the request is offered to " + approver);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(request)
                .taskDefinitionKey(ApprovalProcess.DECIDE_REQUEST).singleResult();
        Chromium.tasklistAs(browser, port, approver);
        Chromium.assertNoVendorBanner(browser);
        Chromium.showFilter(browser, "Offered to me", "Approve, reject or pass up");
        // this request's card (other tests leave tasks of their own in the shared lists)
        String card = wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.xpath(
                "//ol[contains(@class,'tasks-list')]/li[.//a[@href='#/?task=" + task.getId() + "']]"))).getText();
        assertThat(technicalWords(card)).as("%s's card of the request", approver).isEmpty();
        Chromium.openTask(browser, port, task.getId(), "Field_DecisionReason");
        wait.until(d -> visibleText(d, ".task-details").contains(reference));
        String shown = visibleText(browser, ".task-details");
        assertThat(shown).contains("Goodwill gesture", tier, "200", "Called Carla, apologised", "Alice Agent", whyHere);
        assertThat(browser.findElement(Chromium.field("Field_DecideRequester")).getAttribute("value")).as("asked for by: a name")
                .isEqualTo("Alice Agent");
        wait.until(d -> visibleText(d, ".tasks-list").contains("Alice Agent"));
        assertThat(technicalWords(shown)).as("technical words on %s's decision form", approver).isEmpty();
        form.fill(browser);
        shot(SCREENSHOTS, shot);
        Chromium.complete(browser);
        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(task.getId()).count() == 0, approver + " decided");
    }

    private void shot(Path directory, String name) throws Exception {
        Chromium.screenshot(browser, directory, name);
    }
}
