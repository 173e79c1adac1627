package org.servicecharter.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicecharter.SqlCounting.statementTextsOf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.platform.taskrights.DefinitionTaskGrants;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task query's authorization check asked as sub-queries ({@link TaskQueryAuthorization}): in use, and it lets
 * through exactly what the engine's join did — tasks offered to one of the user's groups or to the user, and every
 * task of a definition the user may read tasks of — and nothing else.
 */
@ServiceCharterTest
class TaskQueryAuthorizationTests {

    @Autowired
    ProcessEngine engine;

    String key;

    @BeforeEach
    void tasksOfferedToDifferentGroups() {
        key = offerTasks(engine, new String[][] {{"agents", "offeredonly"}, {"agents", "offeredonly"}, {"hr", "offeredonly"}, {"managers", "zoe"}});
    }

    @Test
    void theEngineRunsThePatchedMapping() {
        String resource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
                .getConfiguration().getMappedStatement("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria")
                .getResource();
        assertThat(resource).contains("servicecharter-task-mapping-");
    }

    @Test
    void thePatchTurnsTheJoinIntoSubQueriesAndRefusesAMappingItDoesNotKnow() throws IOException {
        String engineMapping;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(TaskQueryAuthorization.ENGINE_TASK_MAPPING)) {
            engineMapping = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String patched = TaskQueryAuthorization.patch(engineMapping);
        assertThat(engineMapping).contains("AUTH ON (AUTH.RESOURCE_ID_");
        assertThat(patched).doesNotContain("AUTH ON (AUTH.RESOURCE_ID_")
                .contains("RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ${prefix}ACT_RU_AUTHORIZATION A")
                .contains("D.KEY_ IN (SELECT A.RESOURCE_ID_").contains("OR '*' IN (SELECT A.RESOURCE_ID_")
                .contains("OR RES.ID_ IN (SELECT A.RESOURCE_ID_")
                .contains("(SELECT COUNT(A.ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A").contains("AND A.RESOURCE_ID_ = RES.ID_) &gt; 0")
                .contains("<when test=\"assignee != null ||");
        // the definition's grants are asked first: a task they show is not looked up again
        assertThat(patched.indexOf("D.KEY_ IN (SELECT")).isLessThan(patched.indexOf("(SELECT COUNT(A.ID_)"))
                .isLessThan(patched.indexOf("OR RES.ID_ IN (SELECT"));
        assertThatThrownBy(() -> TaskQueryAuthorization.patch(patched))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("servicecharter.task-query.sub-query-authorization");
    }

    @Test
    void aUserSeesTheTasksOfferedToTheirGroupsOrToThemAndNoOthers() {
        assertThat(visibleTo("alice", List.of("agents", "employees"))).isEqualTo(List.of("agents", "agents"));
        assertThat(visibleTo("hana", List.of("hr", "employees"))).isEqualTo(List.of("hr"));
        assertThat(visibleTo("zoe", List.of("employees"))).as("offered to her by name").isEqualTo(List.of("managers"));
        assertThat(visibleTo("carl", List.of("employees"))).isEmpty();
    }

    @Test
    void readingTasksOfTheDefinitionShowsAllOfItsTasks() {
        AuthorizationService authorizations = engine.getAuthorizationService();
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId("carl");
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(key);
        grant.addPermission(ProcessDefinitionPermissions.READ_TASK);
        authorizations.saveAuthorization(grant);
        try {
            assertThat(visibleTo("carl", List.of("employees"))).hasSize(4);
        } finally {
            authorizations.deleteAuthorization(grant.getId());
        }
    }

    @Test
    void queriesNarrowedToAnAssigneeOrACandidateCheckEachTasksOwnGrantsAndSeeTheSame() {
        Task agentsTask = engine.getTaskService().createTaskQuery().processDefinitionKey(key).taskCandidateGroup("agents")
                .listPage(0, 1).get(0);
        engine.getTaskService().setAssignee(agentsTask.getId(), "bob");

        assertThat(narrowed("alice", List.of("agents", "employees"), q -> q.taskCandidateGroupIn(List.of("agents", "hr", "managers"))))
                .as("the unassigned agents task").hasSize(1);
        assertThat(narrowed("alice", List.of("agents", "employees"), q -> q.taskCandidateGroupIn(List.of("agents", "hr")).includeAssignedTasks()))
                .hasSize(2);
        assertThat(narrowed("hana", List.of("hr", "employees"), q -> q.taskCandidateGroup("agents"))).isEmpty();
        assertThat(narrowed("hana", List.of("hr", "employees"), q -> q.taskCandidateGroup("hr"))).hasSize(1);
        assertThat(narrowed("zoe", List.of("employees"), q -> q.taskCandidateUser("zoe"))).hasSize(1);
        assertThat(narrowed("carl", List.of("employees"), q -> q.taskCandidateUser("zoe"))).isEmpty();
        assertThat(narrowed("bob", List.of("employees"), q -> q.taskAssignee("bob"))).as("assigned to him").hasSize(1);
        assertThat(narrowed("alice", List.of("agents"), q -> q.taskAssignee("bob"))).as("offered to her group").hasSize(1);
        assertThat(narrowed("carl", List.of("employees"), q -> q.taskAssignee("bob"))).isEmpty();
    }

    @Test
    void onlyNarrowedQueriesCheckGrantsPerTask() {
        String perTask = "A.RESOURCE_ID_ = RES.ID_";
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication("alice", List.of("agents", "employees"));
        try {
            List<String> narrowedSql = statementTextsOf(() -> engine.getTaskService().createTaskQuery().taskCandidateGroup("agents").listPage(0, 50));
            List<String> allTasksSql = statementTextsOf(() -> engine.getTaskService().createTaskQuery().processDefinitionKey(key).listPage(0, 50));
            assertThat(narrowedSql).anyMatch(sql -> sql.contains(perTask));
            assertThat(allTasksSql).isNotEmpty().noneMatch(sql -> sql.contains(perTask));
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void aTaskOfferedToSeveralOfTheUsersGroupsIsCountedOnceWithoutJoiningTheIdentityLinks() {
        String both = "offered-both-" + UUID.randomUUID().toString().substring(0, 8);
        engine.getRepositoryService().createDeployment().addModelInstance(both + ".bpmn", Bpmn.createExecutableProcess(both)
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Offered").camundaCandidateGroups("agents, hr")
                .endEvent().done()).deploy();
        for (int i = 0; i < 3; i++) {
            engine.getRuntimeService().startProcessInstanceByKey(both);
        }
        String bob = engine.getTaskService().createTaskQuery().processDefinitionKey(both).listPage(0, 1).get(0).getId();
        engine.getTaskService().setAssignee(bob, "bob");
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication("hilda", List.of("agents", "hr"));
        try {
            Supplier<TaskQuery> mine = () -> engine.getTaskService().createTaskQuery().processDefinitionKey(both);
            assertThat(mine.get().taskCandidateGroupIn(List.of("agents", "hr")).count()).isEqualTo(2)
                    .isEqualTo(mine.get().taskCandidateGroupIn(List.of("agents", "hr")).listPage(0, 50).size());
            assertThat(mine.get().taskCandidateGroupIn(List.of("agents", "hr")).includeAssignedTasks().count()).isEqualTo(3);
            // the queries that still join the links: an "or" query, an involved user
            assertThat(mine.get().or().taskCandidateGroup("agents").taskAssignee("bob").endOr().count()).isEqualTo(3)
                    .isEqualTo(mine.get().or().taskCandidateGroup("agents").taskAssignee("bob").endOr().listPage(0, 50).size());
            assertThat(mine.get().taskInvolvedUser("bob").count()).isEqualTo(1);
            assertThat(mine.get().taskCandidateGroup("hr").orderByTaskCreateTime().asc().listPage(0, 50)).hasSize(2);

            List<String> countSql = statementTextsOf(() -> mine.get().taskCandidateGroupIn(List.of("agents", "hr")).count());
            assertThat(countSql).anyMatch(sql -> sql.contains("RES.ID_ IN (SELECT I.TASK_ID_"))
                    .noneMatch(sql -> sql.toUpperCase().contains("DISTINCT"))
                    .noneMatch(sql -> sql.contains("ACT_RU_IDENTITYLINK I on"));
            List<String> orSql = statementTextsOf(() -> mine.get().or().taskCandidateGroup("agents").taskAssignee("bob").endOr().count());
            assertThat(orSql).anyMatch(sql -> sql.toUpperCase().contains("DISTINCT") && sql.contains("ACT_RU_IDENTITYLINK I on"));
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Deploys a model of its own whose one task is offered to a candidate group and a candidate user, and starts an
     * instance per {group, user} pair; returns the model's key.
     */
    static String offerTasks(ProcessEngine engine, String[][] offers) {
        String key = "offered-" + UUID.randomUUID().toString().substring(0, 8);
        BpmnModelInstance model = Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Offered").camundaCandidateGroups("${group}")
                .camundaCandidateUsers("${user}").endEvent().done();
        // confidential: its tasks keep their grants per task, which is what these tests check the query against
        Process process = model.getModelElementById(key);
        ExtensionElements extensions = model.newInstance(ExtensionElements.class);
        CamundaProperties properties = extensions.addExtensionElement(CamundaProperties.class);
        CamundaProperty confidential = model.newInstance(CamundaProperty.class);
        confidential.setCamundaName(DefinitionTaskGrants.CONFIDENTIAL);
        confidential.setCamundaValue("true");
        properties.addChildElement(confidential);
        process.setExtensionElements(extensions);
        engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", model).deploy();
        for (String[] offer : offers) {
            // tasks are offered only to people who exist (TaskPeopleExistPlugin)
            if (engine.getIdentityService().createUserQuery().userId(offer[1]).count() == 0) {
                engine.getIdentityService().saveUser(engine.getIdentityService().newUser(offer[1]));
            }
            engine.getRuntimeService().startProcessInstanceByKey(key, Map.of("group", offer[0], "user", offer[1]));
        }
        return key;
    }

    /** Tasks of this test's model the user sees through a narrowed query; the count must agree with the list. */
    private List<Task> narrowed(String user, List<String> groups, UnaryOperator<TaskQuery> narrowing) {
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication(user, groups);
        try {
            List<Task> tasks = narrowing.apply(engine.getTaskService().createTaskQuery().processDefinitionKey(key)).listPage(0, 100);
            assertThat(narrowing.apply(engine.getTaskService().createTaskQuery().processDefinitionKey(key)).count()).isEqualTo(tasks.size());
            return tasks;
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The candidate groups of the tasks of this test's model the user sees; the count must agree with the list. */
    private List<String> visibleTo(String user, List<String> groups) {
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication(user, groups);
        try {
            TaskQuery query = engine.getTaskService().createTaskQuery().processDefinitionKey(key);
            List<Task> tasks = query.listPage(0, 100);
            assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey(key).count()).isEqualTo(tasks.size());
            identity.clearAuthentication();
            return tasks.stream().map(task -> engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId()).sorted().toList();
        } finally {
            identity.clearAuthentication();
        }
    }
}
