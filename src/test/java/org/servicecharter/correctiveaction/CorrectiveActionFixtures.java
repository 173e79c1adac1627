package org.servicecharter.correctiveaction;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.identity.Roles;

/**
 * Drives corrective-action cases as the people involved would: a fresh employee per test (the ladder reads the
 * employee file, so tests must not share one), reporting to sam (who reports to maria, then henry).
 */
final class CorrectiveActionFixtures {

    final IdentityService identityService;
    final RuntimeService runtimeService;
    final TaskService taskService;
    final ManagementService managementService;
    final ReportingLines reportingLines;

    CorrectiveActionFixtures(IdentityService identityService, RuntimeService runtimeService, TaskService taskService,
            ManagementService managementService, ReportingLines reportingLines) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.reportingLines = reportingLines;
    }

    /** A new agent (password = id) reporting to the manager. */
    String newEmployee(String manager) {
        identityService.clearAuthentication();
        String id = "ca" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        User user = identityService.newUser(id);
        user.setFirstName("Test");
        user.setLastName("Employee");
        user.setPassword(id);
        ((IdentityServiceImpl) identityService).saveUser(user, true); // password = id, like the demo users: around the policy
        identityService.createMembership(id, Roles.EMPLOYEES);
        identityService.createMembership(id, Roles.AGENTS);
        if (manager != null) {
            reportingLines.setManager(id, manager);
        }
        return id;
    }

    <T> T as(String user, Supplier<T> action) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    void asUser(String user, Runnable action) {
        as(user, () -> {
            action.run();
            return null;
        });
    }

    ProcessInstance open(String manager, String employee) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_EMPLOYEE, employee);
        variables.put(VAR_CONCERN, "Raised their voice at a customer at the counter.");
        return as(manager, () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables));
    }

    Task task(ProcessInstance pi, String activityId) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).singleResult();
    }

    static Map<String, Object> conversation(boolean substantiated, String severity) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_WHAT_HAPPENED, "The customer asked twice for a refund; the employee told them to stop complaining.");
        variables.put(VAR_EMPLOYEE_ACCOUNT, "It was the end of a long shift; I should not have said it.");
        variables.put(VAR_SUBSTANTIATED, substantiated);
        variables.put(VAR_SEVERITY, severity);
        return variables;
    }

    void document(String manager, ProcessInstance pi, boolean substantiated, String severity) {
        Task task = task(pi, HOLD_CONVERSATION);
        asUser(manager, () -> taskService.complete(task.getId(), conversation(substantiated, severity)));
    }

    void acknowledge(String employee, ProcessInstance pi) {
        Task task = task(pi, ACKNOWLEDGE);
        asUser(employee, () -> taskService.complete(task.getId(), Map.of(VAR_ACKNOWLEDGED, true)));
    }

    void decideHr(String hr, ProcessInstance pi, String decision, String reason) {
        Task task = task(pi, DECIDE_ON_DISMISSAL);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_HR_DECISION, decision);
        variables.put(VAR_HR_REASON, reason);
        asUser(hr, () -> taskService.complete(task.getId(), variables));
    }

    Job monitoringTimer(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(MONITORING_PERIOD_OVER)
                .singleResult();
    }

    void repeatComplaint(String employee, String reference) {
        runtimeService.createMessageCorrelation(MESSAGE_REPEAT_COMPLAINT)
                .processInstanceVariableEquals(VAR_EMPLOYEE, employee)
                .setVariable(VAR_COMPLAINT_REFERENCE, reference)
                .setVariable(VAR_CONCERN, "Another customer reports being told to stop complaining.")
                .correlate();
    }
}
