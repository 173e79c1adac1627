package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.Newcomers;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.complaint.ComplaintProcess;
import org.servicecharter.correctiveaction.CorrectiveActionProcess;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.identity.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, point 7: candidate groups of a procedure that is not confidential hold their task rights on the process
 * definition — the engine writes no grant per task and group — while corrective action, which is, keeps its grants
 * per case; and the agents still see, claim and complete their complaints through the engine REST API.
 */
@ServiceCharterTest
class DefinitionTaskGrantsTests {

    @LocalServerPort int port;
    @Autowired AuthorizationService authorizationService;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired ReportingLines reportingLines;

    private long groupGrantsOn(String taskId) {
        return authorizationService.createAuthorizationQuery().resourceId(taskId).list().stream()
                .filter(a -> a.getGroupId() != null).count();
    }

    @Test
    void complaintTasksAreGrantedToTheirGroupOnceOnTheDefinition() {
        Task first = PublicComplaints.about(port, taskService, null);
        Task task = PublicComplaints.about(port, taskService, null);

        Authorization onDefinition = authorizationService.createAuthorizationQuery().groupIdIn(Roles.AGENTS)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(ComplaintProcess.PROCESS_KEY).singleResult();
        assertThat(onDefinition).isNotNull();
        assertThat(onDefinition.isPermissionGranted(ProcessDefinitionPermissions.READ_TASK)).isTrue();
        assertThat(onDefinition.isPermissionGranted(ProcessDefinitionPermissions.TASK_WORK)).isTrue();
        assertThat(onDefinition.isPermissionGranted(ProcessDefinitionPermissions.TASK_ASSIGN)).as("agents do not re-route").isFalse();
        assertThat(groupGrantsOn(task.getId())).as("grants of a group on the task itself or its history").isZero();

        // an agent finds it in her group's list, claims and completes it
        Http alice = Http.as(port, "alice");
        Http.Response list = alice.get("/engine-rest/task?candidateGroup=agents&processInstanceId=" + task.getProcessInstanceId()
                + "&maxResults=10");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(task.getId());
        assertThat(alice.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ComplaintProcess.VAR_CUSTOMER_CONTACTED, Map.of("value", true, "type", "Boolean"));
        variables.put(ComplaintProcess.VAR_APOLOGISED, Map.of("value", true, "type", "Boolean"));
        variables.put(ComplaintProcess.VAR_RESOLUTION, Map.of("value", "Refunded.", "type", "String"));
        variables.put(ComplaintProcess.VAR_GOODWILL_PROPOSED, Map.of("value", false, "type", "Boolean"));
        Http.Response done = alice.post("/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", variables));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        // someone outside the groups the procedure offers tasks to sees nothing of it
        Http.Response hana = Http.as(port, "hana").get("/engine-rest/task?processInstanceIdIn="
                + first.getProcessInstanceId() + "," + task.getProcessInstanceId() + "&maxResults=10");
        assertThat(hana.status()).isEqualTo(200);
        assertThat(hana.body()).isEqualTo("[]");
    }

    @Test
    void aGroupAddedToOneTaskByASupervisorGetsThatTaskNotTheProcedure() {
        Task task = PublicComplaints.about(port, taskService, null);
        Task other = PublicComplaints.about(port, taskService, null);
        Http.Response link = Http.as(port, "sam").post("/engine-rest/task/" + task.getId() + "/identity-links",
                Map.of("groupId", Roles.HR, "type", "candidate"));
        assertThat(link.status()).as(link.body()).isEqualTo(204);

        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Roles.HR).resourceType(Resources.PROCESS_DEFINITION)
                .resourceId(ComplaintProcess.PROCESS_KEY).authorizationType(Authorization.AUTH_TYPE_GRANT).list())
                .noneMatch(a -> a.isPermissionGranted(ProcessDefinitionPermissions.TASK_WORK));
        Http hana = Http.as(port, "hana");
        assertThat(hana.get("/engine-rest/task/" + task.getId()).status()).isEqualTo(200);
        assertThat(hana.get("/engine-rest/task/" + other.getId()).status()).isEqualTo(404);
    }

    @Test
    void correctiveActionKeepsItsGrantsPerCase() {
        String employee = Newcomers.agentReportingTo(identityService, reportingLines, "dg", "sam");
        Map<String, Object> variables = new HashMap<>();
        variables.put(CorrectiveActionProcess.VAR_EMPLOYEE, employee);
        variables.put(CorrectiveActionProcess.VAR_CONCERN, "Raised their voice at a customer.");
        identityService.setAuthentication("sam", List.of(Roles.SUPERVISORS, Roles.EMPLOYEES));
        String processInstanceId;
        try {
            processInstanceId = runtimeService.startProcessInstanceByKey(CorrectiveActionProcess.PROCESS_KEY, variables).getId();
        } finally {
            identityService.clearAuthentication();
        }
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(CorrectiveActionProcess.HOLD_CONVERSATION).singleResult();

        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).count())
                .as("grants on this one task: its assignee's, the manager chain's").isPositive();
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
                .resourceId(CorrectiveActionProcess.PROCESS_KEY).authorizationType(Authorization.AUTH_TYPE_GRANT).list())
                .noneMatch(a -> a.isPermissionGranted(ProcessDefinitionPermissions.TASK_WORK));
    }
}
