package org.servicecharter.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.SqlCounting.statementTextsOf;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link AuthorizedGroupsPlugin}: an authorized command no longer reads every group id of the authorization table,
 * and what a user may see is the same as before — groups without grants change nothing, and a user with more
 * groups than are passed as given still sees exactly their tasks.
 */
@ServiceCharterTest
class AuthorizedGroupsTests {

    private static final String TABLE_WIDE_GROUP_SCAN = "SELECT DISTINCT(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A";

    @Autowired
    ProcessEngine engine;

    String key;

    @BeforeEach
    void tasksOfferedToTwoGroups() {
        key = TaskQueryAuthorizationTests.offerTasks(engine, new String[][] {{"agents", "offeredonly"}, {"agents", "offeredonly"}, {"hr", "offeredonly"}});
    }

    @Test
    void aTaskQueryAsAUserDoesNotScanEveryGroupIdOfTheAuthorizationTable() {
        List<String> statements = statementTextsOf(() -> assertThat(visibleTo("alice", List.of("agents", "employees"))).hasSize(2));
        assertThat(statements).as("the task query ran through the counted data source").isNotEmpty()
                .noneMatch(sql -> normalized(sql).contains(TABLE_WIDE_GROUP_SCAN));

        engine.getIdentityService().setAuthentication("alice", List.of("agents", "employees"));
        try {
            // the engine's own manager, for comparison: the scan is what this plugin takes away
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            List<String> engineOwn = statementTextsOf(() -> configuration.getCommandExecutorTxRequired()
                    .execute(context -> new AuthorizationManager().filterAuthenticatedGroupIds(List.of("agents"))));
            assertThat(engineOwn).anyMatch(sql -> normalized(sql).contains(TABLE_WIDE_GROUP_SCAN));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void groupsWithoutGrantsChangeNothing() {
        assertThat(visibleTo("alice", List.of("agents", "no-such-group", "employees"))).hasSize(2);
        assertThat(visibleTo("hana", List.of("hr", "no-such-group"))).hasSize(1);
        assertThat(visibleTo("carl", List.of("no-such-group"))).isEmpty();
        assertThat(visibleTo("carl", List.of())).isEmpty();
    }

    @Test
    void aUserWithMoreGroupsThanArePassedAsGivenStillSeesExactlyTheirTasks() {
        List<String> many = new ArrayList<>(IntStream.range(0, AuthorizedGroupsPlugin.MAX_GROUPS_AS_GIVEN + 5)
                .mapToObj(i -> "directory-group-" + i).toList());
        many.add("hr");
        List<String> seen = new ArrayList<>();
        List<String> statements = statementTextsOf(() -> seen.addAll(visibleTo("hana", many)));
        assertThat(seen).hasSize(1);
        assertThat(statements).as("the engine's own filter").anyMatch(sql -> normalized(sql).contains(TABLE_WIDE_GROUP_SCAN));
    }

    private List<String> visibleTo(String user, List<String> groups) {
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            return engine.getTaskService().createTaskQuery().processDefinitionKey(key).listPage(0, 100).stream().map(Task::getId).toList();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static String normalized(String sql) {
        return sql.replaceAll("\\s+", " ").toUpperCase();
    }
}
