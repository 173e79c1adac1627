package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * "Correct a complaint's facts" as a supervisor meets it: sam logs in to Tasklist in Debian's headless Chromium, finds
 * the procedure under "Start process", sees the field for the new value appear with his choice, names someone who is not
 * an employee and reads the refusal in Tasklist, then names the right employee and starts it. Screenshots of every step
 * are kept under {@code target/screenshots/complaint-correction/}.
 */
@ServiceCharterTest
class ComplaintCorrectionBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/complaint-correction");
    static final long MILLIS_PER_KEY = 50;
    static final String NAME = "Correct a complaint's facts";

    @LocalServerPort int port;
    @Autowired ComplaintRegister register;

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
    void samCorrectsWhoAComplaintIsAboutFromTasklistsStartForm() throws Exception {
        Http.Response filed = Http.anonymous(port).post("/api/complaints", ComplaintFixtures.with("aboutEmployee", "bob"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String reference = filed.json().get("reference").asText();

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        typeSlowly(user, "sam");
        typeSlowly(browser.findElement(By.cssSelector("input[ng-model=password]")), "sam");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))).click();
        typeSlowly(wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".modal-dialog input[ng-model='page.searchValue']"))), "Correct");
        WebElement listed = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ul[contains(@class,'processes')]//a[normalize-space(.)=\"" + NAME + "\"]")));
        screenshot("1-start-list");
        listed.click();

        typeSlowly(field("input", "Field_CorrectionReference"), reference);
        assertThat(browser.findElements(By.cssSelector(".modal-dialog input[id$='-Field_CorrectionEmployee']")))
                .as("the field for the new value appears with the choice").isEmpty();
        choose("it is about another employee");
        WebElement employee = field("input", "Field_CorrectionEmployee");
        assertThat(browser.findElements(By.cssSelector(".modal-dialog input[id$='-Field_CorrectionEmail']"))).isEmpty();
        typeSlowly(employee, "alicia");
        typeSlowly(field("textarea", "Field_CorrectionReason"), "The rota shows alice at the counter that day.");
        screenshot("2-start-form-filled");

        // someone who is not an employee: Tasklist shows the refusal, the form stays open, nothing changed
        startButton().click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(normalize-space(.),'There is no employee alicia.') and not(*[contains(normalize-space(.),'There is no employee alicia.')])]")));
        screenshot("3-refused-unknown-employee");
        assertThat(register.aboutEmployee(reference)).isEqualTo("bob");

        employee.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        typeSlowly(employee, "alice");
        screenshot("4-start-form-corrected");
        startButton().click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
        screenshot("5-started");

        assertThat(register.aboutEmployee(reference)).isEqualTo("alice");
        assertThat(register.corrections(reference)).singleElement().satisfies(c -> {
            assertThat(c.correctedBy()).isEqualTo("sam");
            assertThat(c.oldValue()).isEqualTo("bob");
            assertThat(c.reason()).isEqualTo("The rota shows alice at the counter that day.");
        });
    }

    private WebElement field(String tag, String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog " + tag + "[id$='-" + id + "']")));
    }

    private void choose(String label) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'fjs-form-field-radio')]//label[contains(normalize-space(.),'" + label + "')]"))).click();
    }

    private WebElement startButton() {
        return wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".modal-dialog button[ng-click='startProcessInstance()']")));
    }

    private static void typeSlowly(WebElement field, String text) throws InterruptedException {
        Chromium.typeSlowly(field, text, MILLIS_PER_KEY);
    }

    private void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, SCREENSHOTS, name);
    }
}
