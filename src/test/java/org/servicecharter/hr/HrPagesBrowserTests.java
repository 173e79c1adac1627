package org.servicecharter.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.Http;
import org.servicecharter.Newcomers;
import org.servicecharter.Pdfs;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry;
import org.servicecharter.handbook.HandbookFixtures;
import org.servicecharter.identity.ReportingLines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What HR sees, in Chromium: hana logs in to Tasklist, then opens an employee's file and a handbook version's
 * sign-off status. Screenshots in target/screenshots/hr.
 */
@ServiceCharterTest
class HrPagesBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/hr");

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired ReportingLines reportingLines;
    @Autowired EmployeeFile employeeFile;
    @Autowired org.camunda.bpm.engine.TaskService taskService;
    @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = Chromium.start(1200, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void hrReadsAnEmployeeFileAndAHandbooksSignOffStatus() throws Exception {
        String employee = Newcomers.agentReportingTo(identityService, reportingLines, "hrb", "sam");
        User user = identityService.createUserQuery().userId(employee).singleResult();
        user.setFirstName("Nadia");
        user.setLastName("Novak");
        identityService.saveUser(user);
        String version = HandbookFixtures.uniqueVersion();
        Http.Response published = Http.as(port, "olga").post("/api/handbooks",
                HandbookFixtures.publishRequest(version, HandbookFixtures.document(), HandbookFixtures.inDays(21)));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        HandbookFixtures.approve(processEngine, version);
        assertThat(Http.as(port, employee).post("/api/handbooks/" + version + "/sign-off",
                Map.of("decision", "sign", "acknowledged", true)).status()).isEqualTo(201);
        assertThat(Http.as(port, "bob").post("/api/handbooks/" + version + "/sign-off",
                Map.of("decision", "decline", "reason", "Rule 4 contradicts the refund policy P-7.")).status()).isEqualTo(201);
        employeeFile.append(new EmployeeFileEntry.NewEntry(employee, "recognition",
                "Recognised by Maria for a good decision: the refund of 80.00 EUR for complaint C-2026-0042.", "AP-17", null,
                "Calm and quick with an upset customer.", "maria", null, "hr-browser:" + employee));

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys("hana");
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("hana");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=password]")));

        browser.get("http://localhost:" + port + "/hr/employees/" + employee);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Employee file: Nadia Novak"));
        String file = browser.findElement(By.tagName("main")).getText();
        assertThat(file).contains("Recognised by Maria for a good decision").contains("Calm and quick with an upset customer.")
                .contains("Signed: ").contains("Maria Manager".substring(0, 5));
        assertThat(file.indexOf("Recognised by Maria")).as("newest first").isLessThan(file.indexOf("Signed: "));
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).isEqualTo("Hana HR");
        assertThat(Chromium.policyViolations(browser)).isEmpty();
        Chromium.screenshot(browser, SCREENSHOTS, "1-employee-file");

        browser.get("http://localhost:" + port + "/hr/handbooks/" + version);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Handbook " + version + " sign-off"));
        String status = browser.findElement(By.tagName("main")).getText();
        assertThat(status).contains("Declined (1)").contains("Rule 4 contradicts the refund policy P-7.").contains("Bob Agent")
                .contains("Nadia Novak").contains("Pending (");
        assertThat(browser.findElement(By.linkText("Nadia Novak")).getAttribute("href")).endsWith("/hr/employees/" + employee);
        assertThat(Chromium.policyViolations(browser)).isEmpty();
        Chromium.screenshot(browser, SCREENSHOTS, "2-handbook-sign-off-status");
    }

    @Test
    void aProcessOwnerPublishesByUploadingThePdfAndHrSeesTheCases() throws Exception {
        String version = HandbookFixtures.uniqueVersion();
        Path pdf = Files.createTempFile("handbook", ".pdf");
        Files.write(pdf, Pdfs.withText("Customer-service handbook " + version));
        String employee = Newcomers.agentReportingTo(identityService, reportingLines, "hrc", "sam");
        User user = identityService.createUserQuery().userId(employee).singleResult();
        user.setFirstName("Omar");
        user.setLastName("Okafor");
        identityService.saveUser(user);
        Http.Response opened = Http.as(port, "sam").post("/api/corrective-actions",
                Map.of("employee", employee, "concern", "Left the counter unattended during opening hours."));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String reference = opened.json().get("reference").asText();

        login("olga");
        browser.get("http://localhost:" + port + "/hr/handbooks");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publish")));
        browser.findElement(By.id("version")).sendKeys(version);
        browser.findElement(By.id("title")).sendKeys("Customer-service handbook " + version);
        browser.findElement(By.id("deadline")).sendKeys(java.time.LocalDate.now().plusDays(21)
                .format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        browser.findElement(By.id("rules")).sendKeys("Greet every customer within a minute.");
        browser.findElement(By.id("document")).sendKeys(pdf.toAbsolutePath().toString());
        Chromium.screenshot(browser, SCREENSHOTS, "3-publish-form");
        browser.findElement(By.cssSelector("#publish button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Handbook " + version + " sign-off"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Customer-service handbook " + version)
                .contains("Awaiting the head of service's approval");
        assertThat(Chromium.policyViolations(browser)).isEmpty();
        browser.manage().deleteAllCookies();

        login("hana");
        browser.get("http://localhost:" + port + "/hr/handbooks");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), version));
        assertThat(browser.findElement(By.linkText(version)).getAttribute("href")).endsWith("/hr/handbooks/" + version);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Olga Process-Owner").contains("Awaiting approval")
                .doesNotContain("SHA-256 of");
        Chromium.screenshot(browser, SCREENSHOTS, "4-handbook-versions");

        browser.get("http://localhost:" + port + "/hr/corrective-actions");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), reference));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Omar Okafor");
        assertThat(Chromium.policyViolations(browser)).isEmpty();
        Chromium.screenshot(browser, SCREENSHOTS, "5-corrective-actions");
    }

    @Test
    void theSignOffFormInTasklistLinksToTheStoredCopyAndShowsNoHash() throws Exception {
        String version = HandbookFixtures.uniqueVersion();
        byte[] pdf = Pdfs.withText("Customer-service handbook " + version);
        org.servicecharter.WebappSession olga = org.servicecharter.WebappSession.login(port, "olga", "tasklist");
        Http.Response published = olga.multipart("/api/handbooks", Map.of("version", version, "title",
                "Customer-service handbook " + version, "rules", "Greet every customer within a minute.", "deadline",
                HandbookFixtures.inDays(21)), "document", "handbook.pdf", pdf, Map.of("X-XSRF-TOKEN", olga.csrfToken()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        HandbookFixtures.approve(processEngine, version);
        String sha256 = published.json().get("documentSha256").asText();
        String taskId = taskService.createTaskQuery()
                .processInstanceBusinessKey(org.servicecharter.handbook.HandbookProcess.businessKey(version, "alice"))
                .taskDefinitionKey(org.servicecharter.handbook.HandbookProcess.SIGN_HANDBOOK).singleResult().getId();

        login("alice");
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"), "Read the handbook and sign it"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"), "The acknowledgement"));
        String form = browser.findElement(By.cssSelector(".task-details")).getText();
        assertThat(form).doesNotContain(sha256).doesNotContain("SHA-256");
        assertThat(browser.findElement(By.linkText("open the document")).getAttribute("href"))
                .isEqualTo("http://localhost:" + port + "/api/handbooks/" + version + "/document");
        Chromium.screenshot(browser, SCREENSHOTS, "6-tasklist-sign-off-form");
    }

    private void login(String user) {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=password]")));
    }
}
