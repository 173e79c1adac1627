package org.servicecharter.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.Newcomers;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.WebappSession;
import org.servicecharter.approval.ApprovalProcess;
import org.servicecharter.approval.ApprovalTiers;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry;
import org.servicecharter.planreview.PlanReviewSchedule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Leavers (issue 19, point 8): an administrator marks someone as left ({@code POST /api/employees/{userId}/left});
 * the account no longer logs in through any door, held tasks go back to their groups or to the manager, offers in person
 * are withdrawn, the people who reported to the leaver report to the leaver's manager, the employee file records it,
 * and the selections made from groups (plan-review representatives, approval candidates) leave them out. Fresh people
 * per test: no demo user ever leaves.
 */
@ServiceCharterTest
class LeaversTests {

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired AuthorizationService authorizationService;
    @Autowired ReportingLines reportingLines;
    @Autowired Leavers leavers;
    @Autowired EmployeeFile employeeFile;
    @Autowired PlanReviewSchedule planReviewSchedule;
    @Autowired ApprovalTiers approvalTiers;

    private final List<String> tasks = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        tasks.forEach(id -> taskService.deleteTask(id, true));
    }

    @Test
    void anAdministratorMarksSomeoneAsLeftAndNoDoorLetsThemInAnyMore() {
        String leaver = Newcomers.agentReportingTo(identityService, reportingLines, "lv", "sam");
        String report = Newcomers.agentReportingTo(identityService, reportingLines, "lvr", leaver);
        Authorization own = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        own.setUserId(leaver);
        own.setResource(Resources.FILTER);
        own.setResourceId("*");
        own.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(own);
        String queued = task("Call the customer back", leaver, Roles.AGENTS, null);
        String personal = task("Finish the monthly queue report", leaver, null, null);
        String offered = task("Check the refund", null, null, leaver);
        String offeredToTwo = task("Approve the refund", null, null, leaver);
        taskService.addCandidateUser(offeredToTwo, "bob");
        String heldOfTwo = task("Decide the refund", leaver, null, "bob");

        // before: they log in everywhere and are chosen from their groups
        assertThat(engineRest(leaver)).isEqualTo(200);
        assertThat(apiWith(leaver)).isEqualTo(200);
        assertThat(webappLogin(leaver)).isEqualTo(200);
        WebappSession openBefore = WebappSession.login(port, leaver, "tasklist");
        assertThat(openBefore.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(200);
        assertThat(planReviewSchedule.representatives()).contains(leaver);
        assertThat(approvalTiers.candidates(ApprovalProcess.TIER_AGENT, "")).contains(leaver);
        assertThat(leavers.isLeaver(leaver)).isFalse();

        Http.Response left = Http.as(port, "demo").post("/api/employees/" + leaver + "/left",
                Map.of("reason", "Resigned to move abroad; the last day was today."));

        assertThat(left.status()).as(left.body()).isEqualTo(200);
        assertThat(left.json().get("userId").asText()).isEqualTo(leaver);
        assertThat(left.json().get("recordedBy").asText()).isEqualTo("demo");
        assertThat(leavers.isLeaver(leaver)).isTrue();

        // the account: still there (names and history stay readable), but no door opens
        assertThat(identityService.createUserQuery().userId(leaver).singleResult().getLastName()).isEqualTo("Agent");
        assertThat(identityService.createGroupQuery().groupMember(leaver).count()).isZero();
        assertThat(authorizationService.createAuthorizationQuery().userIdIn(leaver).count()).isZero();
        assertThat(engineRest(leaver)).isEqualTo(401);
        assertThat(apiWith(leaver)).isEqualTo(401);
        assertThat(webappLogin(leaver)).isEqualTo(401);
        assertThat(openBefore.get("/camunda/api/engine/engine/default/task/count").status())
                .as("a session opened before leaving ends with the leaving").isEqualTo(401);
        assertThat(identityService.checkPassword(leaver, leaver)).isFalse();

        // the work: back to the group, to the manager, offers in person withdrawn
        assertThat(taskService.createTaskQuery().taskId(queued).singleResult().getAssignee()).isNull();
        assertThat(candidateGroups(queued)).containsExactly(Roles.AGENTS);
        assertThat(taskService.createTaskQuery().taskId(personal).singleResult().getAssignee()).isEqualTo("sam");
        assertThat(taskService.getIdentityLinksForTask(offered)).noneMatch(link -> leaver.equals(link.getUserId()));
        assertThat(taskService.createTaskQuery().taskId(offered).singleResult().getAssignee())
                .as("offered to nobody else: the manager takes it").isEqualTo("sam");
        assertThat(taskService.getIdentityLinksForTask(offeredToTwo)).noneMatch(link -> leaver.equals(link.getUserId()))
                .anyMatch(link -> "bob".equals(link.getUserId()));
        assertThat(taskService.createTaskQuery().taskId(offeredToTwo).singleResult().getAssignee()).isNull();
        assertThat(taskService.createTaskQuery().taskId(heldOfTwo).singleResult().getAssignee())
                .as("held, but offered to bob as well: back to bob's list").isNull();

        // the people who reported to them report to their manager; their own line stays on record
        assertThat(reportingLines.managerOf(report)).isEqualTo("sam");
        assertThat(reportingLines.managerOf(leaver)).isEqualTo("sam");

        // the file
        EmployeeFileEntry record = employeeFile.entriesOf(leaver).get(employeeFile.entriesOf(leaver).size() - 1);
        assertThat(record.recordType()).isEqualTo("left");
        assertThat(record.recordedBy()).isEqualTo("demo");
        assertThat(record.summary()).contains("Resigned to move abroad");
        assertThat(record.details()).isEqualTo("Resigned to move abroad; the last day was today.");

        // later selections leave them out
        assertThat(planReviewSchedule.representatives()).doesNotContain(leaver).contains(report);
        assertThat(approvalTiers.candidates(ApprovalProcess.TIER_AGENT, "")).doesNotContain(leaver).contains(report);
    }

    @Test
    void onlyAdministratorsMarkSomeoneAsLeftAndBadRequestsAreAnsweredInWords() {
        String leaver = Newcomers.agentReportingTo(identityService, reportingLines, "lv", "sam");
        Map<String, String> reason = Map.of("reason", "End of the fixed-term contract.");

        for (String other : List.of("alice", "sam", "maria", "henry", "hana", "olga", "audrey")) {
            Http.Response refused = Http.as(port, other).post("/api/employees/" + leaver + "/left", reason);
            assertThat(refused.status()).as(other + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.json().get("message").asText()).contains("Only administrators");
        }
        assertThat(Http.anonymous(port).post("/api/employees/" + leaver + "/left", reason).status()).isEqualTo(401);
        assertThat(leavers.isLeaver(leaver)).isFalse();

        Http admin = Http.as(port, "demo");
        Http.Response unknown = admin.post("/api/employees/nosuchperson/left", reason);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).isEqualTo("There is no user nosuchperson.");

        Http.Response noReason = admin.post("/api/employees/" + leaver + "/left", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("message").asText()).contains("Say why " + leaver + " left");
        Http.Response noBody = admin.postRaw("/api/employees/" + leaver + "/left", "application/json", "");
        assertThat(noBody.status()).isEqualTo(400);
        Http.Response tooLong = admin.post("/api/employees/" + leaver + "/left", Map.of("reason", "x".repeat(Leavers.REASON_MAX + 1)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(leavers.isLeaver(leaver)).as("nothing happened").isFalse();
        assertThat(identityService.checkPassword(leaver, leaver)).isTrue();

        Http.Response self = admin.post("/api/employees/demo/left", reason);
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.json().get("message").asText()).contains("You cannot mark yourself as left");

        assertThat(admin.post("/api/employees/" + leaver + "/left", reason).status()).isEqualTo(200);
        Http.Response again = admin.post("/api/employees/" + leaver + "/left", reason);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("message").asText()).startsWith(leaver + " left already");
        assertThat(employeeFile.entriesOf(leaver)).filteredOn(e -> e.recordType().equals("left")).hasSize(1);
    }

    @Test
    void theReportsOfALeaverWithoutManagerReportToNobody() {
        String leaver = Newcomers.agentReportingTo(identityService, reportingLines, "lv", "sam");
        String report = Newcomers.agentReportingTo(identityService, reportingLines, "lvr", leaver);
        reportingLines.setManager(leaver, null);
        String personal = task("Finish the monthly queue report", leaver, null, null);

        leavers.markLeft(leaver, "Retired.", "demo");

        assertThat(reportingLines.findManager(report)).isEmpty();
        assertThat(taskService.createTaskQuery().taskId(personal).singleResult().getAssignee()).isNull();
    }

    private String task(String name, String assignee, String candidateGroup, String candidateUser) {
        Task task = taskService.newTask();
        task.setName(name);
        task.setAssignee(assignee);
        taskService.saveTask(task);
        tasks.add(task.getId());
        if (candidateGroup != null) {
            taskService.addCandidateGroup(task.getId(), candidateGroup);
        }
        if (candidateUser != null) {
            taskService.addCandidateUser(task.getId(), candidateUser);
        }
        return task.getId();
    }

    private List<String> candidateGroups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
    }

    // each door tried from a client address of its own, so that the refused logins throttle no other test
    private int engineRest(String user) {
        return basic(user, "/engine-rest/task/count", "10.77.0.1");
    }

    private int apiWith(String user) {
        return basic(user, "/api/employees/" + user + "/file", "10.77.0.2");
    }

    private int basic(String user, String path, String client) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).header("X-Forwarded-For", client).GET()).statusCode();
    }

    /** The web apps' login page, as {@code WebappSession} does it, for Tasklist. */
    private int webappLogin(String user) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> first = send(client, HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default"))
                .header("X-Forwarded-For", "10.77.0.3").GET());
        String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        return send(client, HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .header("X-Forwarded-For", "10.77.0.3").POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
