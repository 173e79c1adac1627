package org.servicecharter.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * Forms lose nothing: in every form under forms/ where a person types a number and then a text (request-approval,
 * decide-approval-request, handle-complaint), a person types at human speed in Tasklist — the number, then straight
 * into the text field, no pause — submits, and the engine stored exactly what was typed. Tasklist's form renderer
 * (form-js) applies a field's change only after a 300 ms debounce and then renders the whole form from its state,
 * which used to put the text field back to its older value: "Charged tw" of a goodwill reason was gone. One
 * browser for the three forms; screenshots in target/screenshots/typing.
 */
@ServiceCharterTest
class FormTypingBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/typing");
    /** A person's pace: well under the renderer's 300 ms debounce, never a pause. */
    static final long MILLIS_PER_KEY = 60;

    static WebDriver browser;
    static WebDriverWait wait;

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(1400, 1400);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    /** The start form "Ask for a decision": the amount, then the reason. */
    @Test
    void theStartFormKeepsTheReasonTypedRightAfterTheAmount() throws Exception {
        Date before = new Date(System.currentTimeMillis() - 1000);
        logIn("alice", "");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))).click();
        Chromium.typeSlowly(wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".modal-dialog input[ng-model='page.searchValue']"))), "Decision approval", 20);
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ul[contains(@class,'processes')]//a[normalize-space(.)='Decision approval']"))).click();
        choose(".modal-dialog", "Field_RequestType", "Refund to the customer");

        String amount = "300";
        String reason = "Charged twice for the same order; the customer waited three weeks for the refund.";
        String complaint = "C-2026-7KQ2M9XD";
        type(field(".modal-dialog", "input", "Field_RequestAmount"), amount);
        type(field(".modal-dialog", "textarea", "Field_RequestReason"), reason);
        type(field(".modal-dialog", "input", "Field_RequestComplaintReference"), complaint);
        Chromium.screenshot(browser, SCREENSHOTS, "1-start-form-typed");
        browser.findElement(By.cssSelector(".modal-dialog button[ng-click='startProcessInstance()']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));

        // found by its complaint reference: the complaint test's goodwill request is alice's too, and may start now
        Chromium.waitUntil(() -> started("alice", before, complaint) != null, "alice's request is started from Tasklist");
        HistoricProcessInstance instance = started("alice", before, complaint);
        assertStored(instance.getId(), "reason", reason);
        assertStored(instance.getId(), "complaintReference", complaint);
        assertNumberStored(instance.getId(), "amount", amount);
        Chromium.screenshot(browser, SCREENSHOTS, "1-start-form-submitted");
    }

    /** The decision form: the approved amount, then the reason; then the recognition's note. */
    @Test
    void theDecisionFormKeepsTheReasonTypedRightAfterTheApprovedAmount() throws Exception {
        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("type", "refund");
        ask.put("amount", 300);
        ask.put("currency", "EUR");
        ask.put("reason", "Charged twice for the same order.");
        Http.Response asked = Http.as(port, "alice").post("/api/approvals", ask);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(asked.json().get("id").asText()).singleResult();
        taskService.claim(task.getId(), "sam");

        logIn("sam", "#/?task=" + task.getId());
        WebElement approve = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".task-details input[type=radio][id$='-Field_Decision-0']")));
        click(approve);
        Chromium.waitUntil(approve::isSelected, "Approve stays chosen");

        String approved = "250.50";
        String reason = "Charged twice; half the delivery fee was ours to carry, the rest is refunded in full.";
        type(field(".task-details", "input", "Field_ApprovedAmount"), approved);
        type(field(".task-details", "textarea", "Field_DecisionReason"), reason);
        WebElement recognise = field(".task-details", "input", "Field_RecogniseRequester");
        click(recognise);
        Chromium.waitUntil(recognise::isSelected, "the recognition tick stays ticked after the reason was typed");
        String note = "Asked in time and said exactly why.";
        type(field(".task-details", "input", "Field_RecognitionNote"), note);
        Chromium.screenshot(browser, SCREENSHOTS, "2-decision-form-typed");
        complete();

        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(task.getId()).count() == 0, "sam completes the decision");
        leftTheList(task);
        assertStored(task.getProcessInstanceId(), "decisionReason", reason);
        assertStored(task.getProcessInstanceId(), "recognitionNote", note);
        assertNumberStored(task.getProcessInstanceId(), "approvedAmount", approved);
        Chromium.screenshot(browser, SCREENSHOTS, "2-decision-form-completed");
    }

    /** The complaint form: the resolution, then the goodwill amount, then straight into its reason. */
    @Test
    void theComplaintFormKeepsTheGoodwillReasonTypedRightAfterTheAmount() throws Exception {
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("customerName", "Carla Customer");
        complaint.put("customerEmail", "carla@example.com");
        complaint.put("channel", "email");
        complaint.put("category", "billing");
        complaint.put("description", "I was charged twice for order ORD-1001 and nobody called me back.");
        complaint.put("orderReference", "ORD-1001");
        Http.Response filed = Http.anonymous(port).post("/api/complaints", complaint);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(filed.json().get("reference").asText())
                .taskDefinitionKey("Task_HandleComplaint").singleResult();
        taskService.claim(task.getId(), "alice");

        logIn("alice", "#/?task=" + task.getId());
        WebElement contacted = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".task-details input[id$='-Field_CustomerContacted']")));
        click(contacted);
        click(field(".task-details", "input", "Field_Apologised"));
        String resolution = "Refunded the second charge and apologised on the phone.";
        type(field(".task-details", "textarea", "Field_Resolution"), resolution);
        WebElement goodwill = field(".task-details", "input", "Field_GoodwillProposed");
        click(goodwill);
        Chromium.waitUntil(goodwill::isSelected, "the goodwill tick stays ticked after the resolution was typed");

        String amount = "42.50";
        String reason = "Charged twice and promised call-backs never happened.";
        type(field(".task-details", "input", "Field_GoodwillAmount"), amount);
        type(field(".task-details", "input", "Field_GoodwillReason"), reason);
        showFromTheStart(field(".task-details", "input", "Field_GoodwillReason"));
        Chromium.screenshot(browser, SCREENSHOTS, "3-complaint-form-typed");
        complete();

        Chromium.waitUntil(() -> taskService.createTaskQuery().taskId(task.getId()).count() == 0, "alice completes the complaint");
        leftTheList(task);
        assertStored(task.getProcessInstanceId(), "resolution", resolution);
        assertStored(task.getProcessInstanceId(), "goodwillReason", reason);
        assertNumberStored(task.getProcessInstanceId(), "goodwillAmount", amount);
        Chromium.screenshot(browser, SCREENSHOTS, "3-complaint-form-completed");
    }

    /** A fresh session as the user, on Tasklist's page given by the fragment. */
    private void logIn(String user, String fragment) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/" + fragment);
        Chromium.logInOnTheForm(browser, user);
    }

    /** A form-js field by its id in the form (form-js prefixes the form's). */
    private WebElement field(String container, String tag, String id) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(container + " " + tag + "[id$='-" + id + "']")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    /** Clicks into the field as a person would and types without a pause: no wait between one field and the next. */
    private void type(WebElement field, String text) throws InterruptedException {
        wait.until(ExpectedConditions.elementToBeClickable(field)).click();
        Chromium.typeSlowly(field, text, MILLIS_PER_KEY);
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** A form-js select: opens its list and picks the option. */
    private void choose(String container, String id, String label) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(container + " [id$='-" + id + "-display']"))));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + label + "']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(container + " [id$='-" + id + "-display']"), label));
    }

    /** A single-line field scrolls to its end while typed into: back to its start, for the screenshot. */
    private void showFromTheStart(WebElement field) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollLeft = 0;", field);
    }

    /** Tasklist took the completed task off the list (the screenshot shows the page after completion). */
    private void leftTheList(Task task) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("a[href='#/?task=" + task.getId() + "']")));
    }

    private void complete() {
        WebElement complete = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-details .form-actions button.btn-primary")));
        click(complete);
    }

    private HistoricProcessInstance started(String user, Date after, String complaintReference) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("decision-approval").startedBy(user)
                .startedAfter(after).variableValueEquals("complaintReference", complaintReference).list().stream()
                .findFirst().orElse(null);
    }

    private void assertStored(String instanceId, String name, String typed) {
        assertThat(variable(instanceId, name).getValue()).as("%s as stored, against what was typed", name).isEqualTo(typed);
    }

    private void assertNumberStored(String instanceId, String name, String typed) {
        Object stored = variable(instanceId, name).getValue();
        assertThat(stored).as(name).isInstanceOf(Number.class);
        assertThat(new BigDecimal(stored.toString())).as("%s as stored, against what was typed", name)
                .isEqualByComparingTo(new BigDecimal(typed));
    }

    private HistoricVariableInstance variable(String instanceId, String name) {
        HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName(name).list().stream().findFirst().orElse(null);
        assertThat(variable).as("the variable %s of instance %s", name, instanceId).isNotNull();
        return variable;
    }
}
