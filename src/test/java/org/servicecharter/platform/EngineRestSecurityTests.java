package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.complaint.ComplaintProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/** The engine REST API behind HTTP Basic, with each role limited to what it needs. */
@ServiceCharterTest
class EngineRestSecurityTests {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    String processInstanceId;
    String taskId;

    @BeforeEach
    void aComplaintWaitsForAnAgent() {
        Map<String, Object> complaint = Map.of("customerName", "Dan", "customerEmail", "dan@example.com",
                "channel", "phone", "category", "billing", "description", "Charged twice.");
        String reference = Http.anonymous(port).post("/api/complaints", complaint).json().get("reference").asText();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        processInstanceId = task.getProcessInstanceId();
        taskId = task.getId();
    }

    @Test
    void withoutCredentialsTheApiAnswers401() {
        assertThat(Http.anonymous(port).get("/engine-rest/task?maxResults=10").status()).isEqualTo(401);
        assertThat(Http.anonymous(port).get("/engine-rest/process-instance/" + processInstanceId).status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordOrUnknownUserIs401() {
        // a throwaway user: a wrong password locks its user for a few seconds
        if (identityService.createUserQuery().userId("mallory").count() == 0) {
            User mallory = identityService.newUser("mallory");
            mallory.setPassword("correct-horse");
            ((IdentityServiceImpl) identityService).saveUser(mallory, true); // a short password: around the policy
        }
        assertThat(Http.as(port, "mallory").get("/engine-rest/task?maxResults=10").status()).isEqualTo(401);
        assertThat(Http.as(port, "nobody").get("/engine-rest/task?maxResults=10").status()).isEqualTo(401);
    }

    @Test
    void agentsSeeAndWorkTheirGroupsTasksAndTheOperationLogNamesThem() {
        Http alice = Http.as(port, "alice");
        Http.Response tasks = alice.get("/engine-rest/task?processInstanceId=" + processInstanceId + "&maxResults=50");
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.list()).extracting(t -> t.get("id")).containsExactly(taskId);

        assertThat(alice.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);
        Http.Response completed = alice.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
                ComplaintProcess.VAR_RESOLUTION, Map.of("value", "Refunded the double charge.", "type", "String"))));
        assertThat(completed.status()).isEqualTo(204);

        Http.Response log = Http.as(port, "audrey").get("/engine-rest/history/user-operation?taskId=" + taskId + "&maxResults=50");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.list()).anySatisfy(entry -> {
            assertThat(entry.get("operationType")).isEqualTo("Claim");
            assertThat(entry.get("userId")).isEqualTo("alice");
        });
        assertThat(log.list()).anySatisfy(entry -> {
            assertThat(entry.get("operationType")).isEqualTo("Complete");
            assertThat(entry.get("userId")).isEqualTo("alice");
        });
    }

    @Test
    void employeesOutsideTheCandidateGroupsDoNotSeeTheTask() {
        Http.Response tasks = Http.as(port, "hana").get("/engine-rest/task?processInstanceId=" + processInstanceId + "&maxResults=50");
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.list()).isEmpty();
        assertThat(Http.as(port, "hana").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "hana")).status())
                .isEqualTo(403);
    }

    @Test
    void aTaskAlreadyClaimedIsAConflictAndAMissingTaskIsNotFound() {
        taskService.claim(taskId, "alice");
        Http.Response response = Http.as(port, "bob").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "bob"));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("message").asText()).contains("already claimed");
        assertThat(Http.as(port, "bob").post("/engine-rest/task/does-not-exist/claim", Map.of("userId", "bob")).status())
                .isEqualTo(404);
        assertThat(Http.as(port, "bob").post("/engine-rest/task/does-not-exist/complete", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void completingATaskThatIsAlreadyCompletedIsAConflict() {
        Map<String, Object> resolution = Map.of("variables", Map.of(
                ComplaintProcess.VAR_RESOLUTION, Map.of("value", "Refunded.", "type", "String")));
        assertThat(Http.as(port, "alice").post("/engine-rest/task/" + taskId + "/complete", resolution).status()).isEqualTo(204);
        Http.Response again = Http.as(port, "bob").post("/engine-rest/task/" + taskId + "/complete", resolution);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("message").asText()).contains("already been completed");
    }

    @Test
    void auditorsReadHistoryButCanChangeNothing() {
        Http audrey = Http.as(port, "audrey");
        Http.Response history = audrey.get("/engine-rest/history/activity-instance?processInstanceId=" + processInstanceId + "&maxResults=100");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.list()).extracting(a -> a.get("activityId")).contains(ComplaintProcess.CLASSIFY_COMPLAINT);
        assertThat(audrey.get("/engine-rest/history/decision-instance?processInstanceId=" + processInstanceId + "&maxResults=10").list())
                .hasSize(1);
        assertThat(audrey.get("/engine-rest/process-instance/" + processInstanceId).status()).isEqualTo(200);

        assertThat(audrey.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "audrey")).status()).isEqualTo(403);
        assertThat(audrey.post("/engine-rest/task/" + taskId + "/complete", Map.of()).status()).isEqualTo(403);
        assertThat(audrey.post("/engine-rest/task/" + taskId + "/assignee", Map.of("userId", "bob")).status()).isEqualTo(403);
        assertThat(audrey.put("/engine-rest/process-instance/" + processInstanceId + "/variables/priority",
                Map.of("value", "low", "type", "String")).status()).isEqualTo(403);
        assertThat(audrey.delete("/engine-rest/process-instance/" + processInstanceId).status()).isEqualTo(403);
        assertThat(audrey.post("/engine-rest/process-instance/" + processInstanceId + "/suspended", Map.of("suspended", true)).status())
                .isIn(403, 405);
        assertThat(audrey.put("/engine-rest/process-instance/" + processInstanceId + "/suspended", Map.of("suspended", true)).status())
                .isEqualTo(403);
        assertThat(audrey.post("/engine-rest/process-definition/key/" + ComplaintProcess.PROCESS_KEY + "/start", Map.of()).status())
                .isEqualTo(403);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).active().count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    }

    @Test
    void unboundedQueriesAreRefused() {
        Http.Response response = Http.as(port, "audrey").get("/engine-rest/history/process-instance?maxResults=1000000000");
        assertThat(response.status()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.get("message").asText()).contains("maxResults", "at most 2000");
    }
}
