package org.servicecharter.correctiveaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.identity.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No one handles their own case, for corrective action: the employee a case is about — as the case register has it,
 * not the {@code employee} variable — never claims, is never given and never completes the case's conversation or
 * HR's review, even when they belong to the group the task is offered to (an HR employee: HR reviews every case and
 * holds the conversation when the employee reports to nobody). Their own acknowledgement stays theirs. Tried through
 * the engine REST API that Tasklist uses.
 */
@ServiceCharterTest
class CorrectiveActionOwnCaseTests {

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ReportingLines reportingLines;
    @Autowired CaseRegister register;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private CorrectiveActionFixtures fixtures() {
        return new CorrectiveActionFixtures(identityService, runtimeService, taskService, managementService, reportingLines);
    }

    /** A new HR employee (password = id), reporting to the manager, or to nobody. */
    private String newHrEmployee(String manager) {
        String id = "hr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        User user = identityService.newUser(id);
        user.setFirstName("Test");
        user.setLastName("HR");
        user.setPassword(id);
        ((IdentityServiceImpl) identityService).saveUser(user, true); // password = id, like the demo users: around the policy
        identityService.createMembership(id, Roles.HR);
        identityService.createMembership(id, Roles.EMPLOYEES);
        if (manager != null) {
            reportingLines.setManager(id, manager);
        }
        return id;
    }

    private static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type",
                value instanceof Boolean ? "Boolean" : "String")));
        return Map.of("variables", variables);
    }

    private List<String> candidateGroups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream().filter(l -> l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    @Test
    void anHrEmployeeNeverReviewsTheirOwnCaseNorIsGivenIt() {
        CorrectiveActionFixtures f = fixtures();
        String employee = newHrEmployee("sam");
        ProcessInstance pi = f.open("sam", employee);
        f.document("sam", pi, true, "gross-misconduct");
        Task review = f.task(pi, DECIDE_ON_DISMISSAL);
        assertThat(review).isNotNull();
        assertThat(candidateGroups(review.getId())).as("offered to HR, which %s is part of", employee).contains(Roles.HR);
        // the variable is not the record: rewritten, it changes nothing
        runtimeService.setVariable(pi.getId(), VAR_EMPLOYEE, "bob");

        Http self = Http.as(port, employee);
        Http.Response claim = self.post("/engine-rest/task/" + review.getId() + "/claim", Map.of("userId", employee));
        assertThat(claim.status()).as(claim.body()).isEqualTo(403);
        assertThat(claim.body()).contains("about " + employee);
        Http.Response complete = self.post("/engine-rest/task/" + review.getId() + "/submit-form",
                typed(Map.of(VAR_HR_DECISION, HR_RETAIN, VAR_HR_REASON, "I deserve another chance.")));
        assertThat(complete.status()).as(complete.body()).isEqualTo(403);
        Http.Response handed = Http.as(port, "demo").post("/engine-rest/task/" + review.getId() + "/assignee",
                Map.of("userId", employee));
        assertThat(handed.status()).as("not even an administrator hands it to them: %s", handed.body()).isEqualTo(403);
        Http.Response delegated = Http.as(port, "demo").post("/engine-rest/task/" + review.getId() + "/delegate",
                Map.of("userId", employee));
        assertThat(delegated.status()).as(delegated.body()).isEqualTo(403);

        assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
        // a colleague in HR reviews it
        runtimeService.setVariable(pi.getId(), VAR_EMPLOYEE, employee);
        Http hana = Http.as(port, "hana");
        assertThat(hana.post("/engine-rest/task/" + review.getId() + "/claim", Map.of("userId", "hana")).status()).isEqualTo(204);
        Http.Response decided = hana.post("/engine-rest/task/" + review.getId() + "/submit-form",
                typed(Map.of(VAR_HR_DECISION, HR_RETAIN, VAR_HR_REASON, "First incident in six years.")));
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
        // and the employee acknowledges their own corrective action, as before
        Task acknowledgement = f.task(pi, ACKNOWLEDGE);
        assertThat(acknowledgement.getAssignee()).isEqualTo(employee);
        Http.Response acknowledged = self.post("/engine-rest/task/" + acknowledgement.getId() + "/submit-form",
                typed(Map.of(VAR_ACKNOWLEDGED, true)));
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(204);
    }

    @Test
    void anHrEmployeeWhoReportsToNobodyDoesNotHoldTheConversationAboutThemselves() {
        String employee = newHrEmployee(null);
        // a complaint about them opens the case (complaint handling's message): with no manager, HR holds the conversation
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("customerName", "Erin Customer");
        complaint.put("customerEmail", "erin@example.com");
        complaint.put("channel", "phone");
        complaint.put("category", "staff-behaviour");
        complaint.put("description", "HR was rude to me when I called about my refund.");
        complaint.put("aboutEmployee", employee);
        Http.Response created = Http.anonymous(port).post("/api/complaints", complaint);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String reference = created.json().get("reference").asText();
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_EMPLOYEE, employee);
        variables.put(VAR_COMPLAINT_REFERENCE, reference);
        variables.put(VAR_CONCERN, "HR was rude to a customer.");
        ProcessInstance pi = runtimeService.createMessageCorrelation(MESSAGE_REQUESTED).processInstanceBusinessKey(reference)
                .setVariables(variables).correlateStartMessage();
        Task conversation = fixtures().task(pi, HOLD_CONVERSATION);
        assertThat(conversation.getAssignee()).isNull();
        assertThat(candidateGroups(conversation.getId())).containsExactly(Roles.HR);
        runtimeService.setVariable(pi.getId(), VAR_EMPLOYEE, "bob");

        Http self = Http.as(port, employee);
        Http.Response claim = self.post("/engine-rest/task/" + conversation.getId() + "/claim", Map.of("userId", employee));
        assertThat(claim.status()).as(claim.body()).isEqualTo(403);
        Http.Response complete = self.post("/engine-rest/task/" + conversation.getId() + "/submit-form",
                typed(Map.of(VAR_WHAT_HAPPENED, "Nothing.", VAR_EMPLOYEE_ACCOUNT, "Nothing.", VAR_SUBSTANTIATED, false)));
        assertThat(complete.status()).as(complete.body()).isEqualTo(403);
        Http.Response handed = Http.as(port, "demo").post("/engine-rest/task/" + conversation.getId() + "/assignee",
                Map.of("userId", employee));
        assertThat(handed.status()).as(handed.body()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(conversation.getId()).singleResult().getAssignee()).isNull();

        // a colleague in HR holds it
        runtimeService.setVariable(pi.getId(), VAR_EMPLOYEE, employee);
        Http hana = Http.as(port, "hana");
        assertThat(hana.post("/engine-rest/task/" + conversation.getId() + "/claim", Map.of("userId", "hana")).status()).isEqualTo(204);
        Http.Response documented = hana.post("/engine-rest/task/" + conversation.getId() + "/submit-form",
                typed(Map.of(VAR_WHAT_HAPPENED, "The customer was put on hold twice.", VAR_EMPLOYEE_ACCOUNT,
                        "The line was busy.", VAR_SUBSTANTIATED, false)));
        assertThat(documented.status()).as(documented.body()).isEqualTo(204);
    }

    @Test
    void theEmployeeIsNeverGivenTheConversationAboutThemselves() {
        // someone reporting to maria (a team lead, say): maria holds the conversation; nobody hands it to them
        // (no supervisors' membership here: other tests count the supervisors)
        CorrectiveActionFixtures f = fixtures();
        String supervisor = f.newEmployee("maria");
        ProcessInstance pi = f.open("maria", supervisor);
        Task conversation = f.task(pi, HOLD_CONVERSATION);
        assertThat(conversation.getAssignee()).isEqualTo("maria");

        Http.Response handed = Http.as(port, "demo").post("/engine-rest/task/" + conversation.getId() + "/assignee",
                Map.of("userId", supervisor));
        assertThat(handed.status()).as(handed.body()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(conversation.getId()).singleResult().getAssignee()).isEqualTo("maria");
    }

    @Test
    void aCaseOpenedBeforeTheRegisterIsEnteredWithTheEmployeeItWasOpenedFor() throws Exception {
        CorrectiveActionFixtures f = fixtures();
        String employee = f.newEmployee("sam");
        ProcessInstance pi = f.open("sam", employee);
        assertThat(register.employeeOf(pi.getId())).contains(employee);
        // as if opened before the register existed, its variable since rewritten
        jdbc.update("DELETE FROM corrective_action_case WHERE process_instance_id = ?", pi.getId());
        runtimeService.setVariable(pi.getId(), VAR_EMPLOYEE, "bob");
        assertThat(register.employeeOf(pi.getId())).isEmpty();

        register.run(null);

        assertThat(register.employeeOf(pi.getId())).contains(employee);
        register.run(null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM corrective_action_case WHERE process_instance_id = ?", Integer.class,
                pi.getId())).isEqualTo(1);
    }
}
