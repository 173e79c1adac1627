package org.servicecharter.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.Http;
import org.servicecharter.Newcomers;
import org.servicecharter.employeefile.EmployeeFileEntry;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.complaint.ComplaintProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a manager sees, in Chromium: maria logs in to Tasklist, opens {@code /dashboard/}, and finds every chart drawn
 * (the library from the application, pixels on each canvas, a description in words) and the numbers of the API in
 * the page's text, on a laptop and on a wall screen. Screenshots in target/screenshots/dashboard.
 */
@ServiceCharterTest
class DashboardBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/dashboard");
    static final List<String> CHARTS = List.of("chart-queues", "chart-weeks", "chart-surveys", "chart-approvals",
            "chart-handbook", "chart-corrective");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;
    @Autowired org.servicecharter.identity.ReportingLines reportingLines;
    @Autowired org.servicecharter.employeefile.EmployeeFile employeeFile;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    private final List<Runnable> cleanUp = new ArrayList<>();
    WebDriver browser;

    @AfterEach
    void stop() throws Exception {
        cleanUp.forEach(Runnable::run);
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void mariaSeesTheChartsDrawnAndTheNumbersAsText() throws Exception {
        seed();
        JsonNode figures = Http.as(port, "maria").get("/api/dashboard").json();

        browser = Chromium.start(1280, 2600);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/dashboard/");
        Chromium.logInOnTheForm(browser, "maria"); // no session: the web apps' login, then back to Tasklist
        browser.get("http://localhost:" + port + "/dashboard/");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));

        assertChartsDrawn();
        String open = browser.findElement(By.id("open-big")).getText();
        assertThat(browser.findElement(By.id("corrective-big")).getText()).isEqualTo(
                figures.get("correctiveActions").get("open").asText() + "\nopen cases");
        assertThat(browser.findElement(By.id("handbook-version")).getText()).contains("dash-" + marker).contains("4 employees");
        assertThat(browser.findElement(By.id("table-handbook")).getText()).contains("1 2 1 0");
        assertThat(open).contains(figures.get("openComplaints").get("open").asText() + "\nopen")
                .contains(figures.get("openComplaints").get("breached").asText() + "\nSLA breached");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("agents").contains("Week of").contains("Latest low ratings").contains(ref("L1"))
                .contains("in progress").contains("Open corrective-action cases").contains("Messages that failed to send");
        // the numbers also in the charts' descriptions for screen readers
        assertThat(browser.findElement(By.id("chart-queues")).getAttribute("aria-label"))
                .contains("agents " + queueOpen(figures, "agents") + " open");
        // every open-complaint number is a link to its list in Tasklist
        assertThat(browser.findElement(By.cssSelector("#open-big a")).getAttribute("href")).contains("/camunda/app/tasklist/default/");
        assertThat(browser.findElement(By.cssSelector("a.csv[data-table=weeks]")).getAttribute("href")).contains("/api/dashboard/weeks.csv");
        assertThat(Chromium.policyViolations(browser)).isEmpty();
        Chromium.screenshot(browser, SCREENSHOTS, "1-laptop");

        // a wall screen: the same page, larger
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
        Thread.sleep(1500);
        assertChartsDrawn();
        Object labelSize = ((JavascriptExecutor) browser).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart-weeks')).getOption().xAxis[0].axisLabel.fontSize;");
        assertThat(((Number) labelSize).intValue()).as("axis labels in the wall screen's larger type").isGreaterThanOrEqualTo(16);
        Chromium.screenshot(browser, SCREENSHOTS, "2-wall-screen");

        // it reads the figures again by itself: a new open complaint appears within the minute
        long before = figures.get("openComplaints").get("open").asLong();
        startComplaint();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        new WebDriverWait(browser, Duration.ofSeconds(75)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("open-big"), (before + 1) + "\nopen"));
        Chromium.screenshot(browser, SCREENSHOTS, "3-refreshed");
    }

    private void assertChartsDrawn() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        for (String chart : CHARTS) {
            Object painted = js.executeScript("""
                    const node = document.getElementById(arguments[0]);
                    if (!window.echarts || !echarts.getInstanceByDom(node)) return -1;
                    const canvas = node.querySelector('canvas');
                    if (!canvas || canvas.width === 0) return -2;
                    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                    let n = 0;
                    for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) n++; }
                    return n;""", chart);
            assertThat(((Number) painted).longValue()).as(chart + ": painted pixels").isGreaterThan(500);
            assertThat(browser.findElement(By.id(chart)).getAttribute("aria-label")).as(chart).isNotBlank();
        }
    }

    private static long queueOpen(JsonNode figures, String queue) {
        for (JsonNode q : figures.get("openComplaints").get("byQueue")) {
            if (queue.equals(q.get("queue").asText())) {
                return q.get("open").asLong();
            }
        }
        return 0;
    }

    private void seed() {
        for (int i = 0; i < 3; i++) {
            startComplaint();
        }
        Instant now = Instant.now();
        // resolved and rated complaints over the last weeks, a low rating in recovery, one waiting approval
        for (int w = 0; w < 12; w++) {
            for (int i = 0; i <= w % 4; i++) {
                String name = "W" + w + "x" + i;
                Instant received = now.minus(Duration.ofDays(7L * w + i + 1));
                complaint(name, "CLOSED", "agents", received);
                jdbc.update("UPDATE complaint SET resolved_at = ?, survey_rating = ?, survey_answered_at = ?, sla_breached_at = ?"
                        + " WHERE reference = ?", Timestamp.from(received.plus(Duration.ofHours(20))), 3 + (i + w) % 3,
                        i == 0 ? null : Timestamp.from(received.plus(Duration.ofDays(1))),
                        i == 1 ? Timestamp.from(received.plus(Duration.ofDays(1))) : null, ref(name));
            }
        }
        complaint("L1", "RECOVERY", "supervisors", now.minus(Duration.ofDays(3)));
        jdbc.update("UPDATE complaint SET resolved_at = ?, survey_rating = 1, survey_answered_at = ?, recovery_opened_at = ?,"
                + " sla_due_at = ? WHERE reference = ?", Timestamp.from(now.minus(Duration.ofDays(2))), Timestamp.from(now),
                Timestamp.from(now), Timestamp.from(now.minus(Duration.ofHours(2))), ref("L1"));
        // answered last of all ratings so far: the page lists the latest low ratings, and other tests rate too
        jdbc.update("INSERT INTO approval_request (id, process_instance_id, request_type, amount, currency, reason, requester,"
                + " requested_at, current_tier, status) VALUES (?, 'none', 'goodwill', 120.00, 'EUR', 'Seeded.', 'alice', ?, 'manager', 'open')",
                ref("A1"), Timestamp.from(now.minus(Duration.ofDays(2))));
        cleanUp.add(() -> jdbc.update("DELETE FROM approval_request WHERE id = ?", ref("A1")));

        // the handbook version in force, offered to four, and an open corrective-action case
        String version = "dash-" + marker;
        jdbc.update("INSERT INTO handbook_version (version, title, document_sha256, rules, sign_off_deadline, published_at,"
                + " process_instance_id) VALUES (?, 'Customer-service handbook', ?, 'Be kind.', ?, ?, 'none')", version,
                "0".repeat(64), Timestamp.from(now.plus(Duration.ofDays(10))), Timestamp.from(now.plus(Duration.ofDays(36500))));
        cleanUp.add(() -> {
            jdbc.update("DELETE FROM handbook_recipient WHERE version = ?", version);
            jdbc.update("DELETE FROM handbook_version WHERE version = ?", version);
        });
        for (String employee : List.of("a", "b", "c", "d")) {
            jdbc.update("INSERT INTO handbook_recipient (version, employee_id, offered_at, due_at) VALUES (?, ?, ?, ?)", version,
                    "dash-" + marker + "-" + employee, Timestamp.from(now.minus(Duration.ofDays(5))),
                    Timestamp.from(employee.equals("d") ? now.minus(Duration.ofDays(1)) : now.plus(Duration.ofDays(5))));
        }
        employeeFile.append(new EmployeeFileEntry.NewEntry("dash-" + marker + "-a", "handbook-acknowledgement", "Signed.", version,
                null, null, "dash-" + marker + "-a", null, "handbook-answer:" + version + ":dash-" + marker + "-a"));
        String employee = Newcomers.agentReportingTo(identityService, reportingLines, "dsh", "sam");
        Http.Response opened = Http.as(port, "sam").post("/api/corrective-actions",
                Map.of("employee", employee, "concern", "Left the counter unattended during opening hours."));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    }

    private void startComplaint() {
        Map<String, Object> intake = new HashMap<>();
        intake.put(ComplaintProcess.VAR_CUSTOMER_NAME, "Wendy Wallscreen");
        intake.put(ComplaintProcess.VAR_CUSTOMER_EMAIL, "wendy@example.com");
        intake.put(ComplaintProcess.VAR_CHANNEL, "phone");
        intake.put(ComplaintProcess.VAR_CATEGORY, "billing");
        intake.put(ComplaintProcess.VAR_DESCRIPTION, "The refund promised last month never arrived.");
        runtimeService.startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, intake);
    }

    private String ref(String name) {
        return "B" + marker + name;
    }

    private void complaint(String name, String status, String queue, Instant receivedAt) {
        jdbc.update("INSERT INTO complaint (reference, process_instance_id, received_at, customer_name, channel, category,"
                + " description, status, handling_queue) VALUES (?, 'none', ?, 'Seeded', 'email', 'billing', 'Seeded.', ?, ?)",
                ref(name), Timestamp.from(receivedAt), status, queue);
        cleanUp.add(() -> jdbc.update("DELETE FROM complaint WHERE reference = ?", ref(name)));
    }
}
