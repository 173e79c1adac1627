package org.servicecharter.correctiveaction;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.servicecharter.identity.ReportingLines;
import org.springframework.stereotype.Component;

/**
 * Who sees one case: the employee's manager chain, by per-instance and per-task authorizations (nobody has rights on
 * the corrective-action definition as a whole except HR and auditors, see {@link CorrectiveActionGrants}). The
 * employee gets nothing here: only their acknowledgement task, as its assignee, from the engine.
 *
 * <p>Runtime authorizations (instance, task) disappear with the instance and task; the history authorization
 * (HISTORIC_PROCESS_INSTANCE, effective with {@code enable-historic-instance-permissions}) covers the historic instance,
 * its tasks, activities and variables and is removed by history cleanup with the instance's history.
 */
@Component
public class CorrectiveActionAccess {

    private final ReportingLines reportingLines;
    private final AuthorizationService authorizationService;

    public CorrectiveActionAccess(ReportingLines reportingLines, AuthorizationService authorizationService) {
        this.reportingLines = reportingLines;
        this.authorizationService = authorizationService;
    }

    /** The people who see the employee's case: the managers above them, nearest first. */
    public List<String> readers(String employee) {
        return reportingLines.managerChain(employee).stream().filter(u -> !u.equals(employee)).toList();
    }

    public void grantCase(String processInstanceId, String employee) {
        for (String reader : readers(employee)) {
            grant(reader, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
            grant(reader, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
        }
    }

    /**
     * Read access to a new task for the chain; the assignee is left out, the engine grants them the task already (in
     * the same, not yet flushed, transaction).
     */
    public void grantTask(String taskId, String assignee, String employee) {
        for (String reader : readers(employee)) {
            if (reader.equals(assignee)) {
                continue;
            }
            grant(reader, Resources.TASK, taskId, TaskPermissions.READ);
        }
    }

    private void grant(String userId, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .userIdIn(userId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setUserId(userId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (authorization.isPermissionGranted(permission)) {
            return;
        }
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }
}
