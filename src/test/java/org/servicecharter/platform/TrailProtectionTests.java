package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.complaint.ComplaintProcess;
import org.servicecharter.identity.Roles;
import org.servicecharter.platform.governance.TrailProtectionPlugin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nothing erases the trail: a deployment with instances cannot be deleted by anyone (409), a process owner no longer
 * owns the delete of what she deployed (403), history is removed only by the cleanup job after each model's
 * time-to-live (403 for every other way, administrators included), and a process owner retires a procedure by
 * suspending it. Each attack goes through the door a user would take: the engine REST API, Cockpit's engine API,
 * and Java.
 */
@ServiceCharterTest
class TrailProtectionTests {

    static final Map<String, String> MODELER_FIELDS = Map.of(
            "deployment-source", "Camunda Modeler",
            "enable-duplicate-filtering", "true");

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TrailProtectionPlugin trailProtectionPlugin;

    // --- deleting deployments ---------------------------------------------------------------------------------------

    @Test
    void aProcessOwnersDeploymentWithInstancesIsDeletedByNobody() {
        Procedure procedure = olgaDeploysAProcedureWithADecision();
        String running = procedure.start();
        String finished = procedure.start();
        completeTheTaskOf(finished);
        procedure.evaluateTheDecision();
        Map<String, Object> trail = trailOf(procedure, running, finished);

        Http.Response byOwner = Http.as(port, "olga").delete("/engine-rest/deployment/" + procedure.deploymentId + "?cascade=true");
        assertThat(byOwner.status()).as(byOwner.body()).isEqualTo(403);

        Http.Response byAdmin = Http.as(port, "demo").delete("/engine-rest/deployment/" + procedure.deploymentId + "?cascade=true");
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(409);
        assertThat(byAdmin.json().get("message").asText())
                .contains("1 running and 1 finished process instance").contains("1 decision evaluation")
                .contains("time-to-live").contains("suspend");

        Http.Response withoutCascade = Http.as(port, "demo").delete("/engine-rest/deployment/" + procedure.deploymentId);
        assertThat(withoutCascade.status()).as(withoutCascade.body()).isEqualTo(409);

        // the process definition's own delete is the same door
        Http.Response definition = Http.as(port, "demo").delete("/engine-rest/process-definition/" + procedure.processDefinitionId
                + "?cascade=true");
        assertThat(definition.status()).as(definition.body()).isEqualTo(409);
        Http.Response byKey = Http.as(port, "demo").delete("/engine-rest/process-definition/key/" + procedure.key + "/delete?cascade=true");
        assertThat(byKey.status()).as(byKey.body()).isEqualTo(409);

        // and Java callers (the engine itself, no user)
        assertThatThrownBy(() -> repositoryService.deleteDeployment(procedure.deploymentId, true))
                .isInstanceOf(Conflict.class).hasMessageContaining("1 running");

        assertThat(trailOf(procedure, running, finished)).isEqualTo(trail);
    }

    @Test
    void theLiveComplaintHandlingDeploymentIsDeletedByNobody() {
        String reference = Http.anonymous(port).post("/api/complaints", Map.of("customerName", "Tess", "customerEmail",
                "tess@example.com", "channel", "web", "category", "product", "description", "Arrived broken."))
                .json().get("reference").asText();
        String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        ProcessDefinition definition = repositoryService.getProcessDefinition(
                runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getProcessDefinitionId());
        assertThat(definition.getKey()).isEqualTo(ComplaintProcess.PROCESS_KEY);
        String deploymentId = definition.getDeploymentId();
        long historicTasks = historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).count();
        long variables = historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).count();
        long decisions = historyService.createHistoricDecisionInstanceQuery().processInstanceId(instanceId).count();
        assertThat(historicTasks).isPositive();
        assertThat(decisions).isPositive();
        // an agent takes the complaint: the operation log names her
        String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
        assertThat(Http.as(port, "alice").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "alice")).status())
                .isEqualTo(204);
        List<String> log = historyService.createUserOperationLogQuery().processInstanceId(instanceId).listPage(0, 100).stream()
                .map(UserOperationLogEntry::getId).sorted().toList();
        assertThat(log).isNotEmpty();

        assertThat(Http.as(port, "olga").delete("/engine-rest/deployment/" + deploymentId + "?cascade=true").status()).isEqualTo(403);
        Http.Response byAdmin = Http.as(port, "demo").delete("/engine-rest/deployment/" + deploymentId + "?cascade=true");
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(409);
        assertThat(byAdmin.json().get("message").asText()).contains("running").contains("time-to-live");
        assertThat(Http.as(port, "demo").delete("/engine-rest/deployment/" + deploymentId).status()).isEqualTo(409);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()).isOne();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count()).isOne();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(historicTasks);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(variables);
        assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(decisions);
        assertThat(historyService.createUserOperationLogQuery().processInstanceId(instanceId).listPage(0, 100).stream()
                .map(UserOperationLogEntry::getId).sorted().toList()).isEqualTo(log);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count()).isOne();
        Http.Response register = Http.as(port, "alice").get("/api/complaints/" + reference);
        assertThat(register.status()).isEqualTo(200);
        assertThat(register.json().get("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void anUnusedDeploymentIsDeletedByAnAdministratorOnly() {
        Procedure procedure = olgaDeploysAProcedureWithADecision();

        assertThat(Http.as(port, "olga").delete("/engine-rest/deployment/" + procedure.deploymentId + "?cascade=true").status())
                .isEqualTo(403);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(procedure.deploymentId).count()).isOne();

        Http.Response byAdmin = Http.as(port, "demo").delete("/engine-rest/deployment/" + procedure.deploymentId);
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(204);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(procedure.deploymentId).count()).isZero();
    }

    @Test
    void theCreatorOfADeploymentMayReadButNotDeleteIt() {
        Procedure procedure = olgaDeploysAProcedureWithADecision();
        List<Authorization> grants = grantsOn(procedure.deploymentId);
        assertThat(grants).hasSize(1);
        assertThat(grants.get(0).getUserId()).isEqualTo("olga");
        assertThat(grants.get(0).isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(grants.get(0).isPermissionGranted(Permissions.DELETE)).isFalse();
        assertThat(Http.as(port, "olga").get("/engine-rest/deployment/" + procedure.deploymentId).status()).isEqualTo(200);
    }

    @Test
    void deleteGrantsFromAnOlderDatabaseAreTakenAwayAtStartUp() {
        Procedure procedure = olgaDeploysAProcedureWithADecision();
        // what Camunda's default gave the creator of a deployment before this application took DELETE out
        Authorization legacy = grantsOn(procedure.deploymentId).get(0);
        legacy.addPermission(Permissions.DELETE);
        authorizationService.saveAuthorization(legacy);

        trailProtectionPlugin.postProcessEngineBuild(processEngine);
        trailProtectionPlugin.postProcessEngineBuild(processEngine);

        Authorization stripped = grantsOn(procedure.deploymentId).get(0);
        assertThat(stripped.getUserId()).isEqualTo("olga");
        assertThat(stripped.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(stripped.isPermissionGranted(Permissions.DELETE)).isFalse();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Roles.ADMINS).resourceType(Resources.DEPLOYMENT)
                .hasPermission(Permissions.DELETE).count()).isOne();
        assertThat(Http.as(port, "olga").delete("/engine-rest/deployment/" + procedure.deploymentId).status()).isEqualTo(403);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(procedure.deploymentId).count()).isOne();
    }

    @Test
    void cockpitsEngineApiRefusesTheSameWay() throws Exception {
        Procedure procedure = olgaDeploysAProcedureWithADecision();
        String running = procedure.start();
        Map<String, Object> trail = trailOf(procedure, running, null);

        WebappSession olga = WebappSession.login(port, "olga");
        assertThat(olga.delete("/camunda/api/engine/engine/default/deployment/" + procedure.deploymentId + "?cascade=true").statusCode())
                .isEqualTo(403);
        WebappSession demo = WebappSession.login(port, "demo");
        HttpResponse<String> byAdmin = demo.delete("/camunda/api/engine/engine/default/deployment/" + procedure.deploymentId
                + "?cascade=true");
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(409);
        assertThat(byAdmin.body()).contains("1 running");
        HttpResponse<String> history = demo.delete("/camunda/api/engine/engine/default/history/process-instance/" + running);
        assertThat(history.statusCode()).as(history.body()).isEqualTo(403);

        assertThat(trailOf(procedure, running, null)).isEqualTo(trail);
    }

    // --- deleting history -------------------------------------------------------------------------------------------

    @Test
    void historyIsNotDeletedThroughTheApiEvenByAnAdministrator() {
        Procedure procedure = olgaDeploysAProcedureWithADecision();
        String finished = procedure.start();
        String taskId = taskService.createTaskQuery().processInstanceId(finished).singleResult().getId();
        Http demo = Http.as(port, "demo");
        String commentId = demo.post("/engine-rest/task/" + taskId + "/comment/create", Map.of("message", "Called the customer."))
                .json().get("id").asText();
        String attachmentId = taskService.createAttachment("note", taskId, null, "note.txt", "a note", "https://example.com/n").getId();
        completeTheTaskOf(finished);
        String decisionInstanceId = procedure.evaluateTheDecision();
        String variableId = historyService.createHistoricVariableInstanceQuery().processInstanceId(finished).list().get(0).getId();
        String logEntryId = historyService.createUserOperationLogQuery().processInstanceId(finished).list().get(0).getId();
        Map<String, Object> trail = trailOf(procedure, null, finished);

        Map<String, Http.Response> attempts = new LinkedHashMap<>();
        attempts.put("DELETE /history/process-instance/{id}", demo.delete("/engine-rest/history/process-instance/" + finished));
        attempts.put("POST /history/process-instance/delete", demo.post("/engine-rest/history/process-instance/delete",
                Map.of("historicProcessInstanceIds", List.of(finished), "deleteReason", "tidy up")));
        attempts.put("DELETE /history/process-instance/{id}/variable-instances",
                demo.delete("/engine-rest/history/process-instance/" + finished + "/variable-instances"));
        attempts.put("DELETE /history/variable-instance/{id}", demo.delete("/engine-rest/history/variable-instance/" + variableId));
        attempts.put("POST /history/decision-instance/delete", demo.post("/engine-rest/history/decision-instance/delete",
                Map.of("historicDecisionInstanceIds", List.of(decisionInstanceId), "deleteReason", "tidy up")));
        attempts.put("POST /history/process-instance/set-removal-time", demo.post(
                "/engine-rest/history/process-instance/set-removal-time",
                Map.of("absoluteRemovalTime", "2000-01-01T00:00:00.000+0000", "historicProcessInstanceIds", List.of(finished))));
        attempts.put("POST /history/decision-instance/set-removal-time", demo.post(
                "/engine-rest/history/decision-instance/set-removal-time",
                Map.of("absoluteRemovalTime", "2000-01-01T00:00:00.000+0000", "historicDecisionInstanceIds", List.of(decisionInstanceId))));
        attempts.put("POST /history/batch/set-removal-time", demo.post("/engine-rest/history/batch/set-removal-time",
                Map.of("clearedRemovalTime", true, "historicBatchIds", List.of("any"))));
        attempts.put("PUT /process-definition/{id}/history-time-to-live", demo.put(
                "/engine-rest/process-definition/" + procedure.processDefinitionId + "/history-time-to-live",
                Map.of("historyTimeToLive", 0)));
        attempts.put("PUT /decision-definition/{id}/history-time-to-live", demo.put(
                "/engine-rest/decision-definition/" + procedure.decisionDefinitionId + "/history-time-to-live",
                Map.of("historyTimeToLive", 0)));
        attempts.put("DELETE /task/{id}/comment/{commentId}", demo.delete("/engine-rest/task/" + taskId + "/comment/" + commentId));
        attempts.put("PUT /task/{id}/comment", demo.put("/engine-rest/task/" + taskId + "/comment",
                Map.of("id", commentId, "message", "Never called.")));
        attempts.put("DELETE /process-instance/{id}/comment", demo.delete("/engine-rest/process-instance/" + finished + "/comment"));
        attempts.forEach((door, response) -> {
            assertThat(response.status()).as(door + ": " + response.body()).isEqualTo(403);
            assertThat(response.json().get("message").asText()).as(door)
                    .contains("History is removed only by the history cleanup after each model's time-to-live");
        });
        // the REST API has no door for these; Java callers are refused all the same
        assertThat(demo.delete("/engine-rest/history/user-operation/" + logEntryId).status() / 100).isNotEqualTo(2);
        identityService.setAuthentication("demo", List.of(Roles.ADMINS));
        try {
            HistoricTaskInstance historicTask = historyService.createHistoricTaskInstanceQuery().processInstanceId(finished).listPage(0, 1).get(0);
            assertRefused(() -> historyService.deleteUserOperationLogEntry(logEntryId));
            assertRefused(() -> historyService.deleteHistoricTaskInstance(historicTask.getId()));
            assertRefused(() -> historyService.deleteHistoricDecisionInstanceByInstanceId(decisionInstanceId));
            assertRefused(() -> historyService.deleteHistoricDecisionInstanceByDefinitionId(procedure.decisionDefinitionId));
            assertRefused(() -> historyService.deleteHistoricProcessInstances(List.of(finished)));
            assertRefused(() -> historyService.deleteHistoricProcessInstancesBulk(List.of(finished)));
            assertRefused(() -> historyService.deleteHistoricVariableInstancesByProcessInstanceId(finished));
            assertRefused(() -> repositoryService.updateProcessDefinitionHistoryTimeToLive(procedure.processDefinitionId, 0));
            assertRefused(() -> taskService.deleteTaskComments(taskId));
            assertRefused(() -> taskService.deleteTaskAttachment(taskId, attachmentId));
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(trailOf(procedure, null, finished)).isEqualTo(trail);
        Comment comment = taskService.getTaskComment(taskId, commentId);
        assertThat(comment.getFullMessage()).isEqualTo("Called the customer.");
        assertThat(taskService.getTaskAttachment(taskId, attachmentId)).isNotNull();
        assertThat(repositoryService.getProcessDefinition(procedure.processDefinitionId).getHistoryTimeToLive()).isEqualTo(1);
        assertThat(repositoryService.getDecisionDefinition(procedure.decisionDefinitionId).getHistoryTimeToLive()).isEqualTo(1);
    }

    @Test
    void theHistoryCleanupStillRemovesAnInstancePastItsTimeToLiveAndThenItsDeploymentMayGo() {
        String key = "trail-ttl-" + UUID.randomUUID().toString().substring(0, 8);
        String deploymentId = repositoryService.createDeployment().name(key)
                .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(0)
                        .startEvent().endEvent().done())
                .deploy().getId();
        String instanceId = runtimeService.startProcessInstanceByKey(key).getId();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count()).isOne();
        Http.Response kept = Http.as(port, "demo").delete("/engine-rest/deployment/" + deploymentId + "?cascade=true");
        assertThat(kept.status()).as(kept.body()).isEqualTo(409);
        assertThat(kept.json().get("message").asText()).contains("1 finished");

        Job cleanup = historyService.cleanUpHistoryAsync(true);
        managementService.executeJob(cleanup.getId());

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
        Http.Response gone = Http.as(port, "demo").delete("/engine-rest/deployment/" + deploymentId);
        assertThat(gone.status()).as(gone.body()).isEqualTo(204);
    }

    // --- retiring a procedure ---------------------------------------------------------------------------------------

    @Test
    void aProcessOwnerSuspendsAndActivatesADefinitionAndRetriesAFailedJob() {
        String key = "trail-retire-" + UUID.randomUUID().toString().substring(0, 8);
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Retire" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%1$s" name="Retire me" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="StartEvent_Started"/>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="Task_Compute"/>
                    <bpmn:serviceTask id="Task_Compute" name="Compute" camunda:asyncBefore="true" camunda:expression="${notThere}"/>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Compute" targetRef="EndEvent_Done"/>
                    <bpmn:endEvent id="EndEvent_Done"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key);
        Http olga = Http.as(port, "olga");
        Http demo = Http.as(port, "demo");
        Http.Response deployed = olga.multipart("/engine-rest/deployment/create", fields(key), Map.of(key + ".bpmn", model));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).singleResult().getId();
        String instanceId = demo.post("/engine-rest/process-definition/" + definitionId + "/start", Map.of()).json().get("id").asText();
        Job job = managementService.createJobQuery().processInstanceId(instanceId).singleResult();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("notThere");
        }
        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();

        // she sees the incident of her model (Cockpit's view of it), and retries the job
        Http.Response incidents = olga.get("/engine-rest/incident?processDefinitionId=" + definitionId + "&maxResults=10");
        assertThat(incidents.status()).as(incidents.body()).isEqualTo(200);
        assertThat(incidents.list()).hasSize(1);
        Http.Response retried = olga.put("/engine-rest/job/" + job.getId() + "/retries", Map.of("retries", 1));
        assertThat(retried.status()).as(retried.body()).isEqualTo(204);
        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isOne();

        // an agent may not retire a procedure
        Http.Response byAgent = Http.as(port, "alice").put("/engine-rest/process-definition/" + definitionId + "/suspended",
                Map.of("suspended", true, "includeProcessInstances", true));
        assertThat(byAgent.status()).as(byAgent.body()).isEqualTo(403);
        assertThat(repositoryService.getProcessDefinition(definitionId).isSuspended()).isFalse();

        // she retires it: no new instances, the running one waits
        Http.Response suspended = olga.put("/engine-rest/process-definition/" + definitionId + "/suspended",
                Map.of("suspended", true, "includeProcessInstances", true));
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(204);
        assertThat(repositoryService.getProcessDefinition(definitionId).isSuspended()).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().isSuspended()).isTrue();
        Http.Response start = demo.post("/engine-rest/process-definition/" + definitionId + "/start", Map.of());
        assertThat(start.status()).as(start.body()).isEqualTo(409);
        assertThat(start.json().get("message").asText()).contains("suspended");

        // and brings it back
        Http.Response activated = olga.put("/engine-rest/process-definition/" + definitionId + "/suspended",
                Map.of("suspended", false, "includeProcessInstances", true));
        assertThat(activated.status()).as(activated.body()).isEqualTo(204);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().isSuspended()).isFalse();
        assertThat(demo.post("/engine-rest/process-definition/" + definitionId + "/start", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aSuspendedComplaintProcedureAnswersTheIntakeWith409() {
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(ComplaintProcess.PROCESS_KEY)
                .latestVersion().singleResult();
        Http olga = Http.as(port, "olga");
        assertThat(olga.put("/engine-rest/process-definition/" + latest.getId() + "/suspended", Map.of("suspended", true)).status())
                .isEqualTo(204);
        try {
            Http.Response filed = Http.anonymous(port).post("/api/complaints", Map.of("customerName", "Ulla", "customerEmail",
                    "ulla@example.com", "channel", "web", "category", "product", "description", "Late."));
            assertThat(filed.status()).as(filed.body()).isEqualTo(409);
            assertThat(filed.json().get("detail").asText()).contains("suspended");
        } finally {
            assertThat(olga.put("/engine-rest/process-definition/" + latest.getId() + "/suspended", Map.of("suspended", false)).status())
                    .isEqualTo(204);
        }
        assertThat(Http.anonymous(port).post("/api/complaints", Map.of("customerName", "Ulla", "customerEmail",
                "ulla@example.com", "channel", "web", "category", "product", "description", "Late.")).status()).isEqualTo(201);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("History is removed only by the history cleanup");
    }

    private List<Authorization> grantsOn(String deploymentId) {
        return authorizationService.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT).resourceId(deploymentId).list();
    }

    /** What the trail of a procedure holds: instances, history, decisions, the operation log. */
    private Map<String, Object> trailOf(Procedure procedure, String running, String finished) {
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("deployment", repositoryService.createDeploymentQuery().deploymentId(procedure.deploymentId).count());
        trail.put("definitions", repositoryService.createProcessDefinitionQuery().deploymentId(procedure.deploymentId).count());
        for (String instance : new String[] {running, finished}) {
            if (instance == null) {
                continue;
            }
            trail.put(instance + " runtime", runtimeService.createProcessInstanceQuery().processInstanceId(instance).count());
            trail.put(instance + " history", historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count());
            trail.put(instance + " tasks", historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).count());
            trail.put(instance + " variables", historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).count());
            trail.put(instance + " activities", historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).count());
            trail.put(instance + " log", historyService.createUserOperationLogQuery().processInstanceId(instance).list().stream()
                    .map(UserOperationLogEntry::getId).sorted().toList());
        }
        trail.put("decisions", historyService.createHistoricDecisionInstanceQuery()
                .decisionDefinitionId(procedure.decisionDefinitionId).count());
        trail.put("deployment log", historyService.createUserOperationLogQuery().deploymentId(procedure.deploymentId).list().stream()
                .map(UserOperationLogEntry::getId).sorted().toList());
        return trail;
    }

    private void completeTheTaskOf(String instanceId) {
        String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
        Http.Response completed = Http.as(port, "demo").post("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of()));
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    }

    private static Map<String, String> fields(String name) {
        Map<String, String> fields = new LinkedHashMap<>(MODELER_FIELDS);
        fields.put("deployment-name", name);
        return fields;
    }

    /** A small procedure as a process owner deploys it from Modeler: a process with a task, and a decision. */
    private Procedure olgaDeploysAProcedureWithADecision() {
        String key = "trail-" + UUID.randomUUID().toString().substring(0, 8);
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Trail" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%1$s" name="Trail" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="StartEvent_Started"/>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="Task_Handle"/>
                    <bpmn:userTask id="Task_Handle" name="Handle" camunda:candidateGroups="agents"/>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Handle" targetRef="EndEvent_Done"/>
                    <bpmn:endEvent id="EndEvent_Done"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key);
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="Definitions_TrailDecision" name="Trail decision" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="%1$s-tier" name="Trail tier" camunda:historyTimeToLive="1">
                    <decisionTable id="DecisionTable_Tier">
                      <input id="Input_Amount" label="Amount">
                        <inputExpression id="InputExpression_Amount" typeRef="integer"><text>amount</text></inputExpression>
                      </input>
                      <output id="Output_Tier" label="Tier" name="tier" typeRef="string"/>
                      <rule id="Rule_Low">
                        <inputEntry id="InputEntry_Low"><text>&lt; 100</text></inputEntry>
                        <outputEntry id="OutputEntry_Low"><text>"low"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(key);
        Http.Response deployed = Http.as(port, "olga").multipart("/engine-rest/deployment/create", fields(key),
                Map.of(key + ".bpmn", bpmn, key + "-tier.dmn", dmn));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String deploymentId = deployed.json().get("id").asText();
        String processDefinitionId = repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult().getId();
        String decisionDefinitionId = repositoryService.createDecisionDefinitionQuery().deploymentId(deploymentId).singleResult().getId();
        return new Procedure(key, deploymentId, processDefinitionId, decisionDefinitionId);
    }

    private final class Procedure {
        final String key;
        final String deploymentId;
        final String processDefinitionId;
        final String decisionDefinitionId;

        Procedure(String key, String deploymentId, String processDefinitionId, String decisionDefinitionId) {
            this.key = key;
            this.deploymentId = deploymentId;
            this.processDefinitionId = processDefinitionId;
            this.decisionDefinitionId = decisionDefinitionId;
        }

        /** Started by the administrator (a process owner starts nothing she is not a candidate starter of). */
        String start() {
            Http.Response started = Http.as(port, "demo").post("/engine-rest/process-definition/" + processDefinitionId + "/start",
                    Map.of("variables", Map.of("amount", Map.of("value", 42, "type", "Integer"))));
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            return started.json().get("id").asText();
        }

        String evaluateTheDecision() {
            Http.Response evaluated = Http.as(port, "demo").post("/engine-rest/decision-definition/" + decisionDefinitionId + "/evaluate",
                    Map.of("variables", Map.of("amount", Map.of("value", 42, "type", "Integer"))));
            assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
            return historyService.createHistoricDecisionInstanceQuery().decisionDefinitionId(decisionDefinitionId)
                    .orderByEvaluationTime().desc().list().get(0).getId();
        }
    }

    /** Cockpit's own session: log in as the web apps do, then call their engine API with the CSRF token. */
    private static final class WebappSession {
        private final HttpClient client;
        private final String base;
        private final String csrfToken;

        private WebappSession(HttpClient client, String base, String csrfToken) {
            this.client = client;
            this.base = base;
            this.csrfToken = csrfToken;
        }

        static WebappSession login(int port, String user) throws Exception {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://localhost:" + port;
            // the first request of a session receives its CSRF token, which every later change must carry
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(user, StandardCharsets.UTF_8);
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/cockpit"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            HttpResponse<String> probe = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/deployment/count"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(probe.statusCode()).as(probe.body()).isEqualTo(200);
            return new WebappSession(client, base, probe.headers().firstValue("X-XSRF-TOKEN").orElse(token));
        }

        HttpResponse<String> delete(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", csrfToken)
                    .header("Accept", "application/json").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
