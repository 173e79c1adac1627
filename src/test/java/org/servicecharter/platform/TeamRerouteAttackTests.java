package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.Newcomers;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.approval.ApprovalProcess;
import org.servicecharter.complaint.ComplaintProcess;
import org.servicecharter.correctiveaction.CorrectiveActionProcess;
import org.servicecharter.handbook.HandbookFixtures;
import org.servicecharter.handbook.HandbookProcess;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.identity.Roles;
import org.servicecharter.planreview.PlanReviewProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 14, point 1: "only supervisors (for agents' tasks), managers (for their reports' tasks) and administrators
 * reassign, delegate, change candidates or due dates". Tried as the demo users through the engine REST API that Tasklist
 * uses, on every model: a lead re-routes a task held by or offered to someone who reports to them (directly or further
 * down: sam leads alice and bob, maria leads sam, hana and olga, henry leads maria), and nobody else but administrators
 * does; a confidential corrective-action case stays out of reach of anyone outside its manager chain and HR, even a lead
 * whose report is offered it; and nobody re-routes a task of their own case.
 */
@ServiceCharterTest
class TeamRerouteAttackTests {

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired ReportingLines reportingLines;

    private static final String LATER = "2099-01-31T12:00:00.000+0000";

    // --- approval -------------------------------------------------------------------------------------------------

    @Test
    void aManagerReroutesTheRequestOfferedToHerSupervisorAndNobodyWithoutReportsDoes() {
        Task task = approvalAskedBy("bob");
        String id = task.getId();
        assertThat(candidateUsers(id)).contains("sam");

        // the candidate works it; he does not route it
        Http.Response samRoutes = Http.as(port, "sam").post("/engine-rest/task/" + id + "/identity-links",
                Map.of("groupId", Roles.EMPLOYEES, "type", "candidate"));
        assertThat(samRoutes.status()).as(samRoutes.body()).isEqualTo(403);
        // people without reports route nothing, whatever they may read
        for (String user : List.of("alice", "hana", "olga", "audrey")) {
            Http.Response assign = Http.as(port, user).post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "sam"));
            assertThat(assign.status()).as("%s assigns: %s", user, assign.body()).isEqualTo(403);
        }
        Http.Response audrey = Http.as(port, "audrey").post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "sam"));
        assertThat(audrey.body()).contains("re-route", "sam", "reports to audrey");
        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();

        // maria leads sam: she sees the request, gives it to him, gives him more time and widens the candidates
        Http maria = Http.as(port, "maria");
        assertThat(maria.get("/engine-rest/task/" + id).status()).isEqualTo(200);
        Http.Response assign = maria.post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "sam"));
        assertThat(assign.status()).as(assign.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isEqualTo("sam");
        Http.Response due = reschedule(maria, id, LATER);
        assertThat(due.status()).as(due.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getDueDate()).hasYear(2099);
        Http.Response link = maria.post("/engine-rest/task/" + id + "/identity-links", Map.of("groupId", Roles.EMPLOYEES, "type", "candidate"));
        assertThat(link.status()).as(link.body()).isEqualTo(204);
        Http.Response comment = maria.post("/engine-rest/task/" + id + "/comment/create", Map.of("message", "Sam, this one is urgent."));
        assertThat(comment.status()).as(comment.body()).isEqualTo(200);
        // henry leads maria, who leads sam: further down counts; he takes it back from sam
        Http.Response release = Http.as(port, "henry").post("/engine-rest/task/" + id + "/unclaim", Map.of());
        assertThat(release.status()).as(release.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();
    }

    @Test
    void nobodyReroutesTheirOwnRequestEvenWhenItIsOfferedToTheirReport() {
        // maria asks; her report sam is offered it: she may not choose who decides
        Task task = approvalAskedBy("maria");
        String id = task.getId();
        assertThat(candidateUsers(id)).contains("sam");
        Http maria = Http.as(port, "maria");

        Http.Response assign = maria.post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "sam"));
        assertThat(assign.status()).as(assign.body()).isEqualTo(403);
        assertThat(assign.body()).contains("maria");
        Http.Response link = maria.post("/engine-rest/task/" + id + "/identity-links", Map.of("userId", "henry", "type", "candidate"));
        assertThat(link.status()).as(link.body()).isEqualTo(403);
        Http.Response unlink = maria.post("/engine-rest/task/" + id + "/identity-links/delete", Map.of("userId", "sam", "type", "candidate"));
        assertThat(unlink.status()).as(unlink.body()).isEqualTo(403);
        assertThat(reschedule(maria, id, LATER).status()).isEqualTo(403);

        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();
        assertThat(candidateUsers(id)).contains("sam").doesNotContain("henry");
        // her own manager may
        assertThat(Http.as(port, "henry").post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "sam")).status()).isEqualTo(204);
    }

    @Test
    void aSupervisorDoesNotRerouteAComplaintAboutHimself() {
        // supervisors re-route every complaint (complaint handling's own grant), except one about themselves
        Task task = PublicComplaints.about(port, taskService, "sam");
        Http.Response assign = Http.as(port, "sam").post("/engine-rest/task/" + task.getId() + "/assignee", Map.of("userId", "bob"));
        assertThat(assign.status()).as(assign.body()).isEqualTo(403);
        assertThat(assign.body()).contains("about sam");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(Http.as(port, "maria").post("/engine-rest/task/" + task.getId() + "/assignee", Map.of("userId", "bob")).status())
                .isEqualTo(204);
    }

    // --- plan review and handbook sign-off ------------------------------------------------------------------------

    @Test
    void theHeadOfServiceReroutesTheManagersPlanReviewAndAManagerDoesNotRerouteHerPeers() {
        Http.Response opened = Http.as(port, "maria").post("/api/plan-reviews", Map.of("period", uniquePeriod()));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String instance = opened.json().get("processInstanceId").asText();
        // the research round closes with its window's timer; then the areas are reviewed
        processEngine.getManagementService().executeJob(processEngine.getManagementService().createJobQuery().processInstanceId(instance)
                .activityId(PlanReviewProcess.RESEARCH_WINDOW_CLOSED).singleResult().getId());
        Task task = taskService.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(PlanReviewProcess.REVIEW_TRAINING).singleResult();
        String id = task.getId();

        // maria is offered it (managers); none of her reports is a manager
        Http.Response mariaRoutes = Http.as(port, "maria").post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "maria"));
        assertThat(mariaRoutes.status()).as(mariaRoutes.body()).isEqualTo(403);
        assertThat(Http.as(port, "sam").post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "maria")).status()).isEqualTo(403);

        Http henry = Http.as(port, "henry");
        assertThat(henry.get("/engine-rest/task/" + id).status()).isEqualTo(200);
        Http.Response assign = henry.post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "maria"));
        assertThat(assign.status()).as(assign.body()).isEqualTo(204);
        assertThat(reschedule(henry, id, LATER).status()).isEqualTo(204);
        Http.Response link = henry.post("/engine-rest/task/" + id + "/identity-links", Map.of("groupId", Roles.PROCESS_OWNERS, "type", "candidate"));
        assertThat(link.status()).as(link.body()).isEqualTo(204);
        Http.Response comment = henry.post("/engine-rest/task/" + id + "/comment/create", Map.of("message", "Maria, please take this one."));
        assertThat(comment.status()).as(comment.body()).isEqualTo(200);
        Task after = taskService.createTaskQuery().taskId(id).singleResult();
        assertThat(after.getAssignee()).isEqualTo("maria");
        assertThat(after.getDueDate()).hasYear(2099);
        // the head of service routes; he does not work it
        Http.Response complete = henry.post("/engine-rest/task/" + id + "/submit-form",
                Map.of("variables", Map.of("findings", Map.of("value", "Fine.", "type", "String"))));
        assertThat(complete.status()).as(complete.body()).isEqualTo(403);
    }

    @Test
    void aSupervisorGivesHisAgentMoreTimeToSignTheHandbookAndAColleagueCannot() {
        Http.Response published = Http.as(port, "olga").post("/api/handbooks", HandbookFixtures.publishRequest(
                HandbookFixtures.uniqueVersion(), HandbookFixtures.document(), HandbookFixtures.inDays(30)));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String version = published.json().get("version").asText();
        HandbookFixtures.approve(processEngine, version);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(version + ":alice")
                .taskDefinitionKey(HandbookProcess.SIGN_HANDBOOK).singleResult();
        String id = task.getId();
        try {
            assertThat(reschedule(Http.as(port, "bob"), id, LATER).status()).isEqualTo(404);
            assertThat(Http.as(port, "bob").post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "bob")).status()).isEqualTo(403);
            assertThat(Http.as(port, "hana").post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "bob")).status()).isEqualTo(403);

            Http sam = Http.as(port, "sam");
            assertThat(sam.get("/engine-rest/task/" + id).status()).isEqualTo(200);
            Http.Response due = reschedule(sam, id, LATER);
            assertThat(due.status()).as(due.body()).isEqualTo(204);
            assertThat(taskService.createTaskQuery().taskId(id).singleResult().getDueDate()).hasYear(2099);
            assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isEqualTo("alice");
        } finally {
            String pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(HandbookProcess.PROCESS_KEY)
                    .processInstanceBusinessKey(version).singleResult().getId();
            runtimeService.deleteProcessInstance(pi, "test over", true, true);
        }
    }

    // --- corrective action -----------------------------------------------------------------------------------------

    @Test
    void theManagerAboveTheConversationLeadTakesTheConversationOverAndDocumentsIt() {
        String employee = Newcomers.agentReportingTo(identityService, reportingLines, "rr", "sam");
        Http.Response opened = Http.as(port, "sam").post("/api/corrective-actions",
                Map.of("employee", employee, "concern", "Raised their voice at a customer."));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        Task task = taskService.createTaskQuery().processInstanceId(opened.json().get("processInstanceId").asText())
                .taskDefinitionKey(CorrectiveActionProcess.HOLD_CONVERSATION).singleResult();
        String id = task.getId();
        assertThat(task.getAssignee()).isEqualTo("sam");

        // sam holds it; he works it, he does not hand it on
        assertThat(Http.as(port, "sam").post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "maria")).status()).isEqualTo(403);
        // HR reads every case and leads nobody
        assertThat(Http.as(port, "hana").post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "hana")).status()).isEqualTo(403);

        Http maria = Http.as(port, "maria");
        Http.Response assign = maria.post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "maria"));
        assertThat(assign.status()).as(assign.body()).isEqualTo(204);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(CorrectiveActionProcess.VAR_WHAT_HAPPENED, Map.of("value", "A customer was told to stop complaining.", "type", "String"));
        form.put(CorrectiveActionProcess.VAR_EMPLOYEE_ACCOUNT, Map.of("value", "A long shift.", "type", "String"));
        form.put(CorrectiveActionProcess.VAR_SUBSTANTIATED, Map.of("value", false, "type", "Boolean"));
        form.put(CorrectiveActionProcess.VAR_SEVERITY, Map.of("value", "minor", "type", "String"));
        Http.Response documented = maria.post("/engine-rest/task/" + id + "/submit-form", Map.of("variables", form));
        assertThat(documented.status()).as(documented.body()).isEqualTo(204);
    }

    @Test
    void aManagerWhoseReportIsOfferedACaseOutsideHerLineCannotTouchIt() {
        // an employee who reports to nobody: complaint handling opens the case and HR holds the conversation
        String employee = employeeReportingToNobody();
        Task complaint = PublicComplaints.about(port, taskService, employee);
        Http alice = Http.as(port, "alice");
        assertThat(alice.post("/engine-rest/task/" + complaint.getId() + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);
        Map<String, Object> resolution = new LinkedHashMap<>();
        resolution.put(ComplaintProcess.VAR_CUSTOMER_CONTACTED, Map.of("value", true, "type", "Boolean"));
        resolution.put(ComplaintProcess.VAR_APOLOGISED, Map.of("value", true, "type", "Boolean"));
        resolution.put(ComplaintProcess.VAR_RESOLUTION, Map.of("value", "Apologised.", "type", "String"));
        resolution.put(ComplaintProcess.VAR_GOODWILL_PROPOSED, Map.of("value", false, "type", "Boolean"));
        Http.Response resolved = alice.post("/engine-rest/task/" + complaint.getId() + "/submit-form", Map.of("variables", resolution));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(204);
        String reference = runtimeService.createProcessInstanceQuery().processInstanceId(complaint.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        Task conversation = taskService.createTaskQuery().processDefinitionKey(CorrectiveActionProcess.PROCESS_KEY)
                .processInstanceBusinessKey(reference).taskDefinitionKey(CorrectiveActionProcess.HOLD_CONVERSATION).singleResult();
        assertThat(conversation).as("the case opened by the complaint").isNotNull();
        String id = conversation.getId();
        assertThat(candidateGroups(id)).containsExactly(Roles.HR);

        // maria leads hana, who is offered it; but the case is not in maria's line: she neither sees nor touches it
        for (String lead : List.of("maria", "henry")) {
            Http http = Http.as(port, lead);
            assertThat(http.get("/engine-rest/task/" + id).status()).as("%s reads", lead).isEqualTo(404);
            Http.Response assign = http.post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "hana"));
            assertThat(assign.status()).as("%s assigns: %s", lead, assign.body()).isEqualTo(403);
            assertThat(assign.body()).as("a refusal that tells nothing about the case").doesNotContain(employee, "Talk with");
            Http.Response link = http.post("/engine-rest/task/" + id + "/identity-links", Map.of("userId", lead, "type", "candidate"));
            assertThat(link.status()).as(link.body()).isEqualTo(403);
            assertThat(reschedule(http, id, LATER).status()).isEqualTo(404);
            Http.Response comment = http.post("/engine-rest/task/" + id + "/comment/create", Map.of("message", "Noted."));
            assertThat(comment.status()).as(comment.body()).isEqualTo(404);
        }
        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(id)).noneMatch(l -> "maria".equals(l.getUserId()) || "henry".equals(l.getUserId()));
        assertThat(taskService.getTaskComments(id)).isEmpty();
        // HR works it
        assertThat(Http.as(port, "hana").post("/engine-rest/task/" + id + "/claim", Map.of("userId", "hana")).status()).isEqualTo(204);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private Task approvalAskedBy(String requester) {
        Http.Response asked = Http.as(port, requester).post("/api/approvals",
                Map.of("type", "refund", "amount", 100, "currency", "EUR", "reason", "Parcel lost in transit."));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(asked.json().get("id").asText())
                .taskDefinitionKey(ApprovalProcess.DECIDE_REQUEST).singleResult();
        assertThat(task).isNotNull();
        return task;
    }

    /** Changes the task's due date as Tasklist does: reads the task, puts it back with the new date. */
    @SuppressWarnings("unchecked")
    private static Http.Response reschedule(Http http, String taskId, String due) {
        Http.Response read = http.get("/engine-rest/task/" + taskId);
        Map<String, Object> task = new LinkedHashMap<>();
        if (read.status() == 200) {
            task.putAll(JSON.convertValue(read.json(), Map.class));
            task.remove("camundaFormRef"); // what the form is, read-only (the engine cannot read it back)
        } else {
            task.put("name", "Taken over");
        }
        task.put("due", due);
        return http.put("/engine-rest/task/" + taskId, task);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private List<String> candidateUsers(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null).map(IdentityLink::getUserId).toList();
    }

    private List<String> candidateGroups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId).toList();
    }

    private String employeeReportingToNobody() {
        identityService.clearAuthentication();
        String id = "rn" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        User user = identityService.newUser(id);
        user.setFirstName("Test");
        user.setLastName("Loner");
        user.setPassword(id);
        ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identityService).saveUser(user, true); // password = id, around the password policy
        identityService.createMembership(id, Roles.EMPLOYEES);
        identityService.createMembership(id, Roles.AGENTS);
        return id;
    }

    private static final AtomicInteger PERIODS = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 4000));

    /** A quarter of a far year that no other test reviews. */
    private static String uniquePeriod() {
        int n = PERIODS.incrementAndGet();
        return (6000 + n / 4 % 3999) + "-Q" + (n % 4 + 1);
    }
}
