package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.approval.ApprovalProcess;
import org.servicecharter.approval.ApprovalRegister;
import org.servicecharter.complaint.ComplaintProcess;
import org.servicecharter.complaint.ComplaintRegister;
import org.servicecharter.complaint.CustomerMessages;
import org.servicecharter.correctiveaction.CorrectiveActionProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, point 3 — facts are changed only where the procedure says so — attacked as the demo users through the
 * engine REST API that Tasklist uses: a completion carries only its form's fields; variables are written directly by
 * administrators only; and the facts that drive other procedures come from their register even when an
 * administrator has changed the variable.
 */
@ServiceCharterTest
class FactsAttackTests {

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired ComplaintRegister complaints;
    @Autowired CustomerMessages customerMessages;
    @Autowired ApprovalRegister approvals;

    /** A complaint from the public intake about an employee; returns its handling task. */
    private Task complaintAbout(String employee) {
        return PublicComplaints.about(port, taskService, employee);
    }

    private static Map<String, Object> value(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    /** The handling form's own fields: contacted, apologised, resolution, no goodwill. */
    private static Map<String, Object> resolution(String text) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ComplaintProcess.VAR_CUSTOMER_CONTACTED, value(true, "Boolean"));
        variables.put(ComplaintProcess.VAR_APOLOGISED, value(true, "Boolean"));
        variables.put(ComplaintProcess.VAR_RESOLUTION, value(text, "String"));
        variables.put(ComplaintProcess.VAR_GOODWILL_PROPOSED, value(false, "Boolean"));
        return variables;
    }

    private static Map<String, Object> body(Map<String, Object> variables) {
        return Map.of("variables", variables);
    }

    private String reference(Task task) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
    }

    private Object variable(Task task, String name) {
        return runtimeService.getVariable(task.getProcessInstanceId(), name);
    }

    // --- a completion carries its form's fields and nothing else ---------------------------------------------------

    @Test
    void completingWithAVariableTheFormDoesNotHaveIsRefusedByNameAndChangesNothing() {
        Task task = complaintAbout("bob");
        Http alice = Http.as(port, "alice");
        assertThat(alice.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);

        Map<String, Object> rewritten = resolution("Sorted.");
        rewritten.put(ComplaintProcess.VAR_ABOUT_EMPLOYEE, value("maria", "String"));
        for (String door : List.of("/complete", "/submit-form", "/resolve")) {
            Http.Response refused = alice.post("/engine-rest/task/" + task.getId() + door, body(rewritten));
            assertThat(refused.status()).as(door + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("message").asText()).as(door)
                    .contains("has no field 'aboutEmployee'").contains("it accepts: ").contains("resolution")
                    .contains("goodwillProposed");
        }
        Http.Response error = alice.post("/engine-rest/task/" + task.getId() + "/bpmnError",
                Map.of("errorCode", "whatever", "variables", Map.of(ComplaintProcess.VAR_ABOUT_EMPLOYEE, value("maria", "String"))));
        assertThat(error.status()).as(error.body()).isEqualTo(400);

        // a fact the form only shows (a disabled field) is not the worker's to change either
        Map<String, Object> address = resolution("Sorted.");
        address.put(ComplaintProcess.VAR_CUSTOMER_EMAIL, value("mallory@example.org", "String"));
        Http.Response shown = alice.post("/engine-rest/task/" + task.getId() + "/complete", body(address));
        assertThat(shown.status()).as(shown.body()).isEqualTo(400);
        assertThat(shown.json().get("message").asText()).contains("'customerEmail'");

        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);
        assertThat(variable(task, ComplaintProcess.VAR_ABOUT_EMPLOYEE)).isEqualTo("bob");
        assertThat(variable(task, ComplaintProcess.VAR_CUSTOMER_EMAIL)).isEqualTo("erin@example.com");
        assertThat(complaints.find(reference(task)).orElseThrow().status()).isEqualTo("OPEN");

        // the form's own fields complete it, as Tasklist sends them
        Http.Response done = alice.post("/engine-rest/task/" + task.getId() + "/submit-form", body(resolution("Sorted.")));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(complaints.find(reference(task)).orElseThrow().status()).isEqualTo("RESOLVED");
    }

    @Test
    void someoneWhoMayNotWorkTheTaskHearsForbiddenNotItsFields() {
        Task task = complaintAbout("bob");
        Map<String, Object> rewritten = resolution("Sorted.");
        rewritten.put(ComplaintProcess.VAR_ABOUT_EMPLOYEE, value("maria", "String"));
        Http.Response audrey = Http.as(port, "audrey").post("/engine-rest/task/" + task.getId() + "/complete", body(rewritten));
        assertThat(audrey.status()).as(audrey.body()).isEqualTo(403);
        assertThat(audrey.body()).doesNotContain("it accepts");
    }

    // --- variables are written directly by administrators only -----------------------------------------------------

    @Test
    void directVariableWritesAreRefusedForEveryRoleButAdministrators() {
        Task task = complaintAbout("bob");
        String t = "/engine-rest/task/" + task.getId();
        String pi = "/engine-rest/process-instance/" + task.getProcessInstanceId();
        String ex = "/engine-rest/execution/" + task.getExecutionId();
        Map<String, Object> maria = value("maria", "String");
        Map<String, Object> modifications = Map.of("modifications", Map.of(ComplaintProcess.VAR_ABOUT_EMPLOYEE, maria));
        Map<String, Object> deletions = Map.of("deletions", List.of(ComplaintProcess.VAR_DESCRIPTION));

        for (String user : List.of("alice", "bob", "sam", "maria", "olga", "audrey", "hana")) {
            Http http = Http.as(port, user);
            Map<String, Http.Response> answers = new LinkedHashMap<>();
            answers.put("PUT task variable", http.put(t + "/variables/" + ComplaintProcess.VAR_ABOUT_EMPLOYEE, maria));
            answers.put("PUT task local variable", http.put(t + "/localVariables/" + ComplaintProcess.VAR_ABOUT_EMPLOYEE, maria));
            answers.put("POST task variables", http.post(t + "/variables", modifications));
            answers.put("POST task variables (delete)", http.post(t + "/variables", deletions));
            answers.put("DELETE task variable", http.delete(t + "/variables/" + ComplaintProcess.VAR_DESCRIPTION));
            answers.put("PUT instance variable", http.put(pi + "/variables/" + ComplaintProcess.VAR_ABOUT_EMPLOYEE, maria));
            answers.put("POST instance variables", http.post(pi + "/variables", modifications));
            answers.put("DELETE instance variable", http.delete(pi + "/variables/" + ComplaintProcess.VAR_DESCRIPTION));
            answers.put("PUT execution variable", http.put(ex + "/localVariables/" + ComplaintProcess.VAR_ABOUT_EMPLOYEE, maria));
            answers.put("POST execution variables", http.post(ex + "/localVariables", modifications));
            answers.put("DELETE execution variable", http.delete(ex + "/localVariables/" + ComplaintProcess.VAR_DESCRIPTION));
            answers.forEach((door, answer) -> assertThat(answer.status()).as(user + " " + door + ": " + answer.body())
                    .isEqualTo(403));
        }
        assertThat(variable(task, ComplaintProcess.VAR_ABOUT_EMPLOYEE)).isEqualTo("bob");
        assertThat(variable(task, ComplaintProcess.VAR_DESCRIPTION)).isEqualTo("The person at the counter was rude to me.");
        assertThat(runtimeService.getVariablesLocal(task.getExecutionId())).doesNotContainKey(ComplaintProcess.VAR_ABOUT_EMPLOYEE);

        Http.Response admin = Http.as(port, "demo").put(pi + "/variables/" + ComplaintProcess.VAR_ABOUT_EMPLOYEE, maria);
        assertThat(admin.status()).as(admin.body()).isEqualTo(204);
        assertThat(variable(task, ComplaintProcess.VAR_ABOUT_EMPLOYEE)).isEqualTo("maria");
    }

    // --- the facts that drive other procedures come from their register --------------------------------------------

    @Test
    void correctiveActionOpensAgainstTheEmployeeTheRegisterNamesNotTheVariable() {
        Task task = complaintAbout("bob");
        String reference = reference(task);
        Http demo = Http.as(port, "demo");
        String pi = "/engine-rest/process-instance/" + task.getProcessInstanceId();
        assertThat(demo.put(pi + "/variables/" + ComplaintProcess.VAR_ABOUT_EMPLOYEE, value("maria", "String")).status())
                .isEqualTo(204);
        assertThat(demo.put(pi + "/variables/" + ComplaintProcess.VAR_DESCRIPTION, value("Nothing happened.", "String")).status())
                .isEqualTo(204);

        Http alice = Http.as(port, "alice");
        assertThat(alice.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);
        Http.Response done = alice.post("/engine-rest/task/" + task.getId() + "/complete", body(resolution("Apologised.")));
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        ProcessInstance action = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(CorrectiveActionProcess.PROCESS_KEY).processInstanceBusinessKey(reference).singleResult();
        assertThat(action).as("a corrective-action case for the complaint").isNotNull();
        assertThat(runtimeService.getVariable(action.getId(), CorrectiveActionProcess.VAR_EMPLOYEE)).isEqualTo("bob");
        assertThat(runtimeService.getVariable(action.getId(), "concern")).isEqualTo("The person at the counter was rude to me.");
        assertThat(complaints.find(reference).orElseThrow().aboutEmployee()).isEqualTo("bob");
    }

    @Test
    void theSurveyGoesToTheAddressTheRegisterHoldsNotTheVariable() {
        Task task = complaintAbout("bob");
        String reference = reference(task);
        String pi = "/engine-rest/process-instance/" + task.getProcessInstanceId();
        Http demo = Http.as(port, "demo");
        assertThat(demo.put(pi + "/variables/" + ComplaintProcess.VAR_CUSTOMER_EMAIL, value("mallory@example.org", "String"))
                .status()).isEqualTo(204);
        assertThat(demo.put(pi + "/variables/" + ComplaintProcess.VAR_CUSTOMER_NAME, value("Mallory", "String")).status())
                .isEqualTo(204);

        Http alice = Http.as(port, "alice");
        assertThat(alice.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);
        assertThat(alice.post("/engine-rest/task/" + task.getId() + "/complete", body(resolution("Apologised."))).status())
                .isEqualTo(204);
        Job survey = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId())
                .activityId(ComplaintProcess.SEND_SURVEY).singleResult();
        assertThat(survey).isNotNull();
        managementService.executeJob(survey.getId());

        List<CustomerMessages.Message> sent = customerMessages.forReference(reference).stream()
                .filter(m -> m.body().contains("/survey/")).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).recipient()).isEqualTo("erin@example.com");
        assertThat(sent.get(0).body()).contains("Erin Customer").doesNotContain("Mallory");
    }

    @Test
    void anApprovalIsDecidedAgainstTheAmountAndRequesterTheRegisterHolds() {
        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("type", "refund");
        ask.put("amount", 200);
        ask.put("currency", "EUR");
        ask.put("reason", "The customer was charged twice for the same order.");
        Http.Response asked = Http.as(port, "alice").post("/api/approvals", ask);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String id = asked.json().get("id").asText();
        String instance = approvals.find(id).orElseThrow().processInstanceId();
        Http demo = Http.as(port, "demo");
        String pi = "/engine-rest/process-instance/" + instance;
        assertThat(demo.put(pi + "/variables/" + ApprovalProcess.VAR_AMOUNT, value(5000.0, "Double")).status()).isEqualTo(204);
        assertThat(demo.put(pi + "/variables/" + ApprovalProcess.VAR_REQUESTER, value("sam", "String")).status()).isEqualTo(204);

        // the variable says sam asked; the register says alice did: sam may decide it
        Http sam = Http.as(port, "sam");
        Http.Response tooMuch = sam.post("/api/approvals/" + id + "/decision", Map.of("decision", "approve", "approvedAmount", 4000));
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(400);
        assertThat(approvals.find(id).orElseThrow().isOpen()).isTrue();

        Http.Response approved = sam.post("/api/approvals/" + id + "/decision", Map.of("decision", "approve"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        ApprovalRegister.Entry entry = approvals.find(id).orElseThrow();
        assertThat(entry.approvedAmount()).isEqualByComparingTo("200");
        assertThat(entry.decidedBy()).isEqualTo("sam");
    }
}
