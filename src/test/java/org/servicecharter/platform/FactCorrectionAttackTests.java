package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.complaint.ComplaintCorrectionProcess;
import org.servicecharter.complaint.ComplaintProcess;
import org.servicecharter.complaint.ComplaintRegister;
import org.servicecharter.correctiveaction.CorrectiveActionProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 14, point 3 — "a supervisor who corrects such a fact does it through a form, and the trail shows it" — through
 * the doors a user takes ({@code /engine-rest} as Tasklist does, {@code /api}) with the demo users: only supervisors,
 * managers and administrators start "Correct a complaint's facts"; an agent can neither start it nor correct a fact any
 * other way; a correction made through the form is what the complaint's later steps use (who may handle it, whom
 * corrective action is about), and the complaint's trail shows who changed what, from what to what, and why. Bad input
 * is a 400 with a sentence, never a 500.
 */
@ServiceCharterTest
class FactCorrectionAttackTests {

    static final String SUBMIT = "/engine-rest/process-definition/key/" + ComplaintCorrectionProcess.PROCESS_KEY + "/submit-form";
    static final String START_LIST = "/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true"
            + "&latestVersion=true&maxResults=50";

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired ComplaintRegister complaints;

    private Task complaintAbout(String employee) {
        return PublicComplaints.about(port, taskService, employee);
    }

    private String reference(Task task) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
    }

    /** The start form as Tasklist submits it: typed values, hidden fields left out. */
    private static Map<String, Object> form(String reference, String correction, String field, String value, String reason) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ComplaintCorrectionProcess.VAR_COMPLAINT_REFERENCE, string(reference));
        variables.put(ComplaintCorrectionProcess.VAR_CORRECTION, string(correction));
        if (field != null) {
            variables.put(field, string(value));
        }
        variables.put(ComplaintCorrectionProcess.VAR_REASON, string(reason));
        return Map.of("variables", variables);
    }

    private static Map<String, Object> string(String value) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("value", value);
        typed.put("type", "String");
        return typed;
    }

    private static Map<String, Object> toEmployee(String reference, String employee, String reason) {
        return form(reference, ComplaintCorrectionProcess.CORRECT_ABOUT_EMPLOYEE, ComplaintCorrectionProcess.VAR_ABOUT_EMPLOYEE,
                employee, reason);
    }

    private void assertUntouched(String reference, String aboutEmployee) {
        ComplaintRegister.Entry entry = complaints.find(reference).orElseThrow();
        assertThat(entry.aboutEmployee()).isEqualTo(aboutEmployee);
        assertThat(entry.customerEmail()).isEqualTo("erin@example.com");
        assertThat(complaints.corrections(reference)).isEmpty();
        assertThat(runtimeService.getVariable(entry.processInstanceId(), ComplaintProcess.VAR_ABOUT_EMPLOYEE)).isEqualTo(aboutEmployee);
    }

    // --- who may correct -----------------------------------------------------------------------------------------

    @Test
    void onlySupervisorsManagersAndAdministratorsFindAndStartTheCorrection() {
        for (String user : List.of("sam", "maria", "demo")) {
            assertThat(Http.as(port, user).get(START_LIST).list()).as(user).extracting(d -> d.get("key"))
                    .contains(ComplaintCorrectionProcess.PROCESS_KEY);
        }
        for (String user : List.of("alice", "bob", "henry", "hana", "olga", "audrey")) {
            assertThat(Http.as(port, user).get(START_LIST).list()).as(user).extracting(d -> d.get("key"))
                    .doesNotContain(ComplaintCorrectionProcess.PROCESS_KEY);
        }
    }

    @Test
    void anAgentCannotStartTheCorrectionThroughAnyDoor() {
        Task task = complaintAbout("alice");
        String reference = reference(task);
        String definitionId = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ComplaintCorrectionProcess.PROCESS_KEY).latestVersion().singleResult().getId();
        Map<String, Object> clearHerName = form(reference, ComplaintCorrectionProcess.CORRECT_ABOUT_NOBODY, null, null,
                "Not me.");
        Http alice = Http.as(port, "alice");

        Map<String, Http.Response> answers = new LinkedHashMap<>();
        answers.put("submit-form by key", alice.post(SUBMIT, clearHerName));
        answers.put("start by key", alice.post("/engine-rest/process-definition/key/" + ComplaintCorrectionProcess.PROCESS_KEY
                + "/start", clearHerName));
        answers.put("submit-form by id", alice.post("/engine-rest/process-definition/" + definitionId + "/submit-form", clearHerName));
        answers.put("start by id", alice.post("/engine-rest/process-definition/" + definitionId + "/start", clearHerName));
        // the engine hides a procedure from those who may not start it (by key: 404, as for any model one may not read);
        // named by its id, it refuses: 403
        Map<String, Integer> expected = Map.of("submit-form by key", 404, "start by key", 404, "submit-form by id", 403,
                "start by id", 403);
        answers.forEach((door, answer) -> {
            assertThat(answer.status()).as(door + ": " + answer.body()).isEqualTo(expected.get(door));
            assertThat(answer.body()).as(door).doesNotContain("Corrected");
        });
        assertUntouched(reference, "alice");
    }

    @Test
    void anAgentCannotCorrectAFactAnyOtherWay() {
        Task task = complaintAbout("bob");
        String reference = reference(task);
        String pi = "/engine-rest/process-instance/" + task.getProcessInstanceId();
        Http alice = Http.as(port, "alice");
        Map<String, Object> maria = Map.of("value", "maria", "type", "String");

        // variables, directly: refused
        assertThat(alice.put(pi + "/variables/" + ComplaintProcess.VAR_ABOUT_EMPLOYEE, maria).status()).isEqualTo(403);
        assertThat(alice.put(pi + "/variables/" + ComplaintProcess.VAR_CUSTOMER_EMAIL,
                Map.of("value", "mallory@example.org", "type", "String")).status()).isEqualTo(403);
        assertThat(alice.put("/engine-rest/task/" + task.getId() + "/variables/" + ComplaintProcess.VAR_ABOUT_EMPLOYEE, maria)
                .status()).isEqualTo(403);
        // through her task's completion: its form has no such field
        assertThat(alice.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);
        Http.Response completion = alice.post("/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", Map.of(
                ComplaintProcess.VAR_RESOLUTION, Map.of("value", "Sorted.", "type", "String"),
                ComplaintProcess.VAR_ABOUT_EMPLOYEE, maria)));
        assertThat(completion.status()).as(completion.body()).isEqualTo(400);
        // by running the registration again with facts of her own
        Http.Response modification = alice.post(pi + "/modification", Map.of("instructions", List.of(Map.of(
                "type", "startBeforeActivity", "activityId", ComplaintProcess.REGISTER_COMPLAINT,
                "variables", Map.of(ComplaintProcess.VAR_ABOUT_EMPLOYEE, maria)))));
        assertThat(modification.status()).as(modification.body()).isEqualTo(403);
        // with a model of her own that calls the correction: she deploys nothing, and a process owner's other model may
        // not name the correction's delegate
        String sneaky = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Sneaky" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="sneaky-correction" name="Sneaky" isExecutable="true" camunda:historyTimeToLive="30"
                      camunda:candidateStarterGroups="agents">
                    <bpmn:startEvent id="StartEvent_Sneaky"/>
                    <bpmn:sequenceFlow id="Flow_Sneaky" sourceRef="StartEvent_Sneaky" targetRef="ServiceTask_Sneaky"/>
                    <bpmn:serviceTask id="ServiceTask_Sneaky" camunda:delegateExpression="${correctComplaintFactDelegate}"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        Http.Response byAlice = alice.multipart("/engine-rest/deployment/create", Map.of("deployment-name", "sneaky"),
                Map.of("sneaky-correction.bpmn", sneaky));
        assertThat(byAlice.status()).as(byAlice.body()).isEqualTo(403);
        Http.Response byOlga = Http.as(port, "olga").multipart("/engine-rest/deployment/create",
                Map.of("deployment-name", "sneaky"), Map.of("sneaky-correction.bpmn", sneaky));
        assertThat(byOlga.status()).as(byOlga.body()).isEqualTo(400);
        assertThat(byOlga.body()).contains("correctComplaintFactDelegate");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("sneaky-correction").count()).isZero();

        assertUntouched(reference, "bob");
    }

    // --- a correction through the form, and what follows from it --------------------------------------------------

    @Test
    void aSupervisorCorrectsWhoTheComplaintIsAboutAndTheComplaintsNextStepsUseTheNewValue() {
        Task task = complaintAbout("bob");
        String reference = reference(task);
        Http alice = Http.as(port, "alice");
        assertThat(alice.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);

        Http.Response corrected = Http.as(port, "sam").post(SUBMIT, toEmployee(reference, "alice",
                "The customer described the agent on the phone: that was alice, not bob."));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        String correctionId = corrected.json().get("id").asText();
        assertThat(complaints.aboutEmployee(reference)).isEqualTo("alice");

        // the case is offered anew at once: alice loses the task she held and no longer finds it; bob finds it again
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        String lists = "/engine-rest/task?candidateGroup=agents&maxResults=10&processInstanceId=" + task.getProcessInstanceId();
        assertThat(alice.get(lists).body()).isEqualTo("[]");
        assertThat(Http.as(port, "bob").get(lists).body()).contains(task.getId());

        // no one handles their own case: alice, who held it, cannot complete it now; the guard reads the register
        Http.Response own = alice.post("/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", resolution()));
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.body()).contains("is about alice");
        assertThat(Http.as(port, "sam").post("/engine-rest/task/" + task.getId() + "/unclaim", Map.of()).status()).isEqualTo(204);
        assertThat(alice.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "alice")).status()).isEqualTo(403);

        // bob, no longer the subject, handles it; corrective action opens about alice
        Http bob = Http.as(port, "bob");
        assertThat(bob.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "bob")).status()).isEqualTo(204);
        Http.Response done = bob.post("/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", resolution()));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        ProcessInstance action = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(CorrectiveActionProcess.PROCESS_KEY).processInstanceBusinessKey(reference).singleResult();
        assertThat(action).as("a corrective-action case for the complaint").isNotNull();
        assertThat(runtimeService.getVariable(action.getId(), CorrectiveActionProcess.VAR_EMPLOYEE)).isEqualTo("alice");

        // the trail: the register's record, the complaint's timeline for auditors, and the correction under its reference
        JsonNode view = Http.as(port, "sam").get("/api/complaints/" + reference).json();
        JsonNode correction = view.get("corrections").get(0);
        assertThat(correction.get("fact").asText()).isEqualTo("aboutEmployee");
        assertThat(correction.get("oldValue").asText()).isEqualTo("bob");
        assertThat(correction.get("newValue").asText()).isEqualTo("alice");
        assertThat(correction.get("correctedBy").asText()).isEqualTo("sam");
        assertThat(correction.get("correctedAt").asText()).isNotBlank();
        assertThat(correction.get("reason").asText()).startsWith("The customer described");
        assertThat(correction.get("processInstanceId").asText()).isEqualTo(correctionId);

        Http audrey = Http.as(port, "audrey");
        JsonNode timeline = audrey.get("/api/audit/instances/" + task.getProcessInstanceId() + "/trail").json().get("timeline");
        assertThat(timeline.findValuesAsText("summary")).contains(
                "sam commented: Corrected who the complaint is about: bob → alice. Reason: The customer described the agent"
                        + " on the phone: that was alice, not bob.",
                "Variable aboutEmployee changed: \"bob\" → \"alice\"");
        JsonNode found = audrey.get("/api/audit/instances?businessKey=" + reference + "&page=0&size=10").json();
        assertThat(found.findValuesAsText("processDefinitionKey")).contains(ComplaintProcess.PROCESS_KEY,
                ComplaintCorrectionProcess.PROCESS_KEY);
    }

    @Test
    void aManagerCorrectsTheCustomersAddressThroughTasklist() {
        Task task = complaintAbout(null);
        String reference = reference(task);
        Http.Response corrected = Http.as(port, "maria").post(SUBMIT, form(reference,
                ComplaintCorrectionProcess.CORRECT_CUSTOMER_EMAIL, ComplaintCorrectionProcess.VAR_CUSTOMER_EMAIL,
                "erin.customer@example.org", "Our mail to the old address bounced; the customer gave the new one."));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(complaints.find(reference).orElseThrow().customerEmail()).isEqualTo("erin.customer@example.org");
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), ComplaintProcess.VAR_CUSTOMER_EMAIL))
                .isEqualTo("erin.customer@example.org");
    }

    // --- refusals through Tasklist's door: a sentence and a 4xx, never a 500 ----------------------------------------

    @Test
    void badInputIs400AWrongCorrectorIs403AndAClosedQuestionIs409() {
        Task aboutSam = complaintAbout("sam");
        String reference = reference(aboutSam);
        Http sam = Http.as(port, "sam");

        Map<String, Http.Response> bad = new LinkedHashMap<>();
        bad.put("There is no complaint C-1999-NOSUCH00.", sam.post(SUBMIT, toEmployee("C-1999-NOSUCH00", "alice", "Why.")));
        bad.put("There is no employee nosuchperson.", Http.as(port, "maria").post(SUBMIT, toEmployee(reference, "nosuchperson", "Why.")));
        bad.put("Say why the fact is corrected", Http.as(port, "maria").post(SUBMIT, toEmployee(reference, "alice", " ")));
        bad.put("is not a valid e-mail address", Http.as(port, "maria").post(SUBMIT, form(reference,
                ComplaintCorrectionProcess.CORRECT_CUSTOMER_EMAIL, ComplaintCorrectionProcess.VAR_CUSTOMER_EMAIL, "erin(at)home", "Typo.")));
        bad.put("Choose what to correct", Http.as(port, "maria").post(SUBMIT, form(reference, "status", null, null, "Done.")));
        bad.forEach((message, answer) -> {
            assertThat(answer.status()).as(message + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.json().get("message").asText()).contains(message);
        });

        Http.Response own = sam.post(SUBMIT, toEmployee(reference, "alice", "It was not me."));
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.json().get("message").asText()).contains("is about sam, who does not correct the facts of a complaint"
                + " about themselves");
        assertUntouched(reference, "sam");

        Task resolved = complaintAbout("bob");
        Http alice = Http.as(port, "alice");
        assertThat(alice.post("/engine-rest/task/" + resolved.getId() + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);
        assertThat(alice.post("/engine-rest/task/" + resolved.getId() + "/submit-form", Map.of("variables", resolution())).status())
                .isEqualTo(204);
        Http.Response late = sam.post(SUBMIT, toEmployee(reference(resolved), "alice", "Too late."));
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().get("message").asText()).contains("has been resolved");
    }

    private static Map<String, Object> resolution() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ComplaintProcess.VAR_CUSTOMER_CONTACTED, Map.of("value", true, "type", "Boolean"));
        variables.put(ComplaintProcess.VAR_APOLOGISED, Map.of("value", true, "type", "Boolean"));
        variables.put(ComplaintProcess.VAR_RESOLUTION, Map.of("value", "Called back and apologised.", "type", "String"));
        variables.put(ComplaintProcess.VAR_GOODWILL_PROPOSED, Map.of("value", false, "type", "Boolean"));
        return variables;
    }
}
