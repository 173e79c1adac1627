package org.servicecharter.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.approval.ApprovalProcess.DECIDE_REQUEST;
import static org.servicecharter.approval.ApprovalProcess.PROCESS_KEY;
import static org.servicecharter.approval.ApprovalProcess.VAR_DECISION_REASON;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.WebappSession;
import org.servicecharter.identity.AdministratorMissingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * One way to refuse: a refusal is {@link Refused} (403), {@link Rejected} (400, with field errors) or
 * {@link Conflict} (409) — with {@link NotFound} and {@link Gone} for what is not there — and every door answers it
 * the same: {@code status}, {@code title}, {@code message} (the sentence, exactly: no class name, no engine code, no
 * "Cannot submit task form ...:" prefix), and for a rejection {@code fieldErrors} (field → why) and {@code errors}.
 * The doors are the application's API ({@code /api}), the engine REST API ({@code /engine-rest}) and the web apps'
 * engine API that Tasklist calls with its session ({@code /camunda/api/engine/...}); the refusals come from where
 * features refuse: a controller, a task listener (which the engine wraps), a command interceptor. And the code base
 * has no other way: no exception class of its own outside {@code platform}, no IllegalArgumentException or bare
 * RuntimeException for a client's mistake, no engine exception thrown by a feature except the BpmnErrors models catch.
 */
@ServiceCharterTest
class OneWayToRefuseTests {

    /** The fields of a refusal that every door answers with the same values. */
    static final List<String> REFUSAL = List.of("status", "title", "message", "fieldErrors", "errors");

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repositoryService;

    // --- 400: rejected, with field errors -------------------------------------------------------------------------

    @Test
    void aRejectedAnswerIsTheSameSentenceAndFieldsThroughEveryDoor() {
        // the same sentence and fields through /api and /engine-rest; Tasklist's door the same in the form's words
        String id = asked("alice", "refund", 300);
        Map<String, Object> rejectWithoutReason = Map.of("decision", "reject");

        Http.Response api = Http.as(port, "sam").post("/api/approvals/" + id + "/decision", rejectWithoutReason);
        String taskId = taskOf(id).getId();
        assertThat(Http.as(port, "sam").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "sam")).status()).isEqualTo(204);
        Http.Response engine = Http.as(port, "sam").post("/engine-rest/task/" + taskId + "/submit-form", form("reject"));
        Http.Response tasklist = tasklist("sam", taskId, form("reject"));

        for (Http.Response response : List.of(api, engine, tasklist)) {
            assertRefusal(response, 400);
            assertThat(response.json().get("fieldErrors").has(VAR_DECISION_REASON)).as(response.body()).isTrue();
            assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(VAR_DECISION_REASON);
        }
        assertThat(api.json().get("message").asText()).startsWith("The decision cannot be taken: " + VAR_DECISION_REASON);
        assertSameRefusal(api, engine);
        // Tasklist's door answers a person at the form: the same refusal, the field called by the form's label
        assertThat(tasklist.json().get("status")).isEqualTo(engine.json().get("status"));
        assertThat(tasklist.json().get("title")).isEqualTo(engine.json().get("title"));
        assertThat(tasklist.json().get("fieldErrors")).isEqualTo(engine.json().get("fieldErrors"));
        assertThat(tasklist.json().get("message").asText()).isEqualTo(engine.json().get("message").asText()
                .replace(VAR_DECISION_REASON, "Reason for your decision"));
        assertThat(tasklist.json().get("errors").get(0).get("label").asText()).isEqualTo("Reason for your decision");
        assertThat(taskOf(id).getAssignee()).as("nothing of the refused answer was kept").isEqualTo("sam");
    }

    // --- 403: refused --------------------------------------------------------------------------------------------

    @Test
    void aRefusalOfThePersonIsTheSameShapeThroughEveryDoor() {
        Http.Response api = Http.as(port, "alice").post("/api/approvals",
                Map.of("type", "refund", "amount", 10, "currency", "EUR", "reason", "Charged twice.", "requester", "bob"));

        // a candidate who has not claimed the request completes its form, as Tasklist would let them try
        String id = asked("alice", "refund", 200);
        String taskId = taskOf(id).getId();
        Http.Response engine = Http.as(port, "sam").post("/engine-rest/task/" + taskId + "/submit-form", form("approve"));
        Http.Response tasklist = tasklist("sam", taskId, form("approve"));

        for (Http.Response response : List.of(api, engine, tasklist)) {
            assertRefusal(response, 403);
            assertThat(response.json().has("fieldErrors")).isFalse();
        }
        assertThat(api.json().get("message").asText()).isEqualTo("You ask in your own name only; alice cannot ask on behalf of bob.");
        assertThat(engine.json().get("message").asText()).startsWith("Claim the request " + id + " before deciding it");
        assertSameRefusal(engine, tasklist);
        assertThat(keys(api.json())).containsAll(List.of("status", "title", "message"));
        assertThat(taskOf(id).getAssignee()).isNull();

        // refused before any controller runs (a session call without the web apps' CSRF token): the same shape
        Http.Response withoutToken = WebappSession.login(port, "alice", "tasklist").send("POST", "/api/approvals", "{}", Map.of());
        assertRefusal(withoutToken, 403);
    }

    // --- 409: conflict -------------------------------------------------------------------------------------------

    @Test
    void aConflictIsTheSameShapeThroughEveryDoor() {
        String id = asked("hana", "refund", 20); // HR has no agent's authority: any agent but hana decides
        String taskId = taskOf(id).getId();
        assertThat(Http.as(port, "alice").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "alice")).status()).isEqualTo(204);
        Http.Response api = Http.as(port, "bob").post("/api/approvals/" + id + "/decision", Map.of("decision", "approve"));

        // a deployment with instances and their history is never deleted, not even by an administrator
        String deploymentId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion()
                .singleResult().getDeploymentId();
        Http.Response engine = Http.as(port, "demo").delete("/engine-rest/deployment/" + deploymentId + "?cascade=true");
        WebappSession cockpit = WebappSession.login(port, "demo", "cockpit");
        Http.Response webapps = cockpit.send("DELETE", "/camunda/api/engine/engine/default/deployment/" + deploymentId + "?cascade=true",
                "", Map.of("X-XSRF-TOKEN", cockpit.csrfToken()));

        for (Http.Response response : List.of(api, engine, webapps)) {
            assertRefusal(response, 409);
        }
        assertThat(api.json().get("message").asText()).isEqualTo("The request " + id + " is held by alice; only they decide it now.");
        assertThat(engine.json().get("message").asText()).startsWith("Deployment ");
        assertSameRefusal(engine, webapps);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count()).isEqualTo(1);
    }

    // --- the code base has no other way --------------------------------------------------------------------------

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.servicecharter");

    /** Outside the platform, no exception class of its own that a request could meet. */
    @Test
    void featuresDeclareNoExceptionsOfTheirOwn() {
        noClasses().that().resideOutsideOfPackage("org.servicecharter.platform..")
                .and().doNotBelongToAnyOf(AdministratorMissingException.class) // stops the start-up, never answers a request
                .should().beAssignableTo(RuntimeException.class)
                .because("a feature refuses with the platform's Refused, Rejected, Conflict, NotFound or Gone")
                .check(CLASSES);
    }

    /** Outside the platform, nothing refuses with IllegalArgumentException, a bare RuntimeException or an engine exception. */
    @Test
    void featuresRefuseOnlyInTheVocabulary() {
        noClasses().that().resideOutsideOfPackage("org.servicecharter.platform..")
                .and().doNotHaveFullyQualifiedName("org.servicecharter.handbook.DocumentLinkPolicy") // its configuration, at start-up
                .and().doNotBelongToAnyOf(AdministratorMissingException.class) // its own super constructor
                .should().callConstructorWhere(constructs(IllegalArgumentException.class, RuntimeException.class))
                .because("a client's mistake is Rejected (400) with a sentence; an IllegalArgumentException answers 500")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage("org.servicecharter.platform..")
                .should().callConstructorWhere(new DescribedPredicate<JavaConstructorCall>("constructs an engine exception other than"
                        + " the vocabulary's or a BpmnError") {
                    @Override
                    public boolean test(JavaConstructorCall call) {
                        JavaClass type = call.getTargetOwner();
                        return type.isAssignableTo(ProcessEngineException.class) && !type.isAssignableTo(Refusal.class)
                                && !type.isAssignableTo(BpmnError.class);
                    }
                })
                .because("an engine exception class says nothing of the status; the vocabulary does, and BpmnErrors are what models catch")
                .check(CLASSES);
    }

    /** The vocabulary is closed: only these kinds, each final, each one the engine treats as the caller's doing. */
    @Test
    void theVocabularyIsSmallAndClosed() {
        assertThat(Refusal.class.getPermittedSubclasses()).containsExactlyInAnyOrder(Refused.class, Rejected.class, Conflict.class,
                NotFound.class, Gone.class);
        assertThat(new Refused("x").status()).isEqualTo(403);
        assertThat(new Rejected("x").status()).isEqualTo(400);
        assertThat(new Conflict("x").status()).isEqualTo(409);
        assertThat(new NotFound("x").status()).isEqualTo(404);
        assertThat(new Gone("x").status()).isEqualTo(410);
        for (Class<?> kind : Refusal.class.getPermittedSubclasses()) {
            assertThat(java.lang.reflect.Modifier.isFinal(kind.getModifiers())).as(kind.getName()).isTrue();
        }
        ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
                new ProcessEngineException("wrapper", new Rejected("field", "Say why.")));
        assertThat(Refusals.find(wrapped)).isInstanceOf(Rejected.class).extracting(Refusal::getMessage).isEqualTo("Say why.");
        assertThat(Refusals.find(new ProcessEngineException("something else"))).isNull();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static DescribedPredicate<JavaConstructorCall> constructs(Class<?>... types) {
        List<String> names = java.util.Arrays.stream(types).map(Class::getName).toList();
        return new DescribedPredicate<>("constructs one of " + names) {
            @Override
            public boolean test(JavaConstructorCall call) {
                return names.contains(call.getTargetOwner().getName());
            }
        };
    }

    /** A refusal as a person reads it: the status, a title, one sentence without class names or engine codes. */
    private static void assertRefusal(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.get("status").asInt()).as(response.body()).isEqualTo(status);
        assertThat(body.get("title").asText()).as(response.body()).isNotBlank();
        String message = body.get("message").asText();
        assertThat(message).as(response.body()).isNotBlank().doesNotContain("ENGINE-", "Exception", "org.", "Cannot submit",
                "Cannot complete", "Cannot delete", "\tat ");
        if (body.has("fieldErrors")) {
            body.get("errors").forEach(error -> assertThat(body.get("fieldErrors").get(error.get("field").asText()).asText())
                    .contains(error.get("message").asText()));
        }
    }

    /** The same refusal through two doors: the same status, title, sentence and fields. */
    private static void assertSameRefusal(Http.Response one, Http.Response other) {
        for (String field : REFUSAL) {
            assertThat(other.json().get(field)).as(field + ": " + one.body() + " / " + other.body()).isEqualTo(one.json().get(field));
        }
    }

    private static List<String> keys(JsonNode body) {
        List<String> keys = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The form as Tasklist submits it, through the web apps' engine API with the session and its CSRF token. */
    private Http.Response tasklist(String user, String taskId, Map<String, Object> form) {
        WebappSession session = WebappSession.login(port, user, "tasklist");
        try {
            return session.send("POST", "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                    new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(form), Map.of("X-XSRF-TOKEN", session.csrfToken()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String asked(String requester, String type, double amount) {
        Http.Response response = Http.as(port, requester).post("/api/approvals",
                Map.of("type", type, "amount", amount, "currency", "EUR", "reason", "The customer was charged twice."));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static Map<String, Object> form(String decision) {
        return Map.of("variables", Map.of("decision", Map.of("value", decision)));
    }

    private Task taskOf(String id) {
        return taskService.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(DECIDE_REQUEST).singleResult();
    }
}
