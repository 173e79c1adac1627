package org.servicecharter.correctiveaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.identity.ReportingLines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who sees a corrective-action case, proven through the engine REST API (what Tasklist and Cockpit use), Tasklist's
 * stored filters and the application's API. The case is about alice (reports to sam, then maria, then henry), waiting
 * for her acknowledgement: alice sees only that task; bob (a colleague), olga (process owner) see nothing; the manager
 * chain, HR and auditors see the instance, its tasks, variables and history.
 */
@ServiceCharterTest
class CorrectiveActionConfidentialityTests {

    private static final String PAGE = "&firstResult=0&maxResults=100"; // queries are bounded
    private static ProcessInstance aliceCase;

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ReportingLines reportingLines;
    @Autowired FilterService filterService;

    @BeforeEach
    void aCaseAboutAliceAwaitingHerAcknowledgement() {
        if (aliceCase == null) {
            CorrectiveActionFixtures f = new CorrectiveActionFixtures(identityService, runtimeService, taskService,
                    managementService, reportingLines);
            aliceCase = f.open("sam", "alice");
            f.document("sam", aliceCase, true, "minor");
            assertThat(f.task(aliceCase, ACKNOWLEDGE)).isNotNull();
        }
    }

    @Test
    void theEmployeeSeesOnlyHerAcknowledgementTask() {
        Http alice = Http.as(port, "alice");
        String pi = aliceCase.getId();
        List<Map<String, Object>> tasks = alice.get("/engine-rest/task?processInstanceId=" + pi + PAGE).list();
        assertThat(tasks).extracting(t -> t.get("taskDefinitionKey")).containsExactly(ACKNOWLEDGE);
        assertThat(tasks.get(0).get("assignee")).isEqualTo("alice");
        // not the case itself, nor its other tasks, nor its activities
        assertThat(alice.get("/engine-rest/process-instance?processInstanceIds=" + pi + PAGE).list()).isEmpty();
        assertThat(alice.get("/engine-rest/variable-instance?processInstanceIdIn=" + pi + PAGE).list()).isEmpty();
        assertThat(alice.get("/engine-rest/history/process-instance?processInstanceId=" + pi + PAGE).list()).isEmpty();
        assertThat(alice.get("/engine-rest/history/activity-instance?processInstanceId=" + pi + PAGE).list()).isEmpty();
        assertThat(alice.get("/engine-rest/process-instance/" + pi).status()).isIn(403, 404);
        assertThat(alice.get("/engine-rest/history/task?processInstanceId=" + pi + PAGE).list())
                .extracting(t -> t.get("taskDefinitionKey")).containsExactly(ACKNOWLEDGE);
        assertThat(alice.get("/api/corrective-actions?employee=alice").list()).isEmpty();
        // what her task shows her (the engine gives the assignee the task's scope, also in history): the recorded action
        String taskId = (String) tasks.get(0).get("id");
        assertThat(alice.get("/engine-rest/task/" + taskId + "/variables").json().has(VAR_CORRECTIVE_ACTION)).isTrue();
        // in Tasklist: her "My tasks" filter shows it
        assertThat(filterList(alice, "My tasks")).extracting(t -> t.get("processInstanceId")).contains(pi);
    }

    @ParameterizedTest(name = "{0} sees nothing of the case")
    @ValueSource(strings = {"bob", "olga"})
    void colleaguesAndProcessOwnersSeeNothing(String user) {
        Http http = Http.as(port, user);
        assertThat(http.get("/engine-rest/task?processInstanceId=" + aliceCase.getId() + PAGE).list()).isEmpty();
        assertThat(http.get("/engine-rest/history/task?processInstanceId=" + aliceCase.getId() + PAGE).list()).isEmpty();
        assertSeesNoCase(http);
        assertThat(http.get("/engine-rest/process-instance/" + aliceCase.getId()).status()).isIn(403, 404);
        assertThat(http.get("/engine-rest/process-instance/" + aliceCase.getId() + "/variables").status()).isIn(403, 404);
        for (String filter : List.of("My tasks", "My group's tasks")) {
            assertThat(filterList(http, filter)).extracting(t -> t.get("processInstanceId")).doesNotContain(aliceCase.getId());
        }
        assertThat(http.get("/api/corrective-actions?employee=alice").list()).isEmpty();
    }

    @ParameterizedTest(name = "{0} sees the case, its tasks, variables and history")
    @ValueSource(strings = {"sam", "maria", "henry", "hana", "audrey"})
    void theManagerChainHrAndAuditorsSeeTheCase(String user) {
        Http http = Http.as(port, user);
        String pi = aliceCase.getId();
        assertThat(http.get("/engine-rest/process-instance?processInstanceIds=" + pi + PAGE).list()).hasSize(1);
        assertThat(http.get("/engine-rest/process-instance/" + pi).status()).isEqualTo(200);
        assertThat(http.get("/engine-rest/task?processInstanceId=" + pi + PAGE).list()).extracting(t -> t.get("taskDefinitionKey"))
                .containsExactly(ACKNOWLEDGE);
        assertThat(http.get("/engine-rest/variable-instance?processInstanceIdIn=" + pi + PAGE).list())
                .extracting(v -> v.get("name")).contains(VAR_WHAT_HAPPENED, VAR_CORRECTIVE_ACTION);
        assertThat(http.get("/engine-rest/history/process-instance?processInstanceId=" + pi + PAGE).list()).hasSize(1);
        assertThat(http.get("/engine-rest/history/task?processInstanceId=" + pi + PAGE).list()).extracting(t -> t.get("taskDefinitionKey"))
                .contains(HOLD_CONVERSATION, ACKNOWLEDGE);
        assertThat(http.get("/engine-rest/history/variable-instance?processInstanceId=" + pi + PAGE).list())
                .extracting(v -> v.get("name")).contains(VAR_EMPLOYEE_ACCOUNT, VAR_SEVERITY);
        assertThat(http.get("/api/corrective-actions?reference=" + aliceCase.getBusinessKey()).list())
                .extracting(c -> c.get("employee")).containsExactly("alice");
    }

    @Test
    void onlyTheEmployeeCanAcknowledgeThroughTheRestApi() {
        String task = taskService.createTaskQuery().processInstanceId(aliceCase.getId()).taskDefinitionKey(ACKNOWLEDGE)
                .singleResult().getId();
        Http.Response bySam = Http.as(port, "sam").post("/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of(VAR_ACKNOWLEDGED, Map.of("value", true))));
        assertThat(bySam.status()).isEqualTo(403);
        Http.Response unconfirmed = Http.as(port, "alice").post("/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of(VAR_ACKNOWLEDGED, Map.of("value", false))));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("Confirm");
    }

    private void assertSeesNoCase(Http http) {
        String pi = aliceCase.getId();
        assertThat(http.get("/engine-rest/process-instance?processInstanceIds=" + pi + PAGE).list()).isEmpty();
        assertThat(http.get("/engine-rest/variable-instance?processInstanceIdIn=" + pi + PAGE).list()).isEmpty();
        assertThat(http.get("/engine-rest/history/process-instance?processInstanceId=" + pi + PAGE).list()).isEmpty();
        assertThat(http.get("/engine-rest/history/variable-instance?processInstanceId=" + pi + PAGE).list()).isEmpty();
        assertThat(http.get("/engine-rest/history/activity-instance?processInstanceId=" + pi + PAGE).list()).isEmpty();
        assertThat(http.get("/engine-rest/history/process-instance/" + pi).status()).isIn(403, 404);
    }

    private List<Map<String, Object>> filterList(Http http, String filterName) {
        String id = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
        Http.Response response = http.get("/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=100");
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.list();
    }
}
