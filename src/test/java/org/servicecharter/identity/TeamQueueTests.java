package org.servicecharter.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.Newcomers;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Supervisors and managers see the queues they answer for, in Tasklist's filters, and re-route from them — tried
 * through the engine REST API that Tasklist uses, as the demo users: "Agents' open complaints" (supervisors and
 * managers), and each lead's own "Overdue in my team" and "My team's tasks" (the people who report to them, directly
 * or further down, as the reporting lines say).
 */
@ServiceCharterTest
class TeamQueueTests {

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ReportingLines reportingLines;

    /** A complaint from the public intake, offered to the agents; returns its handling task. */
    private Task complaint() {
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("customerName", "Erin Customer");
        complaint.put("customerEmail", "erin@example.com");
        complaint.put("channel", "phone");
        complaint.put("category", "staff-behaviour");
        complaint.put("description", "Nobody called me back about my refund.");
        Http.Response created = Http.anonymous(port).post("/api/complaints", complaint);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String reference = created.json().get("reference").asText();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(task).isNotNull();
        return task;
    }

    private void claim(String user, Task task) {
        Http.Response claimed = Http.as(port, user).post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    }

    /** The filters the user sees by that name (Tasklist asks GET /filter); a team filter's name ends in its lead's. */
    private List<Map<String, Object>> filters(String user, String name) {
        Http.Response response = Http.as(port, user).get("/engine-rest/filter?resourceType=Task&maxResults=100");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.list().stream()
                .filter(f -> name.equals(f.get("name")) || String.valueOf(f.get("name")).startsWith(name + " (")).toList();
    }

    @Test
    void everyTeamFilterNamesItsLeadSoThatAnAdministratorTellsThemApart() {
        assertThat(filters("sam", "Overdue in my team")).extracting(f -> f.get("name"))
                .containsExactly("Overdue in my team (Sam Supervisor)");
        List<Object> adminSees = filters("demo", "Overdue in my team").stream().map(f -> f.get("name")).toList();
        assertThat(adminSees).contains("Overdue in my team (Sam Supervisor)", "Overdue in my team (Maria Manager)",
                "Overdue in my team (Henry Head-of-Service)").doesNotHaveDuplicates();
        assertThat(filters("demo", "My team's tasks").stream().map(f -> f.get("name")).toList()).doesNotHaveDuplicates();
    }

    private String filterId(String user, String name) {
        List<Map<String, Object>> found = filters(user, name);
        assertThat(found).as("%s sees the filter '%s'", user, name).hasSize(1);
        return (String) found.get(0).get("id");
    }

    /** The filter's tasks narrowed to one task, as Tasklist lists a filter (POST with its own criteria). */
    private List<Map<String, Object>> listed(String user, String filterId, Task task) {
        Http.Response response = Http.as(port, user).post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=50",
                Map.of("processInstanceId", task.getProcessInstanceId()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.list();
    }

    private String newAgentReportingTo(String manager) {
        return Newcomers.agentReportingTo(identityService, reportingLines, "tq", manager);
    }

    @Test
    void theSupervisorSeesAnAgentsClaimedComplaintInTheAgentsQueueAndReassignsIt() {
        Task task = complaint();
        claim("alice", task);

        String agentsQueue = filterId("sam", "Agents' open complaints");
        Http.Response list = Http.as(port, "sam").get("/engine-rest/filter/" + agentsQueue + "/list?firstResult=0&maxResults=15");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<Map<String, Object>> mine = listed("sam", agentsQueue, task);
        assertThat(mine).singleElement().satisfies(t -> {
            assertThat(t.get("id")).isEqualTo(task.getId());
            assertThat(t.get("assignee")).isEqualTo("alice");
        });

        Http.Response reassigned = Http.as(port, "sam").post("/engine-rest/task/" + task.getId() + "/assignee", Map.of("userId", "bob"));
        assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("bob");
        // the manager has the same queue
        assertThat(listed("maria", filterId("maria", "Agents' open complaints"), task)).singleElement()
                .satisfies(t -> assertThat(t.get("assignee")).isEqualTo("bob"));
    }

    @Test
    void agentsDoNotSeeTheirLeadsQueues() {
        String agentsQueue = filterId("sam", "Agents' open complaints");
        String samsTeam = filterId("sam", "Overdue in my team");

        for (String name : List.of("Agents' open complaints", "Overdue in my team", "My team's tasks")) {
            assertThat(filters("alice", name)).as("alice sees no '%s'", name).isEmpty();
            assertThat(filters("audrey", name)).as("audrey sees no '%s'", name).isEmpty();
        }
        for (String id : List.of(agentsQueue, samsTeam)) {
            Http.Response list = Http.as(port, "alice").get("/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15");
            assertThat(list.status()).as(list.body()).isEqualTo(403);
            Http.Response get = Http.as(port, "alice").get("/engine-rest/filter/" + id);
            assertThat(get.status()).as(get.body()).isEqualTo(403);
        }
        // a lead cannot change the shared queue, nor their own team's filter
        Http.Response edit = Http.as(port, "sam").put("/engine-rest/filter/" + agentsQueue,
                Map.of("resourceType", "Task", "name", "Agents' open complaints", "query", Map.of()));
        assertThat(edit.status()).as(edit.body()).isEqualTo(403);
        assertThat(Http.as(port, "sam").delete("/engine-rest/filter/" + samsTeam).status()).isEqualTo(403);
    }

    @Test
    void overdueInMyTeamListsTheOverdueTasksOfTheLeadsReportsDirectOrFurtherDown() {
        Task overdue = complaint();
        claim("alice", overdue);
        taskService.setDueDate(overdue.getId(), Date.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        Task onTime = complaint();
        claim("bob", onTime);
        taskService.setDueDate(onTime.getId(), Date.from(Instant.now().plus(2, ChronoUnit.DAYS)));

        String samsTeam = filterId("sam", "Overdue in my team");
        String mariasTeam = filterId("maria", "Overdue in my team");
        assertThat(samsTeam).as("each lead has a filter of their own").isNotEqualTo(mariasTeam);
        assertThat(listed("sam", samsTeam, overdue)).extracting(t -> t.get("id")).containsExactly(overdue.getId());
        assertThat(listed("sam", samsTeam, onTime)).isEmpty();
        // maria leads sam, who leads alice
        assertThat(listed("maria", mariasTeam, overdue)).extracting(t -> t.get("id")).containsExactly(overdue.getId());
        // the team's open tasks, due or not
        String mariasTasks = filterId("maria", "My team's tasks");
        assertThat(listed("maria", mariasTasks, onTime)).extracting(t -> t.get("assignee")).containsExactly("bob");
        // people without reports have no team filter
        assertThat(filters("alice", "Overdue in my team")).isEmpty();
        assertThat(filters("hana", "My team's tasks")).isEmpty();

        // from the filter, the supervisor re-routes the overdue task to a colleague
        Http.Response reassigned = Http.as(port, "sam").post("/engine-rest/task/" + overdue.getId() + "/assignee", Map.of("userId", "bob"));
        assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(204);
        assertThat(listed("sam", samsTeam, overdue)).extracting(t -> t.get("assignee")).containsExactly("bob");
    }

    @Test
    void aTeamFilterFollowsTheReportingLines() {
        String newcomer = newAgentReportingTo("maria");
        Task task = complaint();
        claim(newcomer, task);
        taskService.setDueDate(task.getId(), Date.from(Instant.now().minus(1, ChronoUnit.HOURS)));

        assertThat(listed("maria", filterId("maria", "Overdue in my team"), task)).hasSize(1);
        assertThat(listed("sam", filterId("sam", "Overdue in my team"), task)).as("not in sam's team").isEmpty();

        reportingLines.setManager(newcomer, "sam");

        assertThat(listed("sam", filterId("sam", "Overdue in my team"), task)).as("now in sam's team").hasSize(1);
        assertThat(listed("maria", filterId("maria", "Overdue in my team"), task)).as("still below maria").hasSize(1);
        // a new lead gets a team filter of their own
        String report = newAgentReportingTo(newcomer);
        assertThat(filters(newcomer, "Overdue in my team")).hasSize(1);
        assertThat(filters(report, "Overdue in my team")).isEmpty();
    }
}
