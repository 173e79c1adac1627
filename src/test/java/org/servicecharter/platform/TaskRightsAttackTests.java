package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.Newcomers;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.complaint.ComplaintProcess;
import org.servicecharter.complaint.ComplaintRegister;
import org.servicecharter.correctiveaction.CorrectiveActionProcess;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.identity.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14's attacks, performed as the demo users through the engine REST API that Tasklist uses: candidates work
 * (claim, complete through the form, comment) but do not administer (reassign, change candidates, write variables);
 * a claimed task is its assignee's; nobody handles a complaint about themselves; auditors write nothing. And the
 * paths that must keep working: the candidate's own work, the supervisor re-routing an agent's complaint.
 */
@ServiceCharterTest
class TaskRightsAttackTests {

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired ComplaintRegister register;
    @Autowired ReportingLines reportingLines;

    /** A complaint from the public intake, naming the employee it is about; returns its handling task. */
    private Task complaintAbout(String employee) {
        Task task = PublicComplaints.about(port, taskService, employee);
        assertThat(candidateGroups(task.getId())).contains(Roles.AGENTS);
        return task;
    }

    private List<String> candidateGroups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static Map<String, Object> resolution(String text) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ComplaintProcess.VAR_CUSTOMER_CONTACTED, Map.of("value", true, "type", "Boolean"));
        variables.put(ComplaintProcess.VAR_APOLOGISED, Map.of("value", true, "type", "Boolean"));
        variables.put(ComplaintProcess.VAR_RESOLUTION, string(text));
        variables.put(ComplaintProcess.VAR_GOODWILL_PROPOSED, Map.of("value", false, "type", "Boolean"));
        return Map.of("variables", variables);
    }

    private String assignee(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
    }

    @Test
    void aCandidateClaimsButCannotReassignRerouteOrRewriteTheFacts() {
        Task task = complaintAbout("bob");
        String id = task.getId();
        Http alice = Http.as(port, "alice");

        assertThat(alice.post("/engine-rest/task/" + id + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);

        Http.Response reassign = alice.post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "henry"));
        assertThat(reassign.status()).as(reassign.body()).isEqualTo(403);
        Http.Response unlink = alice.post("/engine-rest/task/" + id + "/identity-links/delete",
                Map.of("groupId", Roles.AGENTS, "type", "candidate"));
        assertThat(unlink.status()).as(unlink.body()).isEqualTo(403);
        Http.Response link = alice.post("/engine-rest/task/" + id + "/identity-links",
                Map.of("userId", "henry", "type", "candidate"));
        assertThat(link.status()).as(link.body()).isEqualTo(403);
        Http.Response about = alice.put("/engine-rest/task/" + id + "/variables/" + ComplaintProcess.VAR_ABOUT_EMPLOYEE, string("maria"));
        assertThat(about.status()).as(about.body()).isEqualTo(403);
        Http.Response sla = alice.put("/engine-rest/task/" + id + "/variables/" + ComplaintProcess.VAR_SLA_DURATION, string("P9999D"));
        assertThat(sla.status()).as(sla.body()).isEqualTo(403);
        Http.Response both = alice.post("/engine-rest/task/" + id + "/variables",
                Map.of("modifications", Map.of(ComplaintProcess.VAR_ABOUT_EMPLOYEE, string("maria"))));
        assertThat(both.status()).as(both.body()).isEqualTo(403);
        Http.Response delegate = alice.post("/engine-rest/task/" + id + "/delegate", Map.of("userId", "henry"));
        assertThat(delegate.status()).as(delegate.body()).isEqualTo(403);

        assertThat(assignee(id)).isEqualTo("alice");
        assertThat(candidateGroups(id)).contains(Roles.AGENTS);
        assertThat(taskService.getIdentityLinksForTask(id)).noneMatch(l -> "henry".equals(l.getUserId()));
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), ComplaintProcess.VAR_ABOUT_EMPLOYEE)).isEqualTo("bob");
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), ComplaintProcess.VAR_SLA_DURATION)).isNotEqualTo("P9999D");
    }

    @Test
    void aColleagueCannotCompleteOrReleaseATaskSomeoneElseHasClaimed() {
        Task task = complaintAbout(null);
        String id = task.getId();
        assertThat(Http.as(port, "alice").post("/engine-rest/task/" + id + "/claim", Map.of("userId", "alice")).status())
                .isEqualTo(204);
        Http bob = Http.as(port, "bob");

        Http.Response complete = bob.post("/engine-rest/task/" + id + "/complete", resolution("Done by bob."));
        assertThat(complete.status()).as(complete.body()).isEqualTo(403);
        Http.Response submit = bob.post("/engine-rest/task/" + id + "/submit-form", resolution("Done by bob."));
        assertThat(submit.status()).as(submit.body()).isEqualTo(403);
        Http.Response unclaim = bob.post("/engine-rest/task/" + id + "/unclaim", Map.of());
        assertThat(unclaim.status()).as(unclaim.body()).isEqualTo(403);
        // a lost race for the claim stays a conflict
        assertThat(bob.post("/engine-rest/task/" + id + "/claim", Map.of("userId", "bob")).status()).isEqualTo(409);

        assertThat(assignee(id)).isEqualTo("alice");
        assertThat(register.find(reference(task)).orElseThrow().status())
                .isEqualTo("OPEN");

        Http.Response own = Http.as(port, "alice").post("/engine-rest/task/" + id + "/submit-form", resolution("Called back and refunded."));
        assertThat(own.status()).as(own.body()).isEqualTo(204);
        assertThat(register.find(reference(task)).orElseThrow().resolvedBy()).isEqualTo("alice");
    }

    @Test
    void nobodyClaimsOrCompletesAComplaintAboutThemselves() {
        Task task = complaintAbout("alice");
        String id = task.getId();
        Http alice = Http.as(port, "alice");

        Http.Response claim = alice.post("/engine-rest/task/" + id + "/claim", Map.of("userId", "alice"));
        assertThat(claim.status()).as(claim.body()).isEqualTo(403);
        Http.Response complete = alice.post("/engine-rest/task/" + id + "/complete", resolution("Nothing to see here."));
        assertThat(complete.status()).as(complete.body()).isEqualTo(403);
        Http.Response submit = alice.post("/engine-rest/task/" + id + "/submit-form", resolution("Nothing to see here."));
        assertThat(submit.status()).as(submit.body()).isEqualTo(403);
        // not even a supervisor hands it to her
        Http.Response handed = Http.as(port, "sam").post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "alice"));
        assertThat(handed.status()).as(handed.body()).isEqualTo(403);

        assertThat(taskService.createTaskQuery().taskId(id).singleResult()).isNotNull();
        assertThat(assignee(id)).isNull();
        // a colleague handles it
        assertThat(Http.as(port, "bob").post("/engine-rest/task/" + id + "/claim", Map.of("userId", "bob")).status()).isEqualTo(204);
        assertThat(Http.as(port, "bob").post("/engine-rest/task/" + id + "/submit-form", resolution("Apologised for Alice.")).status())
                .isEqualTo(204);
    }

    @Test
    void theAuditorWritesNothingOnAConfidentialCorrectiveActionTask() {
        String employee = newAgentReportingTo("sam");
        Map<String, Object> variables = new HashMap<>();
        variables.put(CorrectiveActionProcess.VAR_EMPLOYEE, employee);
        variables.put(CorrectiveActionProcess.VAR_CONCERN, "Raised their voice at a customer.");
        identityService.setAuthentication("sam", List.of(Roles.SUPERVISORS, Roles.EMPLOYEES));
        String processInstanceId;
        try {
            processInstanceId = runtimeService.startProcessInstanceByKey(CorrectiveActionProcess.PROCESS_KEY, variables).getId();
        } finally {
            identityService.clearAuthentication();
        }
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(CorrectiveActionProcess.HOLD_CONVERSATION).singleResult();
        assertThat(task).isNotNull();
        Http audrey = Http.as(port, "audrey");
        // she reads it
        assertThat(audrey.get("/engine-rest/task/" + task.getId()).status()).isEqualTo(200);

        Http.Response comment = audrey.post("/engine-rest/task/" + task.getId() + "/comment/create", Map.of("message", "Audited."));
        assertThat(comment.status()).as(comment.body()).isEqualTo(403);
        Http.Response attachment = audrey.multipart("/engine-rest/task/" + task.getId() + "/attachment/create",
                Map.of("attachment-name", "note.txt", "attachment-type", "text/plain"), Map.of("content", "Audited."));
        assertThat(attachment.status()).as(attachment.body()).isEqualTo(403);
        Http.Response link = audrey.post("/engine-rest/task/" + task.getId() + "/attachment/create", Map.of());
        assertThat(link.status()).isIn(400, 403, 415);

        assertThat(taskService.getTaskComments(task.getId())).isEmpty();
        assertThat(taskService.getTaskAttachments(task.getId())).isEmpty();
    }

    @Test
    void theAuditorWritesNothingOnAComplaintTask() {
        Task task = complaintAbout("bob");
        String id = task.getId();
        Http audrey = Http.as(port, "audrey");

        assertThat(audrey.post("/engine-rest/task/" + id + "/comment/create", Map.of("message", "Audited.")).status()).isEqualTo(403);
        assertThat(audrey.multipart("/engine-rest/task/" + id + "/attachment/create",
                Map.of("attachment-name", "note.txt", "attachment-type", "text/plain"), Map.of("content", "Audited.")).status())
                .isEqualTo(403);
        assertThat(audrey.put("/engine-rest/task/" + id + "/variables/" + ComplaintProcess.VAR_ABOUT_EMPLOYEE, string("maria")).status())
                .isEqualTo(403);
        assertThat(audrey.post("/engine-rest/task/" + id + "/claim", Map.of("userId", "audrey")).status()).isEqualTo(403);
        assertThat(audrey.post("/engine-rest/task/" + id + "/identity-links", Map.of("userId", "audrey", "type", "candidate")).status())
                .isEqualTo(403);
        assertThat(audrey.post("/engine-rest/task/" + id + "/identity-links/delete", Map.of("groupId", Roles.AGENTS, "type", "candidate"))
                .status()).isEqualTo(403);

        assertThat(taskService.getTaskComments(id)).isEmpty();
        assertThat(taskService.getTaskAttachments(id)).isEmpty();
        assertThat(candidateGroups(id)).contains(Roles.AGENTS);
        assertThat(assignee(id)).isNull();
    }

    @Test
    void theCandidateClaimsCommentsAndCompletesThroughTheForm() {
        Task task = complaintAbout("bob");
        String id = task.getId();
        Http alice = Http.as(port, "alice");

        assertThat(alice.post("/engine-rest/task/" + id + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);
        assertThat(alice.get("/engine-rest/task/" + id + "/form-variables").status()).isEqualTo(200);
        Http.Response comment = alice.post("/engine-rest/task/" + id + "/comment/create", Map.of("message", "Left a voicemail."));
        assertThat(comment.status()).as(comment.body()).isEqualTo(200);
        Http.Response submit = alice.post("/engine-rest/task/" + id + "/submit-form", resolution("Called back and apologised."));
        assertThat(submit.status()).as(submit.body()).isEqualTo(204);

        ComplaintRegister.Entry entry = register.find(reference(task)).orElseThrow();
        assertThat(entry.status()).isEqualTo("RESOLVED");
        assertThat(entry.resolvedBy()).isEqualTo("alice");
        assertThat(entry.aboutEmployee()).isEqualTo("bob");
    }

    @Test
    void theSupervisorReassignsAnAgentsComplaintAndChangesItsCandidates() {
        Task task = complaintAbout("bob");
        String id = task.getId();
        assertThat(Http.as(port, "alice").post("/engine-rest/task/" + id + "/claim", Map.of("userId", "alice")).status())
                .isEqualTo(204);
        Http sam = Http.as(port, "sam");

        Http.Response reassign = sam.post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "maria"));
        assertThat(reassign.status()).as(reassign.body()).isEqualTo(204);
        assertThat(assignee(id)).isEqualTo("maria");
        Http.Response link = sam.post("/engine-rest/task/" + id + "/identity-links", Map.of("groupId", Roles.SUPERVISORS, "type", "candidate"));
        assertThat(link.status()).as(link.body()).isEqualTo(204);
        assertThat(candidateGroups(id)).contains(Roles.AGENTS, Roles.SUPERVISORS);
        Http.Response back = sam.post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "alice"));
        assertThat(back.status()).as(back.body()).isEqualTo(204);
        assertThat(assignee(id)).isEqualTo("alice");
        // the assignee the supervisor chose completes it
        assertThat(Http.as(port, "alice").post("/engine-rest/task/" + id + "/submit-form", resolution("Sorted.")).status())
                .isEqualTo(204);
    }

    @Test
    void aComplaintAboutSomeoneIsNotOfferedToThemInTheirLists() {
        Task task = complaintAbout("alice");
        String lists = "&processInstanceId=" + task.getProcessInstanceId() + "&maxResults=10";
        Http alice = Http.as(port, "alice");
        Http bob = Http.as(port, "bob");

        assertThat(alice.get("/engine-rest/task?candidateGroup=agents" + lists).body()).isEqualTo("[]");
        assertThat(alice.get("/engine-rest/task?candidateUser=alice" + lists).body()).isEqualTo("[]");
        assertThat(alice.get("/engine-rest/task?maxResults=10&processInstanceId=" + task.getProcessInstanceId()).body()).isEqualTo("[]");
        assertThat(alice.get("/engine-rest/task/count?candidateGroup=agents&processInstanceId=" + task.getProcessInstanceId()).body())
                .contains("\"count\":0");
        // her colleagues find it
        assertThat(bob.get("/engine-rest/task?candidateGroup=agents" + lists).body()).contains(task.getId());
        assertThat(bob.get("/engine-rest/task/count?candidateGroup=agents&processInstanceId=" + task.getProcessInstanceId()).body())
                .contains("\"count\":1");
        // and the trail shows who it was kept from
        assertThat(historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId()).type(TaskLinks.EXCLUDED)
                .userId("alice").count()).isEqualTo(1);
    }

    @Test
    void aCandidateGivesBackHerOwnTaskInTasklistsWay() {
        Task task = complaintAbout(null);
        String id = task.getId();
        Http alice = Http.as(port, "alice");
        assertThat(alice.post("/engine-rest/task/" + id + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);

        Http.Response back = alice.post("/engine-rest/task/" + id + "/unclaim", Map.of());
        assertThat(back.status()).as(back.body()).isEqualTo(204);
        assertThat(assignee(id)).isNull();
        // setting the assignee to nobody is still assigning for anyone who does not hold the task
        assertThat(Http.as(port, "bob").post("/engine-rest/task/" + id + "/claim", Map.of("userId", "bob")).status()).isEqualTo(204);
        assertThat(alice.post("/engine-rest/task/" + id + "/unclaim", Map.of()).status()).isEqualTo(403);
        assertThat(assignee(id)).isEqualTo("bob");
    }

    @Test
    void aCandidateClaimsOnlyForHerself() {
        Task task = complaintAbout(null);
        String id = task.getId();

        Http.Response forHenry = Http.as(port, "alice").post("/engine-rest/task/" + id + "/claim", Map.of("userId", "henry"));
        assertThat(forHenry.status()).as(forHenry.body()).isEqualTo(403);
        assertThat(forHenry.body()).contains("for oneself");
        assertThat(assignee(id)).isNull();
        // a supervisor may hand it to an agent that way too
        assertThat(Http.as(port, "sam").post("/engine-rest/task/" + id + "/claim", Map.of("userId", "bob")).status()).isEqualTo(204);
        assertThat(assignee(id)).isEqualTo("bob");
    }

    @Test
    void nobodyEndsSomeoneElsesTaskWithAnErrorOrEscalation() {
        Task task = complaintAbout(null);
        String id = task.getId();
        assertThat(Http.as(port, "bob").post("/engine-rest/task/" + id + "/claim", Map.of("userId", "bob")).status()).isEqualTo(204);
        Http alice = Http.as(port, "alice");

        Http.Response error = alice.post("/engine-rest/task/" + id + "/bpmnError", Map.of("errorCode", "anything"));
        assertThat(error.status()).as(error.body()).isEqualTo(403);
        Http.Response escalation = alice.post("/engine-rest/task/" + id + "/bpmnEscalation", Map.of("escalationCode", "anything"));
        assertThat(escalation.status()).as(escalation.body()).isEqualTo(403);

        assertThat(taskService.createTaskQuery().taskId(id).singleResult()).as("bob's task is still there").isNotNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).count()).isEqualTo(1);
    }

    @Test
    void aGroupWorksOnlyTheTasksOfferedToItInAProcedure() {
        Task handling = complaintAbout(null);
        // the SLA runs out: the supervisors get a follow-up task in the same case
        Job sla = managementService.createJobQuery().processInstanceId(handling.getProcessInstanceId())
                .activityId("BoundaryEvent_SlaBreached").singleResult();
        managementService.executeJob(sla.getId());
        Task followUp = taskService.createTaskQuery().processInstanceId(handling.getProcessInstanceId())
                .taskDefinitionKey("Task_FollowUpOverdueComplaint").singleResult();
        assertThat(candidateGroups(followUp.getId())).containsExactly(Roles.SUPERVISORS);
        Http alice = Http.as(port, "alice");

        Http.Response claim = alice.post("/engine-rest/task/" + followUp.getId() + "/claim", Map.of("userId", "alice"));
        assertThat(claim.status()).as(claim.body()).isEqualTo(403);
        assertThat(claim.body()).contains("not offered to alice");
        Http.Response complete = alice.post("/engine-rest/task/" + followUp.getId() + "/submit-form",
                Map.of("variables", Map.of(ComplaintProcess.VAR_SUPERVISOR_NOTE, string("Chased myself."))));
        assertThat(complete.status()).as(complete.body()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(followUp.getId()).singleResult().getAssignee()).isNull();
        // the supervisor it is offered to works it
        Http sam = Http.as(port, "sam");
        assertThat(sam.post("/engine-rest/task/" + followUp.getId() + "/claim", Map.of("userId", "sam")).status()).isEqualTo(204);
        Http.Response done = sam.post("/engine-rest/task/" + followUp.getId() + "/submit-form",
                Map.of("variables", Map.of(ComplaintProcess.VAR_SUPERVISOR_NOTE, string("Reminded the agent."))));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
    }

    @Test
    void aTaskOneCannotSeeIsNotFoundWhateverOneAsksOfIt() {
        // hana (HR) has no business with complaints: the task is not shown to her, and no request on it says more
        Task task = complaintAbout(null);
        String id = task.getId();
        Http hana = Http.as(port, "hana");
        assertThat(hana.get("/engine-rest/task/" + id).status()).isEqualTo(404);

        Map<String, Http.Response> answers = new LinkedHashMap<>();
        String base = "/engine-rest/task/" + id;
        answers.put("comment", hana.post(base + "/comment/create", Map.of("message", "Noted.")));
        answers.put("attach", hana.multipart(base + "/attachment/create",
                Map.of("attachment-name", "note.txt", "attachment-type", "text/plain"), Map.of("content", "Noted.")));
        answers.put("list comments", hana.get(base + "/comment"));
        answers.put("list attachments", hana.get(base + "/attachment"));
        answers.put("form", hana.get(base + "/form"));
        answers.put("form variables", hana.get(base + "/form-variables"));
        answers.put("deployed form", hana.get(base + "/deployed-form"));
        answers.put("variables", hana.get(base + "/variables"));
        answers.put("identity links", hana.get(base + "/identity-links"));
        answers.put("claim", hana.post(base + "/claim", Map.of("userId", "hana")));
        answers.put("release", hana.post(base + "/unclaim", Map.of()));
        answers.put("assign", hana.post(base + "/assignee", Map.of("userId", "hana")));
        answers.put("delegate", hana.post(base + "/delegate", Map.of("userId", "hana")));
        answers.put("complete", hana.post(base + "/complete", resolution("Done.")));
        answers.put("submit form", hana.post(base + "/submit-form", resolution("Done.")));
        answers.put("update", hana.put(base, Map.of("name", "Mine now")));
        answers.put("add candidate", hana.post(base + "/identity-links", Map.of("userId", "hana", "type", "candidate")));
        answers.put("remove candidates", hana.post(base + "/identity-links/delete", Map.of("groupId", Roles.AGENTS, "type", "candidate")));
        answers.put("write variable", hana.put(base + "/variables/" + ComplaintProcess.VAR_ABOUT_EMPLOYEE, string("maria")));
        answers.put("bpmn error", hana.post(base + "/bpmnError", Map.of("errorCode", "x")));
        answers.forEach((operation, answer) -> assertThat(answer.status())
                .as("%s on a task hana cannot see: %s", operation, answer.body()).isIn(403, 404));
        assertThat(answers.get("comment").status()).isEqualTo(404);
        assertThat(answers.get("attach").status()).isEqualTo(404);

        assertThat(taskService.getTaskComments(id)).isEmpty();
        assertThat(taskService.getTaskAttachments(id)).isEmpty();
        assertThat(assignee(id)).isNull();
    }

    private String reference(Task task) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
    }

    private String newAgentReportingTo(String manager) {
        return Newcomers.agentReportingTo(identityService, reportingLines, "tr", manager);
    }
}
