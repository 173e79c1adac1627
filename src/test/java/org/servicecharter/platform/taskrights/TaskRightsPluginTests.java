package org.servicecharter.platform.taskrights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine grants candidates TASK_WORK, and the UPDATE that open tasks got before is narrowed at start; the engine's
 * authorization checker is the one that lets managers re-route their people's tasks.
 */
@ServiceCharterTest
class TaskRightsPluginTests {

    @Autowired AuthorizationService authorizationService;
    @Autowired ProcessEngineConfiguration configuration;

    @Test
    void candidatesGetTaskWorkNotUpdate() {
        assertThat(((ProcessEngineConfigurationImpl) configuration).getDefaultUserPermissionForTask()).isEqualTo(Permissions.TASK_WORK);
    }

    @Test
    void theEnginesAuthorizationCheckerIsTheOneThatLetsManagersRerouteTheirPeoplesTasks() {
        List<CommandChecker> checkers = ((ProcessEngineConfigurationImpl) configuration).getCommandCheckers();
        assertThat(checkers).hasAtLeastOneElementOfType(TeamReroute.class)
                .noneMatch(checker -> checker.getClass() == AuthorizationCommandChecker.class);
    }

    @Test
    void oldUpdateGrantsOnOneTaskAreNarrowedToTaskWorkAndNothingElseIsTouched() {
        String taskId = "old-task-" + UUID.randomUUID();
        Authorization old = grant("bob", null, taskId, Permissions.READ, Permissions.UPDATE);
        Authorization admin = grant(null, "camunda-admin", taskId, Permissions.READ, Permissions.UPDATE);
        String everyTaskUser = "u" + UUID.randomUUID().toString().substring(0, 8);
        Authorization everyTask = grant(everyTaskUser, null, ANY, Permissions.UPDATE);

        int narrowed = TaskRightsPlugin.narrowTaskGrants(authorizationService, List.of("camunda-admin"), List.of());

        assertThat(narrowed).isGreaterThanOrEqualTo(1);
        Authorization after = reload(old);
        assertThat(after.isPermissionGranted(Permissions.UPDATE)).isFalse();
        assertThat(after.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
        assertThat(after.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(reload(admin).isPermissionGranted(Permissions.UPDATE)).isTrue();
        assertThat(reload(everyTask).isPermissionGranted(Permissions.UPDATE)).isTrue();
        assertThat(TaskRightsPlugin.narrowTaskGrants(authorizationService, List.of("camunda-admin"), List.of()))
                .as("idempotent").isZero();

        authorizationService.deleteAuthorization(old.getId());
        authorizationService.deleteAuthorization(admin.getId());
        authorizationService.deleteAuthorization(everyTask.getId());
    }

    private Authorization grant(String user, String group, String resourceId, Permissions... permissions) {
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setUserId(user);
        authorization.setGroupId(group);
        authorization.setResource(Resources.TASK);
        authorization.setResourceId(resourceId);
        for (Permissions permission : permissions) {
            authorization.addPermission(permission);
        }
        return authorizationService.saveAuthorization(authorization);
    }

    private Authorization reload(Authorization authorization) {
        return authorizationService.createAuthorizationQuery().authorizationId(authorization.getId()).singleResult();
    }
}
