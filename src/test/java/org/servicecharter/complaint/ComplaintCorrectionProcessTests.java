package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.servicecharter.complaint.ComplaintCorrectionProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.platform.Conflict;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.taskrights.CaseSubjectsChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The procedure "Correct a complaint's facts" as deployed, with the real delegate, register and complaint handling: the
 * corrections a supervisor or manager makes, what they leave behind (register, record of corrections, the complaint's
 * variable and comment, the event for task rights), what the complaint does next with the corrected fact, and every
 * refusal — each of which starts nothing and changes nothing.
 */
@ServiceCharterTest
@RecordApplicationEvents
class ComplaintCorrectionProcessTests {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired RepositoryService repositoryService;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired ComplaintRegister register;
    @Autowired ComplaintCorrections corrections;
    @Autowired CustomerMessages customerMessages;
    @Autowired ApplicationEvents events;

    @BeforeEach
    void setUp() {
        init(processEngine);
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    // --- corrections ---------------------------------------------------------------------------------------------

    @Test
    void aSupervisorCorrectsWhoTheComplaintIsAboutAndTheTrailShowsIt() {
        ProcessInstance complaint = complaintAbout("bob");
        String reference = complaint.getBusinessKey();

        ProcessInstance correction = correctAs("sam", form(reference, CORRECT_ABOUT_EMPLOYEE, "alice", null,
                "The customer confused the names; the rota shows alice at the counter."));

        assertThat(correction).isEnded().hasPassedInOrder(START_EVENT, CORRECT_FACT, END_EVENT);
        HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(correction.getId()).singleResult();
        assertThat(history.getBusinessKey()).as("found under the complaint's reference").isEqualTo(reference);
        assertThat(history.getStartUserId()).isEqualTo("sam");
        assertThat(finalVariables(correction)).containsEntry(VAR_FACT, FACT_ABOUT_EMPLOYEE)
                .containsEntry(VAR_PREVIOUS_VALUE, "bob").containsEntry(VAR_NEW_VALUE, "alice")
                .containsEntry(VAR_ABOUT_EMPLOYEE, "alice").containsEntry(VAR_CORRECTED_BY, "sam")
                .doesNotContainKey(VAR_CUSTOMER_EMAIL);

        // the register of record, and the record of the correction: from what to what, who, when, why
        assertThat(register.aboutEmployee(reference)).isEqualTo("alice");
        List<ComplaintRegister.Correction> made = register.corrections(reference);
        assertThat(made).hasSize(1);
        ComplaintRegister.Correction one = made.get(0);
        assertThat(one.fact()).isEqualTo(FACT_ABOUT_EMPLOYEE);
        assertThat(one.oldValue()).isEqualTo("bob");
        assertThat(one.newValue()).isEqualTo("alice");
        assertThat(one.correctedBy()).isEqualTo("sam");
        assertThat(one.correctedAt()).isNotNull();
        assertThat(one.reason()).isEqualTo("The customer confused the names; the rota shows alice at the counter.");
        assertThat(one.processInstanceId()).isEqualTo(correction.getId());

        // the complaint's own variable follows, and a comment in sam's name tells its timeline
        assertThat(runtimeService.getVariable(complaint.getId(), ComplaintProcess.VAR_ABOUT_EMPLOYEE)).isEqualTo("alice");
        List<Comment> comments = taskService.getProcessInstanceComments(complaint.getId());
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).getUserId()).isEqualTo("sam");
        assertThat(comments.get(0).getFullMessage()).isEqualTo("Corrected who the complaint is about: bob → alice. Reason: "
                + "The customer confused the names; the rota shows alice at the counter.");

        // task rights hear that the case is about someone else now
        assertThat(events.stream(CaseSubjectsChanged.class))
                .containsExactly(new CaseSubjectsChanged(ComplaintProcess.PROCESS_KEY, complaint.getId()));
        assertThat(complaint).isWaitingAt(ComplaintProcess.HANDLE_COMPLAINT);
    }

    @Test
    void afterTheCorrectionTheComplaintHandsTheNewEmployeeToCorrectiveAction() {
        ProcessInstance complaint = complaintAbout(null);
        correctAs("maria", form(complaint.getBusinessKey(), CORRECT_ABOUT_EMPLOYEE, "alice", null,
                "The customer named alice in a follow-up call."));

        completeAs("bob", task(ComplaintProcess.HANDLE_COMPLAINT, complaint), resolution());

        assertThat(complaint).hasPassed(ComplaintProcess.FLAG_FOR_CORRECTIVE_ACTION);
        ProcessInstance action = runtimeService.createProcessInstanceQuery().processDefinitionKey("corrective-action")
                .processInstanceBusinessKey(complaint.getBusinessKey()).singleResult();
        assertThat(action).as("a corrective-action case for the complaint").isNotNull();
        assertThat(runtimeService.getVariable(action.getId(), "employee")).isEqualTo("alice");
        assertThat(register.find(complaint.getBusinessKey()).orElseThrow().correctiveActionFlagged()).isTrue();
    }

    @Test
    void aComplaintCorrectedToBeAboutNoEmployeeOpensNoCorrectiveAction() {
        ProcessInstance complaint = complaintAbout("bob");
        correctAs("sam", form(complaint.getBusinessKey(), CORRECT_ABOUT_NOBODY, null, null,
                "The customer complained about the delivery firm's driver, not about bob."));

        assertThat(register.aboutEmployee(complaint.getBusinessKey())).isNull();
        assertThat(register.corrections(complaint.getBusinessKey())).singleElement()
                .satisfies(c -> assertThat(c.oldValue()).isEqualTo("bob"))
                .satisfies(c -> assertThat(c.newValue()).isNull());
        assertThat(runtimeService.getVariable(complaint.getId(), ComplaintProcess.VAR_ABOUT_EMPLOYEE)).isNull();
        assertThat(events.stream(CaseSubjectsChanged.class)).hasSize(1);

        completeAs("alice", task(ComplaintProcess.HANDLE_COMPLAINT, complaint), resolution());

        assertThat(complaint).hasNotPassed(ComplaintProcess.FLAG_FOR_CORRECTIVE_ACTION).isWaitingAt(ComplaintProcess.SEND_SURVEY);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("corrective-action")
                .processInstanceBusinessKey(complaint.getBusinessKey()).count()).isZero();
    }

    @Test
    void aManagerCorrectsTheCustomersAddressAfterTheResolutionAndTheSurveyGoesThere() {
        ProcessInstance complaint = complaintAbout(null);
        completeAs("alice", task(ComplaintProcess.HANDLE_COMPLAINT, complaint), resolution());
        assertThat(complaint).isWaitingAt(ComplaintProcess.SEND_SURVEY);

        ProcessInstance correction = correctAs("maria", form(complaint.getBusinessKey(), CORRECT_CUSTOMER_EMAIL, null,
                "  grace.new@example.com ", "The customer called: the old mailbox is closed."));

        assertThat(correction).isEnded().hasPassed(CORRECT_FACT);
        assertThat(finalVariables(correction)).containsEntry(VAR_FACT, FACT_CUSTOMER_EMAIL)
                .containsEntry(VAR_PREVIOUS_VALUE, "grace@example.com").containsEntry(VAR_NEW_VALUE, "grace.new@example.com")
                .doesNotContainKey(VAR_ABOUT_EMPLOYEE);
        assertThat(register.find(complaint.getBusinessKey()).orElseThrow().customerEmail()).isEqualTo("grace.new@example.com");
        assertThat(runtimeService.getVariable(complaint.getId(), ComplaintProcess.VAR_CUSTOMER_EMAIL))
                .isEqualTo("grace.new@example.com");
        assertThat(events.stream(CaseSubjectsChanged.class)).as("whom the case is about did not change").isEmpty();

        execute(job(ComplaintProcess.SEND_SURVEY, complaint));
        // the survey (the acknowledgement at intake went to the address then known)
        assertThat(customerMessages.forReference(complaint.getBusinessKey()).stream().filter(m -> m.body().contains("/survey/")))
                .extracting(CustomerMessages.Message::recipient).containsExactly("grace.new@example.com");
    }

    @Test
    void aFactCorrectedTwiceKeepsBothCorrectionsInOrder() {
        ProcessInstance complaint = complaintAbout("bob");
        correctAs("sam", form(complaint.getBusinessKey(), CORRECT_ABOUT_EMPLOYEE, "alice", null, "Rota says alice."));
        correctAs("maria", form(complaint.getBusinessKey(), CORRECT_ABOUT_EMPLOYEE, "bob", null,
                "The rota was wrong: the till log shows bob."));

        assertThat(register.corrections(complaint.getBusinessKey()))
                .extracting(ComplaintRegister.Correction::oldValue, ComplaintRegister.Correction::newValue,
                        ComplaintRegister.Correction::correctedBy)
                .containsExactly(tuple("bob", "alice", "sam"), tuple("alice", "bob", "maria"));
        assertThat(register.aboutEmployee(complaint.getBusinessKey())).isEqualTo("bob");
    }

    // --- refusals: nothing is started, nothing changes -------------------------------------------------------------

    @Test
    void theFormsInputIsCheckedAndEachMistakeIsNamed() {
        ProcessInstance complaint = complaintAbout("bob");
        String reference = complaint.getBusinessKey();

        rejected("sam", form(null, CORRECT_ABOUT_EMPLOYEE, "alice", null, "Why."), VAR_COMPLAINT_REFERENCE, "reference");
        rejected("sam", form("C-1999-NOSUCH00", CORRECT_ABOUT_EMPLOYEE, "alice", null, "Why."), VAR_COMPLAINT_REFERENCE,
                "There is no complaint C-1999-NOSUCH00.");
        rejected("sam", form(reference, null, "alice", null, "Why."), VAR_CORRECTION, "Choose what to correct");
        rejected("sam", form(reference, "customerName", "alice", null, "Why."), VAR_CORRECTION, "Choose what to correct");
        rejected("sam", form(reference, CORRECT_ABOUT_EMPLOYEE, "alice", null, "   "), VAR_REASON, "Say why");
        rejected("sam", form(reference, CORRECT_ABOUT_EMPLOYEE, "alice", null, "x".repeat(MAX_REASON + 1)), VAR_REASON,
                "at most 2000 characters");
        rejected("sam", form(reference, CORRECT_ABOUT_EMPLOYEE, " ", null, "Why."), VAR_ABOUT_EMPLOYEE, "Name the employee");
        rejected("sam", form(reference, CORRECT_ABOUT_EMPLOYEE, "nosuchperson", null, "Why."), VAR_ABOUT_EMPLOYEE,
                "There is no employee nosuchperson.");
        rejected("sam", form(reference, CORRECT_ABOUT_EMPLOYEE, "bob", null, "Why."), VAR_ABOUT_EMPLOYEE,
                "is already about bob: there is nothing to correct");
        rejected("sam", form(reference, CORRECT_CUSTOMER_EMAIL, null, "", "Why."), VAR_CUSTOMER_EMAIL,
                "Give the customer's correct e-mail address");
        rejected("sam", form(reference, CORRECT_CUSTOMER_EMAIL, null, "grace at example.com", "Why."), VAR_CUSTOMER_EMAIL,
                "is not a valid e-mail address: grace at example.com");
        rejected("sam", form(reference, CORRECT_CUSTOMER_EMAIL, null, "grace@example.com", "Why."), VAR_CUSTOMER_EMAIL,
                "already has the customer's e-mail address grace@example.com");

        ProcessInstance aboutNobody = complaintAbout(null);
        rejected("sam", form(aboutNobody.getBusinessKey(), CORRECT_ABOUT_NOBODY, null, null, "Why."), VAR_CORRECTION,
                "is already about no employee");

        assertUnchanged(reference, "bob", "grace@example.com");
    }

    @Test
    void onlySupervisorsManagersAndAdministratorsCorrectAndNobodyCorrectsAComplaintAboutThemselves() {
        ProcessInstance complaint = complaintAbout("sam");
        String reference = complaint.getBusinessKey();
        Map<String, Object> toAlice = form(reference, CORRECT_ABOUT_EMPLOYEE, "alice", null, "It was not me.");

        // the model lets supervisors and managers start it: the engine refuses anyone else before anything runs
        for (String user : List.of("alice", "hana", "olga", "audrey", "henry")) {
            loginAs(user);
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, toAlice)).as(user)
                    .isInstanceOf(AuthorizationException.class);
        }
        identityService.clearAuthentication();

        // the complaint is about sam: sam does not correct it, not even to clear his own name
        AuthorizationException own = catchThrowableOfType(AuthorizationException.class, () -> correctAs("sam", toAlice));
        assertThat(own).hasMessageContaining("is about sam, who does not correct the facts of a complaint about themselves");
        assertThatThrownBy(() -> correctAs("sam", form(reference, CORRECT_ABOUT_NOBODY, null, null, "Not me.")))
                .isInstanceOf(Refused.class);

        // and should a later version of the model let others start it, the correction itself still refuses them
        assertThatThrownBy(() -> corrections.correct(request(toAlice), "alice", "no-instance"))
                .isInstanceOf(Refused.class)
                .hasMessage("alice may not correct a complaint's facts: supervisors and managers do.");
        assertThatThrownBy(() -> corrections.correct(request(toAlice), null, "no-instance"))
                .isInstanceOf(Refused.class).hasMessageStartingWith("Nobody is logged in");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, toAlice))
                .as("started by the application without a user").isInstanceOf(Refused.class);

        assertUnchanged(reference, "sam", "grace@example.com");

        // another supervisor or manager does, and so does an administrator
        correctAs("maria", toAlice);
        correctAs("demo", form(reference, CORRECT_CUSTOMER_EMAIL, null, "grace@example.org", "Typo at intake."));
        assertThat(register.corrections(reference)).extracting(ComplaintRegister.Correction::correctedBy)
                .containsExactly("maria", "demo");
    }

    @Test
    void aClosedComplaintKeepsItsFactsAndWhoItIsAboutIsSettledOnceItIsResolved() {
        // resolved and handed to corrective action: who it is about is no longer corrected, the address still is
        ProcessInstance resolved = complaintAbout("bob");
        completeAs("alice", task(ComplaintProcess.HANDLE_COMPLAINT, resolved), resolution());
        assertThat(resolved).hasPassed(ComplaintProcess.FLAG_FOR_CORRECTIVE_ACTION);
        Conflict settled = catchThrowableOfType(Conflict.class, () -> correctAs("sam",
                form(resolved.getBusinessKey(), CORRECT_ABOUT_EMPLOYEE, "alice", null, "Too late.")));
        assertThat(settled).hasMessageContaining("has been resolved: who it is about can be corrected only while it is being"
                + " handled").hasMessageContaining("handed to corrective action about bob");
        assertThatThrownBy(() -> correctAs("sam", form(resolved.getBusinessKey(), CORRECT_ABOUT_NOBODY, null, null, "Late.")))
                .isInstanceOf(Conflict.class);
        assertUnchanged(resolved.getBusinessKey(), "bob", "grace@example.com");

        // closed (the survey expired): nothing is corrected any more
        execute(job(ComplaintProcess.SEND_SURVEY, resolved));
        execute(job(ComplaintProcess.SURVEY_EXPIRED, resolved));
        assertThat(resolved).isEnded();
        Conflict closed = catchThrowableOfType(Conflict.class, () -> correctAs("sam",
                form(resolved.getBusinessKey(), CORRECT_CUSTOMER_EMAIL, null, "grace@example.org", "Typo.")));
        assertThat(closed).hasMessage("Complaint " + resolved.getBusinessKey() + " is closed: its facts stay as they were"
                + " when it closed.");
        assertUnchanged(resolved.getBusinessKey(), "bob", "grace@example.com");
    }

    @Test
    void aCorrectionDecidedOnAValueSomeoneElseChangedMeanwhileIsAConflict() {
        ProcessInstance complaint = complaintAbout("bob");
        String reference = complaint.getBusinessKey();
        assertThatThrownBy(() -> register.correct(reference, FACT_ABOUT_EMPLOYEE, "maria", "alice", "sam", "Stale.", "x"))
                .isInstanceOf(Conflict.class).hasMessageContaining("at the same moment");
        assertThatThrownBy(() -> register.correct(reference, "status", "OPEN", "CLOSED", "sam", "Not a fact.", "x"))
                .isInstanceOf(IllegalStateException.class);
        assertUnchanged(reference, "bob", "grace@example.com");
    }

    // --- the model -------------------------------------------------------------------------------------------------

    @Test
    void theModelIsStartedBySupervisorsAndManagersFromItsForm() {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult();
        assertThat(definition.getName()).isEqualTo("Correct a complaint's facts");
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(1095);
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());

        StartEvent start = model.getModelElementById(START_EVENT);
        assertThat(start.getCamundaFormRef()).isEqualTo(FORM);
        assertThat(start.getCamundaInitiator()).isEqualTo(VAR_CORRECTED_BY);
        assertThat(repositoryService.getDeploymentResourceNames(definition.getDeploymentId()))
                .anySatisfy(name -> assertThat(name).endsWith(FORM + ".form"));

        List<String> starters = authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(PROCESS_KEY)
                .hasPermission(ProcessDefinitionPermissions.CREATE_INSTANCE).list().stream()
                .map(Authorization::getGroupId).sorted().toList();
        assertThat(starters).containsExactly("managers", "supervisors");
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    /** A complaint as the intake registers it, about the employee (or nobody), waiting for an agent. */
    private ProcessInstance complaintAbout(String employee) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ComplaintProcess.VAR_CUSTOMER_NAME, "Grace Customer");
        variables.put(ComplaintProcess.VAR_CUSTOMER_EMAIL, "grace@example.com");
        variables.put(ComplaintProcess.VAR_CHANNEL, "phone");
        variables.put(ComplaintProcess.VAR_CATEGORY, "staff-behaviour");
        variables.put(ComplaintProcess.VAR_DESCRIPTION, "I was told to stop complaining and hung up on.");
        variables.put(ComplaintProcess.VAR_ABOUT_EMPLOYEE, employee);
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, variables);
        return runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
    }

    /** The start form's values as Tasklist submits them (a field left hidden is not sent). */
    private static Map<String, Object> form(String reference, String correction, String employee, String email, String reason) {
        Map<String, Object> form = new HashMap<>();
        form.put(VAR_COMPLAINT_REFERENCE, reference);
        form.put(VAR_CORRECTION, correction);
        if (employee != null) {
            form.put(VAR_ABOUT_EMPLOYEE, employee);
        }
        if (email != null) {
            form.put(VAR_CUSTOMER_EMAIL, email);
        }
        form.put(VAR_REASON, reason);
        return form;
    }

    private static ComplaintCorrections.Request request(Map<String, Object> form) {
        return new ComplaintCorrections.Request((String) form.get(VAR_COMPLAINT_REFERENCE), (String) form.get(VAR_CORRECTION),
                (String) form.get(VAR_ABOUT_EMPLOYEE), (String) form.get(VAR_CUSTOMER_EMAIL), (String) form.get(VAR_REASON));
    }

    /** Starts the correction as the user, with their groups, as Tasklist does. */
    private ProcessInstance correctAs(String user, Map<String, Object> form) {
        loginAs(user);
        try {
            return runtimeService.startProcessInstanceByKey(PROCESS_KEY, form);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The correction is refused for the field, with the sentence; nothing is started. */
    private void rejected(String user, Map<String, Object> form, String field, String message) {
        long before = corrections();
        Rejected refused = catchThrowableOfType(Rejected.class,
                () -> correctAs(user, form));
        assertThat(refused).as("refused: %s", form).isNotNull();
        assertThat(refused.fieldErrors()).containsOnlyKeys(field);
        assertThat(refused).hasMessageContaining(message);
        assertThat(corrections()).as("nothing started").isEqualTo(before);
    }

    private long corrections() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    }

    private void assertUnchanged(String reference, String aboutEmployee, String customerEmail) {
        ComplaintRegister.Entry entry = register.find(reference).orElseThrow();
        assertThat(entry.aboutEmployee()).isEqualTo(aboutEmployee);
        assertThat(entry.customerEmail()).isEqualTo(customerEmail);
        assertThat(register.corrections(reference)).isEmpty();
        assertThat(taskService.getProcessInstanceComments(entry.processInstanceId())).isEmpty();
        assertThat(events.stream(CaseSubjectsChanged.class)).isEmpty();
    }

    private Map<String, Object> finalVariables(ProcessInstance instance) {
        Map<String, Object> variables = new HashMap<>();
        historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
                .forEach(v -> variables.put(v.getName(), v.getValue()));
        return variables;
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        loginAs(user);
        try {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Map<String, Object> resolution() {
        return withVariables(ComplaintProcess.VAR_CUSTOMER_CONTACTED, true, ComplaintProcess.VAR_APOLOGISED, true,
                ComplaintProcess.VAR_RESOLUTION, "Apologised and explained.", ComplaintProcess.VAR_GOODWILL_PROPOSED, false);
    }

    private void loginAs(String user) {
        identityService.clearAuthentication();
        identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
    }
}
