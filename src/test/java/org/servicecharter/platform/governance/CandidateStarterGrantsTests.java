package org.servicecharter.platform.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner brings a new procedure into use without Java: the model's candidate starters become the grants
 * to see and start it, version by version, through the same doors people use (Camunda Modeler's deploy request,
 * Tasklist's start list query, the REST start).
 */
@ServiceCharterTest
class CandidateStarterGrantsTests {

    /** The query Tasklist sends for its "Start process" list. */
    static final String START_LIST = "/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true"
            + "&latestVersion=true&maxResults=50";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    AuthorizationService authorizationService;

    @Test
    void agentsListedByTheModelSeeAndStartItOthersDoNotAndANewVersionMovesTheRight() {
        NewProcedure procedure = NewProcedure.fresh("returned-item");
        Http olga = Http.as(port, "olga");
        assertThat(startList("alice")).doesNotContain(procedure.key);
        assertThat(start("bob", procedure.key).status()).isEqualTo(404);

        Http.Response v1 = procedure.deployAs(olga, "camunda:candidateStarterGroups=\"agents\"");
        assertThat(v1.status()).as(v1.body()).isEqualTo(200);

        assertThat(startList("alice")).contains(procedure.key);
        Http.Response byBob = start("bob", procedure.key);
        assertThat(byBob.status()).as(byBob.body()).isEqualTo(200);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(byBob.json().get("id").asText())
                .singleResult().getStartUserId()).isEqualTo("bob");
        assertThat(startList("hana")).doesNotContain(procedure.key);
        Http.Response byHana = startById("hana", latest(procedure.key).getId());
        assertThat(byHana.status()).as(byHana.body()).isEqualTo(403);
        assertThat(startList("sam")).doesNotContain(procedure.key);

        // the next version is for the supervisors: the agents lose the start right, sam gains it
        Http.Response v2 = procedure.deployAs(olga, "camunda:candidateStarterGroups=\"supervisors\"");
        assertThat(v2.status()).as(v2.body()).isEqualTo(200);
        assertThat(latest(procedure.key).getVersion()).isEqualTo(2);

        assertThat(startList("alice")).doesNotContain(procedure.key);
        assertThat(start("bob", procedure.key).status()).isEqualTo(403);
        assertThat(startById("bob", latest(procedure.key).getId()).status()).isEqualTo(403);
        assertThat(startList("sam")).contains(procedure.key);
        Http.Response bySam = start("sam", procedure.key);
        assertThat(bySam.status()).as(bySam.body()).isEqualTo(200);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(bySam.json().get("id").asText())
                .singleResult().getProcessDefinitionId()).isEqualTo(latest(procedure.key).getId());

        // the start right on every other procedure is untouched
        assertThat(startList("alice")).contains("complaint-handling", "decision-approval");
    }

    @Test
    void aRightGivenByHandToSomeoneNoVersionListedStays() {
        NewProcedure procedure = NewProcedure.fresh("by-hand");
        Http olga = Http.as(port, "olga");
        assertThat(procedure.deployAs(olga, "camunda:candidateStarterGroups=\"agents\"").status()).isEqualTo(200);
        // an administrator lets HR start it too (Admin → Authorizations)
        Http demo = Http.as(port, "demo");
        assertThat(demo.post("/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("READ", "CREATE_INSTANCE"),
                "groupId", "hr", "resourceType", Resources.PROCESS_DEFINITION.resourceType(), "resourceId", procedure.key)).status())
                .isEqualTo(200);
        assertThat(start("hana", procedure.key).status()).isEqualTo(200);

        assertThat(procedure.deployAs(olga, "camunda:candidateStarterGroups=\"supervisors\"").status()).isEqualTo(200);

        assertThat(start("hana", procedure.key).status()).as("HR's right came from the administrator, not from a model").isEqualTo(200);
        assertThat(start("bob", procedure.key).status()).isEqualTo(403);
    }

    @Test
    void candidateStarterUsersLetOlgaDeployAndStartHerOwnProcedureButNoOneElses() {
        NewProcedure hers = NewProcedure.fresh("olgas-own");
        Http olga = Http.as(port, "olga");
        assertThat(hers.deployAs(olga, "camunda:candidateStarterUsers=\"olga\"").status()).isEqualTo(200);
        // Modeler's "Deploy and start": the deployment, then a start of the definition it created, as the same user
        Http.Response started = olga.post("/engine-rest/process-definition/" + latest(hers.key).getId() + "/start",
                Map.of("variables", Map.of(NewProcedure.START_FIELD, Map.of("value", "Deploy and start", "type", "String"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(startById("alice", latest(hers.key).getId()).status()).isEqualTo(403);

        NewProcedure agents = NewProcedure.fresh("agents-only");
        assertThat(agents.deployAs(olga, "camunda:candidateStarterGroups=\"agents\"").status()).isEqualTo(200);
        assertThat(olga.post("/engine-rest/process-definition/" + latest(agents.key).getId() + "/start", Map.of()).status())
                .isEqualTo(403);
    }

    @Test
    void deployingGrantsNothingElseAndGivesTheProcessOwnerNoRightOnGroupsOrAuthorizations() {
        NewProcedure procedure = NewProcedure.fresh("no-escalation");
        Http olga = Http.as(port, "olga");
        assertThat(procedure.deployAs(olga, "camunda:candidateStarterGroups=\"agents\" camunda:candidateStarterUsers=\"olga\"").status())
                .isEqualTo(200);

        List<Authorization> written = authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
                .resourceId(procedure.key).list();
        assertThat(written).extracting(a -> a.getGroupId() != null ? "group " + a.getGroupId() : "user " + a.getUserId())
                .containsExactlyInAnyOrder("group agents", "user olga");
        for (Authorization authorization : written) {
            assertThat(authorization.getPermissions(ProcessDefinitionPermissions.values())).filteredOn(p -> p.getValue() != 0)
                    .containsExactlyInAnyOrder(
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        // written as part of her deployment: the operation log says who gave the start right
        assertThat(engine.getHistoryService().createUserOperationLogQuery().entityType(EntityTypes.AUTHORIZATION).userId("olga")
                .property("resourceId").list()).extracting(UserOperationLogEntry::getNewValue).contains(procedure.key);
        // yet she still may not write grants or create groups herself
        assertThat(olga.post("/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("ALL"), "userId", "olga",
                "resourceType", Resources.PROCESS_DEFINITION.resourceType(), "resourceId", "*")).status()).isEqualTo(403);
        assertThat(olga.post("/engine-rest/group/create", Map.of("id", "olgas-friends", "name", "Olga's friends", "type", "WORKFLOW"))
                .status()).isEqualTo(403);
        assertThat(engine.getIdentityService().createGroupQuery().groupId("olgas-friends").count()).isZero();
    }

    @Test
    void expressionsInTheAttributesAreIgnored() {
        NewProcedure procedure = NewProcedure.fresh("expression-starters");
        Http.Response deployed = procedure.deployAs(Http.as(port, "olga"),
                "camunda:candidateStarterGroups=\"agents, ${starterGroup}\" camunda:candidateStarterUsers=\"#{starter}\"");
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);

        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION).resourceId(procedure.key)
                .list()).extracting(Authorization::getGroupId).containsExactly("agents");
        assertThat(startList("alice")).contains(procedure.key);
    }

    @Test
    void aDeploymentTheEngineMerelyLoadsAgainGrantsNothing() {
        NewProcedure procedure = NewProcedure.fresh("reloaded");
        assertThat(procedure.deployAs(Http.as(port, "olga"), "camunda:candidateStarterGroups=\"agents\"").status()).isEqualTo(200);
        // an administrator takes the agents' start right back by hand
        Authorization agents = authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
                .resourceId(procedure.key).groupIdIn("agents").singleResult();
        agents.removePermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
        authorizationService.saveAuthorization(agents);
        assertThat(startList("alice")).doesNotContain(procedure.key);

        // as after a restart, or on another node: the engine parses the deployment again into its cache
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache().discardProcessDefinitionCache();
        assertThat(repositoryService.getProcessDefinition(latest(procedure.key).getId()).getKey()).isEqualTo(procedure.key);
        assertThat(start("bob", procedure.key).status()).isEqualTo(403);
        assertThat(startList("alice")).doesNotContain(procedure.key);
    }

    /**
     * The repository's own models now say who starts them; the rights are those the features used to grant in Java
     * (agents, supervisors and managers log complaints; every employee asks for an approval; ...).
     */
    @Test
    void theRepositoryModelsGrantTheStartRightsTheFeaturesUsedToGrant() {
        Map<String, Set<String>> expected = Map.of(
                "complaint-handling", Set.of("agents", "supervisors", "managers"),
                "complaint-correction", Set.of("supervisors", "managers"),
                "decision-approval", Set.of("employees"),
                "corrective-action", Set.of("supervisors", "managers", "head-of-service"),
                "handbook-signoff", Set.of("process-owners"),
                "plan-review", Set.of("managers", "head-of-service"));
        expected.forEach((key, groups) -> {
            Set<String> starters = authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .resourceType(Resources.PROCESS_DEFINITION).resourceId(key).hasPermission(ProcessDefinitionPermissions.CREATE_INSTANCE)
                    .list().stream()
                    .map(a -> a.getGroupId() != null ? a.getGroupId() : "user " + a.getUserId())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(starters).as(key).isEqualTo(new TreeSet<>(groups));
            for (String group : groups) {
                assertThat(authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                        .resourceType(Resources.PROCESS_INSTANCE).resourceId("*").groupIdIn(group)
                        .hasPermission(ProcessInstancePermissions.CREATE).count()).as("%s: PROCESS_INSTANCE CREATE", group).isEqualTo(1);
            }
        });
        assertThat(authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("handbook-signoff-employee").hasPermission(ProcessDefinitionPermissions.CREATE_INSTANCE).count())
                .as("the employee's sign-off is started by the publishing process only").isZero();
    }

    private List<String> startList(String user) {
        Http.Response response = Http.as(port, user).get(START_LIST);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.list().stream().map(d -> (String) d.get("key")).toList();
    }

    private Http.Response start(String user, String key) {
        return Http.as(port, user).post("/engine-rest/process-definition/key/" + key + "/start",
                Map.of("variables", Map.of(NewProcedure.START_FIELD, Map.of("value", "Started by " + user, "type", "String"))));
    }

    /** As Camunda Modeler's "Deploy and start" does: the definition it just deployed, by id. */
    private Http.Response startById(String user, String definitionId) {
        return Http.as(port, user).post("/engine-rest/process-definition/" + definitionId + "/start",
                Map.of("variables", Map.of(NewProcedure.START_FIELD, Map.of("value", "Started by " + user, "type", "String"))));
    }

    private ProcessDefinition latest(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }
}
