package org.servicecharter.correctiveaction;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.identity.ReportingLines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Opening a case through the application's API and Tasklist (engine REST), and every kind of bad input: an employee who
 * does not exist, a manager outside the reporting line, an unknown ladder step, HR's decision without a reason. Each
 * gets a clear 4xx and nothing is recorded. Also: a real complaint-handling instance about an employee opens a case,
 * and its repeat during monitoring escalates that case.
 */
@ServiceCharterTest
class CorrectiveActionApiTests {

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired FormService formService;
    @Autowired ReportingLines reportingLines;
    @Autowired EmployeeFile employeeFile;

    CorrectiveActionFixtures f;

    @BeforeEach
    void setUp() {
        init(processEngine);
        f = new CorrectiveActionFixtures(identityService, runtimeService, taskService, managementService, reportingLines);
    }

    @Test
    void aManagerOpensACaseThroughTheApi() {
        String employee = f.newEmployee("sam");
        Http.Response response = Http.as(port, "maria").post("/api/corrective-actions",
                Map.of("employee", employee, "concern", "Ignored a queue of customers while on a personal call."));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String reference = response.json().get("reference").asText();
        assertThat(reference).startsWith("CA-");
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(pi).isWaitingAt(HOLD_CONVERSATION).variables().containsEntry(VAR_REQUESTED_BY, "maria")
                .containsEntry(VAR_EMPLOYEE, employee);
        assertThat(f.task(pi, HOLD_CONVERSATION).getAssignee()).isEqualTo("sam");
        assertThat(Http.as(port, "sam").get("/api/corrective-actions?employee=" + employee).list()).hasSize(1);
        assertThat(Http.as(port, "sam").get("/api/corrective-actions/ladder").list()).extracting(s -> s.get("id"))
                .contains("coaching", "written-warning", "final-warning", "hr-review");
    }

    @Test
    void anEmployeeWhoDoesNotExistIs400AndStartsNothing() {
        long before = cases();
        Http.Response response = Http.as(port, "sam").post("/api/corrective-actions",
                Map.of("employee", "nosuchperson", "concern", "Was rude."));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(VAR_EMPLOYEE);

        Http.Response missing = Http.as(port, "sam").post("/api/corrective-actions", Map.of("concern", " "));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors")).hasSize(2);

        // Tasklist's start form (engine REST) is refused by the model's first step
        Http.Response tasklist = Http.as(port, "sam").post("/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form",
                Map.of("variables", Map.of(VAR_EMPLOYEE, Map.of("value", "nosuchperson"), VAR_CONCERN, Map.of("value", "Was rude."))));
        assertThat(tasklist.status()).as(tasklist.body()).isEqualTo(400);
        assertThat(tasklist.body()).contains("nosuchperson");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aManagerOutsideTheReportingLineIs403AndStartsNothing() {
        String employee = f.newEmployee("sam");
        long before = cases();
        String otherSupervisor = f.newEmployee("maria");
        identityService.createMembership(otherSupervisor, "supervisors");
        try {
            Http.Response api = Http.as(port, otherSupervisor).post("/api/corrective-actions", Map.of("employee", employee, "concern", "x"));
            assertThat(api.status()).as(api.body()).isEqualTo(403);
            assertThat(api.body()).contains("reporting line");
            Http.Response tasklist = Http.as(port, otherSupervisor).post("/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form",
                    Map.of("variables", Map.of(VAR_EMPLOYEE, Map.of("value", employee), VAR_CONCERN, Map.of("value", "x"))));
            assertThat(tasklist.status()).as(tasklist.body()).isEqualTo(403);
            // an agent cannot open cases at all, HR neither (HR decides, managers open)
            assertThat(Http.as(port, "bob").post("/api/corrective-actions", Map.of("employee", employee, "concern", "x")).status()).isEqualTo(403);
            assertThat(cases()).isEqualTo(before);
            assertThat(employeeFile.entriesOf(employee)).isEmpty();
        } finally {
            // the shared database: other tests count who is a supervisor
            identityService.deleteMembership(otherSupervisor, "supervisors");
        }
    }

    @Test
    void documentingForSomeoneOutsideTheLineIs403AndAnUnknownSeverity400ThroughTasklist() {
        String employee = f.newEmployee("sam");
        ProcessInstance pi = f.open("sam", employee);
        Task conversation = f.task(pi, HOLD_CONVERSATION);
        taskService.setAssignee(conversation.getId(), "hana");

        Http.Response outside = Http.as(port, "hana").post("/engine-rest/task/" + conversation.getId() + "/submit-form",
                Map.of("variables", conversationVariables("minor")));
        assertThat(outside.status()).as(outside.body()).isEqualTo(403);

        taskService.setAssignee(conversation.getId(), "sam");
        Http.Response unknownSeverity = Http.as(port, "sam").post("/engine-rest/task/" + conversation.getId() + "/submit-form",
                Map.of("variables", conversationVariables("apocalyptic")));
        assertThat(unknownSeverity.status()).as(unknownSeverity.body()).isEqualTo(400);
        assertThat(unknownSeverity.body()).contains("severity");
        assertThat(pi).isWaitingAt(HOLD_CONVERSATION);
        assertThat(employeeFile.entriesOf(employee)).isEmpty();
    }

    @Test
    void anUnknownLadderStepIs400() {
        Http.Response response = Http.as(port, "hana").get("/api/corrective-actions?step=public-shaming");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("step");
        assertThat(Http.as(port, "hana").get("/api/corrective-actions?step=hr-review").status()).isEqualTo(200);
    }

    @Test
    void hrDecisionWithoutAReasonIs400ThroughTasklistAndNothingIsRecorded() {
        String employee = f.newEmployee("sam");
        ProcessInstance pi = f.open("sam", employee);
        f.document("sam", pi, true, "gross-misconduct");
        Task hr = f.task(pi, DECIDE_ON_DISMISSAL);

        Http.Response noReason = Http.as(port, "hana").post("/engine-rest/task/" + hr.getId() + "/submit-form",
                Map.of("variables", Map.of(VAR_HR_DECISION, Map.of("value", HR_DISMISS))));
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        Http.Response bySam = Http.as(port, "sam").post("/engine-rest/task/" + hr.getId() + "/submit-form",
                Map.of("variables", Map.of(VAR_HR_DECISION, Map.of("value", HR_DISMISS), VAR_HR_REASON, Map.of("value", "x"))));
        assertThat(bySam.status()).isEqualTo(403);
        assertThat(pi).isWaitingAt(DECIDE_ON_DISMISSAL);
        assertThat(employeeFile.entriesOf(employee)).isEmpty();

        Http.Response ok = Http.as(port, "hana").post("/engine-rest/task/" + hr.getId() + "/submit-form",
                Map.of("variables", Map.of(VAR_HR_DECISION, Map.of("value", HR_DISMISS), VAR_HR_REASON, Map.of("value", "Assaulted a customer."))));
        assertThat(ok.status()).as(ok.body()).isEqualTo(204);
        assertThat(pi).isEnded().hasPassed(EMPLOYEE_DISMISSED);
    }

    @Test
    void aComplaintAboutAnEmployeeOpensACaseAndItsRepeatDuringMonitoringEscalates() {
        String employee = f.newEmployee("sam");
        ProcessInstance complaint = fileAndHandleComplaintAbout(employee);
        String reference = complaint.getBusinessKey();

        ProcessInstance caseInstance = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(reference).singleResult();
        assertThat(caseInstance).isNotNull();
        assertThat(caseInstance).hasPassed(OPEN_CASE).isWaitingAt(HOLD_CONVERSATION).variables()
                .containsEntry(VAR_EMPLOYEE, employee).containsEntry(VAR_COMPLAINT_REFERENCE, reference)
                .containsEntry(VAR_REQUESTED_BY, null);
        f.document("sam", caseInstance, true, "minor");
        f.acknowledge(employee, caseInstance);
        assertThat(caseInstance).isWaitingAt(MONITORING_PERIOD_OVER);

        ProcessInstance repeat = fileAndHandleComplaintAbout(employee);

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(repeat.getBusinessKey()).count()).as("no second case").isZero();
        assertThat(caseInstance).hasPassed(REPEAT_COMPLAINT).isWaitingAt(HOLD_CONVERSATION).variables()
                .containsEntry(VAR_COMPLAINT_REFERENCE, repeat.getBusinessKey());
        f.document("sam", caseInstance, true, "minor");
        assertThat(caseInstance).variables().containsEntry(VAR_CORRECTIVE_ACTION, "written-warning");
    }

    @Test
    void aForgedComplaintReferenceIsRefused() {
        String employee = f.newEmployee("sam");
        long before = cases();
        Http.Response response = Http.as(port, "sam").post("/engine-rest/message", Map.of("messageName", MESSAGE_REQUESTED,
                "businessKey", "C-2026-FORGED01", "processVariables", Map.of(VAR_EMPLOYEE, Map.of("value", employee),
                        VAR_CONCERN, Map.of("value", "x"), VAR_COMPLAINT_REFERENCE, Map.of("value", "C-2026-FORGED01"))));
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("C-2026-FORGED01");
        assertThat(cases()).isEqualTo(before);
    }

    /** Files a complaint naming the employee through the public API and lets an agent resolve it. */
    private ProcessInstance fileAndHandleComplaintAbout(String employee) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerName", "Carla Customer");
        body.put("customerEmail", "carla@example.com");
        body.put("channel", "phone");
        body.put("category", "staff-behaviour");
        body.put("description", "The agent told me to stop complaining.");
        body.put("aboutEmployee", employee);
        Http.Response filed = Http.anonymous(port).post("/api/complaints", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String reference = filed.json().get("reference").asText();
        ProcessInstance complaint = runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-handling")
                .processInstanceBusinessKey(reference).singleResult();
        Task handle = taskService.createTaskQuery().processInstanceId(complaint.getId()).taskDefinitionKey("Task_HandleComplaint").singleResult();
        Map<String, Object> resolution = new HashMap<>();
        resolution.put("customerContacted", true);
        resolution.put("apologised", true);
        resolution.put("resolution", "Apologised; the manager will talk with the agent.");
        resolution.put("goodwillProposed", false);
        f.asUser("bob", () -> {
            taskService.claim(handle.getId(), "bob");
            taskService.complete(handle.getId(), resolution);
        });
        assertThat(complaint).hasPassed("ServiceTask_FlagForCorrectiveAction");
        return complaint;
    }

    private static Map<String, Object> conversationVariables(String severity) {
        return Map.of(VAR_WHAT_HAPPENED, Map.of("value", "Shouted at a customer."),
                VAR_EMPLOYEE_ACCOUNT, Map.of("value", "I was provoked."),
                VAR_SUBSTANTIATED, Map.of("value", true),
                VAR_SEVERITY, Map.of("value", severity));
    }

    private long cases() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    }
}
