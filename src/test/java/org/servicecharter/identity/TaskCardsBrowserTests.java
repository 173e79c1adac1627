package org.servicecharter.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

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
 * Task lists with context: every shared filter lists the features' business fields, and Tasklist shows them on the
 * task cards — two complaints are told apart by their reference and customer, not only by "Due in a day".
 */
@ServiceCharterTest
class TaskCardsBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots/task-cards");

    @LocalServerPort int port;
    @Autowired TaskService taskService;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        browser = Chromium.start(1400, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void everySharedFilterListsTheFeaturesFields() {
        JsonNode filters = Http.as(port, "alice").get("/engine-rest/filter?resourceType=Task&itemCount=false&maxResults=200").json();
        assertThat(filters.size()).as(filters.toString()).isPositive();
        for (JsonNode filter : filters) {
            List<String> names = new java.util.ArrayList<>();
            assertThat(filter.get("properties").get("variables")).as(filter.get("name").asText() + " " + filter.get("properties")).isNotNull();
            filter.get("properties").get("variables").forEach(v -> names.add(v.get("name").asText()));
            assertThat(names).as(filter.get("name").asText())
                    .contains("complaintReference", "customerName", "requesterName", "amount", "employee", "period");
        }
    }

    @Test
    void anAgentTellsTwoComplaintsApartOnTheirCards() throws Exception {
        String first = file("Nadia Customer", "The parcel arrived broken.");
        String second = file("Omar Customer", "I was charged twice.");

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        Chromium.logInOnTheForm(browser, "alice");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'task-filter')]//a[contains(normalize-space(.),\"My group's tasks\")]"))).click();
        for (String[] complaint : new String[][] {{first, "Nadia Customer"}, {second, "Omar Customer"}}) {
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(complaint[0]).singleResult();
            WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//ol[contains(@class,'tasks-list')]/li[.//a[@href='#/?task=" + task.getId() + "']]")));
            wait.until(driver -> card.getText().contains(complaint[1]));
            assertThat(card.getText()).contains("Complaint").contains(complaint[0]).contains("Customer").contains(complaint[1]);
        }
        Chromium.screenshot(browser, SCREENSHOTS, "1-my-groups-tasks-with-context");
    }

    private String file(String customer, String description) {
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("customerName", customer);
        complaint.put("customerEmail", "cards@example.com");
        complaint.put("channel", "web");
        complaint.put("category", "delivery");
        complaint.put("description", description);
        Http.Response created = Http.anonymous(port).post("/api/complaints", complaint);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("reference").asText();
    }
}
