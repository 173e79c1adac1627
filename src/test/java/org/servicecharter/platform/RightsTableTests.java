package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicecharter.Http;
import org.servicecharter.Newcomers;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.approval.ApprovalProcess;
import org.servicecharter.complaint.ComplaintCorrectionProcess;
import org.servicecharter.complaint.ComplaintProcess;
import org.servicecharter.correctiveaction.CorrectiveActionProcess;
import org.servicecharter.handbook.HandbookFixtures;
import org.servicecharter.handbook.HandbookProcess;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.identity.Roles;
import org.servicecharter.planreview.PlanReviewProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rights table of the README ("## Rights"), tested as a table: every cell is one request, made as that demo user
 * through the door a user would take ({@code /engine-rest}, as Tasklist and Cockpit do, or {@code /api}), against a
 * fresh case of that model, and the answer must be what the cell says — {@code ✓} allowed (2xx), {@code ✗} refused
 * (403), {@code ∅} not shown (404: the engine hides what one may not read), or a status code for anything else. A
 * change of rights is a change of that table: change a cell and this test fails; add a row that this test does not
 * know how to perform, or drop one it knows, and it fails too.
 *
 * <p>A case is reused by the next cell while nothing changed it (refused and read-only requests change nothing); a
 * request that was allowed and may have changed it (claim, complete, assign …) makes the next cell get a new one. The
 * answers measured are also written as a table to {@code target/rights-measured.md}, ready to paste after a deliberate
 * change of rights.
 */
@ServiceCharterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RightsTableTests {

    static final Path README = Path.of("README.md");
    static final Path MEASURED = Path.of("target", "rights-measured.md");
    static final List<String> USERS = List.of("alice", "sam", "maria", "henry", "hana", "olga", "audrey", "demo");

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired IdentityService identityService;
    @Autowired ReportingLines reportingLines;
    @Autowired org.camunda.bpm.engine.ManagementService managementService;

    // --- the table ---------------------------------------------------------------------------------------------

    record Row(String resource, String operation, Map<String, String> cells) {
    }

    record Cell(Row row, String user, String expected) {
        @Override
        public String toString() {
            return row.resource() + " · " + row.operation() + " · " + user + " → " + expected;
        }
    }

    /** The rows of the first table after the README's "## Rights" heading; an empty resource cell repeats the one above. */
    static List<Row> table() {
        List<String> lines;
        try {
            lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + README.toAbsolutePath(), e);
        }
        int at = lines.indexOf("## Rights");
        if (at < 0) {
            throw new AssertionError("The README has no '## Rights' section");
        }
        int start = at + 1;
        while (start < lines.size() && !lines.get(start).startsWith("|")) {
            if (lines.get(start).startsWith("## ")) {
                throw new AssertionError("The README's '## Rights' section has no table");
            }
            start++;
        }
        List<String> header = cells(lines.get(start));
        List<String> users = header.subList(2, header.size()).stream().map(h -> h.substring(h.lastIndexOf(' ') + 1)).toList();
        assertThat(users).as("the table's columns (one per role, the demo user last in each header)").isEqualTo(USERS);
        List<Row> rows = new ArrayList<>();
        String resource = null;
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            assertThat(cells).as("line %d of README.md: %s", i + 1, lines.get(i)).hasSize(header.size());
            if (!cells.get(0).isEmpty()) {
                resource = cells.get(0);
            }
            Map<String, String> byUser = new LinkedHashMap<>();
            for (int u = 0; u < users.size(); u++) {
                byUser.put(users.get(u), cells.get(u + 2));
            }
            rows.add(new Row(resource, cells.get(1), byUser));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.trim();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.replace("*", "").replace("`", "").trim());
        }
        return cells;
    }

    static Stream<Cell> cells() {
        return table().stream().flatMap(row -> row.cells().entrySet().stream().map(e -> new Cell(row, e.getKey(), e.getValue())));
    }

    /** What a status means in the table. */
    static String symbol(int status) {
        if (status >= 200 && status < 300) {
            return "✓";
        }
        return switch (status) {
            case 403 -> "✗";
            case 404 -> "∅";
            default -> String.valueOf(status);
        };
    }

    // --- the test ----------------------------------------------------------------------------------------------

    private final Map<String, Map<String, String>> measured = new LinkedHashMap<>();
    private final Map<String, Object> current = new LinkedHashMap<>();
    private final List<String> started = new ArrayList<>();
    private final List<String> deployments = new ArrayList<>();
    private Map<String, Resource> resources;
    private final Map<String, Http> clients = new LinkedHashMap<>();

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void theApiAnswersWhatTheTableSays(Cell cell) {
        Resource resource = resources().get(cell.row().resource());
        assertThat(resource).as("a resource of the rights table that this test does not know: %s", cell.row().resource()).isNotNull();
        Operation operation = resource.operations().get(cell.row().operation());
        assertThat(operation).as("an operation on %s that this test does not know: %s", cell.row().resource(), cell.row().operation())
                .isNotNull();

        Object fixture = current.computeIfAbsent(cell.row().resource(), key -> resource.fixture().get());
        Http.Response response = operation.perform().apply(fixture,
                clients.computeIfAbsent(cell.user(), user -> Http.as(port, user)), cell.user());
        String answer = symbol(response.status());
        measured.computeIfAbsent(cell.row().resource() + "|" + cell.row().operation(), k -> new LinkedHashMap<>())
                .put(cell.user(), answer);
        if (operation.changes() && response.status() < 300) {
            current.remove(cell.row().resource());
        }
        assertThat(answer).as("%s by %s: the README's rights table says %s, %s answered %d %s", cell.row().operation(),
                cell.user(), cell.expected(), operation.door(), response.status(), response.body()).isEqualTo(cell.expected());
    }

    @Test
    void theTableHasARowForEveryOperationThisTestPerformsAndNoOther() {
        Set<String> inTable = table().stream().map(r -> r.resource() + " · " + r.operation())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> known = new LinkedHashSet<>();
        resources().forEach((name, resource) -> resource.operations().keySet().forEach(op -> known.add(name + " · " + op)));
        assertThat(inTable).containsExactlyInAnyOrderElementsOf(known);
        assertThat(table().stream().flatMap(r -> r.cells().values().stream()))
                .allMatch(c -> c.equals("✓") || c.equals("✗") || c.equals("∅") || c.matches("\\d{3}"));
    }

    @AfterAll
    void writeTheMeasuredTableAndCleanUp() throws IOException {
        StringBuilder out = new StringBuilder("| Resource | Operation |");
        USERS.forEach(u -> out.append(' ').append(u).append(" |"));
        out.append('\n').append("|---|---|").append("---|".repeat(USERS.size())).append('\n');
        String previous = null;
        for (Row row : table()) {
            Map<String, String> answers = measured.getOrDefault(row.resource() + "|" + row.operation(), Map.of());
            out.append("| ").append(row.resource().equals(previous) ? "" : row.resource()).append(" | ").append(row.operation()).append(" |");
            USERS.forEach(u -> out.append(' ').append(answers.getOrDefault(u, "?")).append(" |"));
            out.append('\n');
            previous = row.resource();
        }
        Files.createDirectories(MEASURED.getParent());
        Files.writeString(MEASURED, out.toString(), StandardCharsets.UTF_8);

        identityService.clearAuthentication();
        for (String id : started) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtimeService.deleteProcessInstance(id, "rights table test over", true, true);
            }
        }
        for (String id : deployments) {
            if (repositoryService.createDeploymentQuery().deploymentId(id).count() > 0
                    && runtimeService.createProcessInstanceQuery().deploymentId(id).count() == 0) {
                repositoryService.deleteDeployment(id, false, true);
            }
        }
    }

    // --- resources and operations ----------------------------------------------------------------------------

    /** How one cell's request is made on a fixture, through which door, and whether an allowed one changes the fixture. */
    record Operation(String door, boolean changes, Perform perform) {
    }

    /** One request on a fixture, as the user whose client {@code http} is. */
    @FunctionalInterface
    interface Perform {
        Http.Response apply(Object fixture, Http http, String user);
    }

    /** A row group of the table: how to make a fresh case, and the operations on it. */
    record Resource(Supplier<Object> fixture, Map<String, Operation> operations) {
    }

    /** A task of a case; {@code key}: the case's business key (approval id, handbook version: employee …). */
    record TaskCase(String taskId, String processInstanceId, String key) {
    }

    static final String COMPLAINT = "Complaint";
    static final String COMPLAINT_ABOUT_ALICE = "Complaint about alice";
    static final String COMPLAINT_CLAIMED_BY_BOB = "Complaint claimed by bob";
    static final String SERVICE_RECOVERY = "Complaint's service recovery";
    static final String SERVICE_RECOVERY_ABOUT_SAM = "Service recovery about sam";
    static final String SURVEY_CALL = "Complaint's survey call";
    static final String APPROVAL = "Approval";
    static final String SIGN_OFF = "alice's handbook sign-off";
    static final String CORRECTIVE_ACTION = "Corrective action";
    static final String PLAN_REVIEW = "Plan review";
    static final String PLAN_REVIEW_FRONT_LINE = "Plan review's front-line input";
    static final String MODELS = "Models";
    static final String DASHBOARD = "Dashboard";
    static final String LEAVER = "An agent who leaves";

    private Map<String, Resource> resources() {
        if (resources != null) {
            return resources;
        }
        Map<String, Resource> all = new LinkedHashMap<>();

        Map<String, Operation> complaint = new LinkedHashMap<>();
        complaint.put("start (intake, /api)", new Operation("POST /api/complaints", false,
                (f, http, u) -> http.post("/api/complaints", complaintIntake(null))));
        complaint.put("start (Tasklist)", new Operation("POST /engine-rest/process-definition/key/complaint-handling/submit-form", false,
                (f, http, u) -> track(http.post("/engine-rest/process-definition/key/" + ComplaintProcess.PROCESS_KEY + "/submit-form",
                        Map.of("variables", typed(complaintIntake(null)))))));
        taskOperations(complaint, ComplaintProcess.VAR_ABOUT_EMPLOYEE, "maria", "bob", this::resolution);
        complaint.put("correct a fact (Tasklist)", new Operation("POST /engine-rest/process-definition/key/complaint-correction/submit-form",
                true, (f, http, u) -> http.post("/engine-rest/process-definition/key/" + ComplaintCorrectionProcess.PROCESS_KEY
                        + "/submit-form", Map.of("variables", typed(addressCorrection(businessKey(f)))))));
        complaint.put("suspend", new Operation("PUT /engine-rest/process-instance/{id}/suspended", true,
                (f, http, u) -> http.put("/engine-rest/process-instance/" + pi(f) + "/suspended", Map.of("suspended", true))));
        complaint.put("delete", new Operation("DELETE /engine-rest/process-instance/{id}", true,
                (f, http, u) -> http.delete("/engine-rest/process-instance/" + pi(f))));
        all.put(COMPLAINT, new Resource(() -> complaintTask(null), complaint));

        Map<String, Operation> aboutAlice = new LinkedHashMap<>();
        aboutAlice.put("read", read());
        aboutAlice.put("claim", claim());
        aboutAlice.put("complete", complete(this::resolution));
        all.put(COMPLAINT_ABOUT_ALICE, new Resource(() -> complaintTask("alice"), aboutAlice));

        Map<String, Operation> claimedByBob = new LinkedHashMap<>();
        claimedByBob.put("complete", complete(this::resolution));
        claimedByBob.put("release", new Operation("POST /engine-rest/task/{id}/unclaim", true,
                (f, http, u) -> http.post("/engine-rest/task/" + task(f) + "/unclaim", Map.of())));
        claimedByBob.put("assign", assign("alice"));
        all.put(COMPLAINT_CLAIMED_BY_BOB, new Resource(() -> {
            TaskCase c = complaintTask(null);
            taskService.claim(c.taskId(), "bob");
            return c;
        }, claimedByBob));

        Map<String, Operation> recovery = new LinkedHashMap<>();
        recovery.put("read", read());
        recovery.put("claim", claim());
        recovery.put("complete", complete(this::recoveryOutcome));
        recovery.put("assign", assign("maria"));
        all.put(SERVICE_RECOVERY, new Resource(() -> recoveryTask(null), recovery));

        Map<String, Operation> recoveryAboutSam = new LinkedHashMap<>();
        recoveryAboutSam.put("claim", claim());
        recoveryAboutSam.put("complete", complete(this::recoveryOutcome));
        all.put(SERVICE_RECOVERY_ABOUT_SAM, new Resource(() -> recoveryTask("sam"), recoveryAboutSam));

        Map<String, Operation> surveyCall = new LinkedHashMap<>();
        surveyCall.put("read", read());
        surveyCall.put("claim", claim());
        surveyCall.put("complete", complete(this::surveyCallAnswers));
        all.put(SURVEY_CALL, new Resource(this::surveyCallTask, surveyCall));

        Map<String, Operation> approval = new LinkedHashMap<>();
        approval.put("start (/api)", new Operation("POST /api/approvals", false,
                (f, http, u) -> http.post("/api/approvals", approvalRequest())));
        taskOperations(approval, ApprovalProcess.VAR_REQUESTER, "maria", "sam", this::approve);
        approval.put("complete (/api)", new Operation("POST /api/approvals/{id}/decision", true,
                (f, http, u) -> http.post("/api/approvals/" + businessKey(f) + "/decision", Map.of("decision", "approve", "reason", "Fair."))));
        all.put(APPROVAL, new Resource(this::approvalTask, approval));

        Map<String, Operation> signOff = new LinkedHashMap<>();
        // a publication that was allowed awaits the head of service's approval: it supersedes nothing yet
        signOff.put("start (publish, /api)", new Operation("POST /api/handbooks", true, (f, http, u) -> publish(http)));
        taskOperations(signOff, HandbookProcess.VAR_EMPLOYEE, "bob", "bob", this::sign);
        // the API signs the caller's own sign-off of that version: each role answers for their own, not for alice's
        signOff.put("sign one's own (/api)", new Operation("POST /api/handbooks/{version}/sign-off", false,
                (f, http, u) -> http.post("/api/handbooks/" + businessKey(f).substring(0, businessKey(f).lastIndexOf(':')) + "/sign-off",
                        Map.of("decision", "sign", "acknowledged", true))));
        all.put(SIGN_OFF, new Resource(this::signOffTask, signOff));

        Map<String, Operation> corrective = new LinkedHashMap<>();
        corrective.put("start (/api)", new Operation("POST /api/corrective-actions", false,
                (f, http, u) -> track(http.post("/api/corrective-actions", Map.of("employee", newAgentReportingTo("sam"),
                        "concern", "Raised their voice at a customer.")))));
        taskOperations(corrective, CorrectiveActionProcess.VAR_EMPLOYEE, "maria", "maria", this::conversation);
        all.put(CORRECTIVE_ACTION, new Resource(this::conversationTask, corrective));

        Map<String, Operation> planReview = new LinkedHashMap<>();
        planReview.put("start (/api)", new Operation("POST /api/plan-reviews", false,
                (f, http, u) -> track(http.post("/api/plan-reviews", Map.of("period", uniquePeriod())))));
        taskOperations(planReview, PlanReviewProcess.VAR_PERIOD, "1999-Q1", "maria", this::findings);
        all.put(PLAN_REVIEW, new Resource(this::planReviewTask, planReview));

        // the task a plan review offers the agents (issue 19.3): theirs to work, though the review's other tasks are not
        Map<String, Operation> frontLine = new LinkedHashMap<>();
        frontLine.put("read", read());
        frontLine.put("claim", claim());
        frontLine.put("complete", complete(this::frontLineInput));
        all.put(PLAN_REVIEW_FRONT_LINE, new Resource(this::planReviewFrontLineTask, frontLine));

        Map<String, Operation> models = new LinkedHashMap<>();
        models.put("deploy", new Operation("POST /engine-rest/deployment/create", false, (f, http, u) -> {
            Http.Response response = http.multipart("/engine-rest/deployment/create",
                    Map.of("deployment-name", "rights-table", "deployment-source", "Camunda Modeler"),
                    Map.of("rights-table.bpmn", tinyModel(uniqueKey())));
            if (response.status() == 200) {
                deployments.add(response.json().get("id").asText());
            }
            return response;
        }));
        models.put("read", new Operation("GET /engine-rest/process-definition/key/complaint-handling", false,
                (f, http, u) -> http.get("/engine-rest/process-definition/key/" + ComplaintProcess.PROCESS_KEY)));
        models.put("suspend", new Operation("PUT /engine-rest/process-definition/{id}/suspended", true,
                (f, http, u) -> http.put("/engine-rest/process-definition/" + ((Deployed) f).definitionId() + "/suspended",
                        Map.of("suspended", true, "includeProcessInstances", true))));
        models.put("delete", new Operation("DELETE /engine-rest/deployment/{id}", true,
                (f, http, u) -> http.delete("/engine-rest/deployment/" + ((Deployed) f).deploymentId())));
        all.put(MODELS, new Resource(this::throwawayModel, models));

        Map<String, Operation> dashboard = new LinkedHashMap<>();
        dashboard.put("read (/api)", new Operation("GET /api/dashboard", false, (f, http, u) -> http.get("/api/dashboard")));
        dashboard.put("read (page)", new Operation("GET /dashboard/ (web-app session)", false,
                (f, http, u) -> org.servicecharter.WebappSession.login(port, u, "tasklist").get("/dashboard/")));
        all.put(DASHBOARD, new Resource(() -> "the department's figures", dashboard));

        Map<String, Operation> leaver = new LinkedHashMap<>();
        leaver.put("mark as left (/api)", new Operation("POST /api/employees/{userId}/left", true,
                (f, http, u) -> http.post("/api/employees/" + f + "/left", Map.of("reason", "Resigned."))));
        all.put(LEAVER, new Resource(() -> Newcomers.agentReportingTo(identityService, reportingLines, "rtl", "sam"), leaver));

        resources = all;
        return all;
    }

    /** The operations every task row group has, on the task of a fresh case. */
    private void taskOperations(Map<String, Operation> ops, String fact, String forgedValue, String assignTo,
            Supplier<Map<String, Object>> form) {
        ops.put("read", read());
        ops.put("claim", claim());
        ops.put("complete", complete(form));
        ops.put("assign", assign(assignTo));
        ops.put("change candidates", new Operation("POST /engine-rest/task/{id}/identity-links", true,
                (f, http, u) -> http.post("/engine-rest/task/" + task(f) + "/identity-links",
                        Map.of("groupId", Roles.EMPLOYEES, "type", "candidate"))));
        ops.put("write variables (task)", new Operation("PUT /engine-rest/task/{id}/variables/" + fact, true,
                (f, http, u) -> http.put("/engine-rest/task/" + task(f) + "/variables/" + fact, Map.of("value", forgedValue, "type", "String"))));
        ops.put("write variables (instance)", new Operation("PUT /engine-rest/process-instance/{id}/variables/" + fact, true,
                (f, http, u) -> http.put("/engine-rest/process-instance/" + pi(f) + "/variables/" + fact,
                        Map.of("value", forgedValue, "type", "String"))));
        // a note changes neither who may do what nor the case's state: the next cell may use the same case
        ops.put("comment", new Operation("POST /engine-rest/task/{id}/comment/create", false,
                (f, http, u) -> http.post("/engine-rest/task/" + task(f) + "/comment/create", Map.of("message", "Noted."))));
        ops.put("attach", new Operation("POST /engine-rest/task/{id}/attachment/create", false,
                (f, http, u) -> http.multipart("/engine-rest/task/" + task(f) + "/attachment/create",
                        Map.of("attachment-name", "note.txt", "attachment-type", "text/plain"), Map.of("content", "Noted."))));
        ops.put("read history", new Operation("GET /engine-rest/history/process-instance/{id}", false,
                (f, http, u) -> http.get("/engine-rest/history/process-instance/" + pi(f))));
    }

    private static Operation read() {
        return new Operation("GET /engine-rest/task/{id}", false, (f, http, u) -> http.get("/engine-rest/task/" + task(f)));
    }

    private Operation claim() {
        return new Operation("POST /engine-rest/task/{id}/claim", true,
                (f, http, u) -> http.post("/engine-rest/task/" + task(f) + "/claim", Map.of("userId", u)));
    }

    private static Operation complete(Supplier<Map<String, Object>> form) {
        return new Operation("POST /engine-rest/task/{id}/submit-form", true,
                (f, http, u) -> http.post("/engine-rest/task/" + task(f) + "/submit-form", Map.of("variables", typed(form.get()))));
    }

    private static Operation assign(String to) {
        return new Operation("POST /engine-rest/task/{id}/assignee (" + to + ")", true,
                (f, http, u) -> http.post("/engine-rest/task/" + task(f) + "/assignee", Map.of("userId", to)));
    }

    // --- fixtures ----------------------------------------------------------------------------------------------

    private static String task(Object fixture) {
        return ((TaskCase) fixture).taskId();
    }

    private static String pi(Object fixture) {
        return ((TaskCase) fixture).processInstanceId();
    }

    private static String businessKey(Object fixture) {
        return ((TaskCase) fixture).key();
    }

    private Map<String, Object> complaintIntake(String about) {
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("customerName", "Rita Customer");
        complaint.put("customerEmail", "rita@example.com");
        complaint.put("channel", "phone");
        complaint.put("category", about == null ? "delivery" : "staff-behaviour");
        complaint.put("description", "The parcel came late and nobody called back.");
        if (about != null) {
            complaint.put("aboutEmployee", about);
        }
        return complaint;
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** The correction's start form: the customer's address, to a new one each time (an unchanged one is refused). */
    private static Map<String, Object> addressCorrection(String reference) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(ComplaintCorrectionProcess.VAR_COMPLAINT_REFERENCE, reference);
        form.put(ComplaintCorrectionProcess.VAR_CORRECTION, ComplaintCorrectionProcess.CORRECT_CUSTOMER_EMAIL);
        form.put(ComplaintCorrectionProcess.VAR_CUSTOMER_EMAIL, "rita." + ADDRESSES.incrementAndGet() + "@example.org");
        form.put(ComplaintCorrectionProcess.VAR_REASON, "The customer gave a new address on the phone.");
        return form;
    }

    private TaskCase complaintTask(String about) {
        Http.Response created = Http.anonymous(port).post("/api/complaints", complaintIntake(about));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(created.json().get("reference").asText())
                .taskDefinitionKey(ComplaintProcess.HANDLE_COMPLAINT).singleResult();
        return started(task);
    }

    private Map<String, Object> resolution() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(ComplaintProcess.VAR_CUSTOMER_CONTACTED, true);
        form.put(ComplaintProcess.VAR_APOLOGISED, true);
        form.put(ComplaintProcess.VAR_RESOLUTION, "Called back and apologised.");
        form.put(ComplaintProcess.VAR_GOODWILL_PROPOSED, false);
        return form;
    }

    /**
     * A complaint resolved by alice whose customer answered the survey with 1 of 5: the supervisors' task "Call the
     * customer back and put things right" ({@code about}: who the complaint is about, or null).
     */
    private TaskCase recoveryTask(String about) {
        TaskCase handling = complaintTask(about);
        resolveAsAlice(handling);
        org.camunda.bpm.engine.ManagementService management = managementService;
        management.executeJob(management.createJobQuery().processInstanceId(handling.processInstanceId())
                .activityId(ComplaintProcess.SEND_SURVEY).singleResult().getId());
        runtimeService.createMessageCorrelation(ComplaintProcess.MESSAGE_SURVEY_ANSWERED).processInstanceId(handling.processInstanceId())
                .setVariable(ComplaintProcess.VAR_SURVEY_RATING, 1).setVariable(ComplaintProcess.VAR_SURVEY_RESOLVED, true)
                .correlate();
        return started(taskService.createTaskQuery().processInstanceId(handling.processInstanceId())
                .taskDefinitionKey(ComplaintProcess.RECOVER_SERVICE).singleResult());
    }

    /** A phone complaint without e-mail, resolved by alice: the agents' task "Call the customer and ask how we handled ...". */
    private TaskCase surveyCallTask() {
        Map<String, Object> intake = complaintIntake(null);
        intake.remove("customerEmail");
        intake.put("customerPhone", "+44 20 7946 0958");
        Http.Response created = Http.anonymous(port).post("/api/complaints", intake);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TaskCase handling = started(taskService.createTaskQuery().processInstanceBusinessKey(created.json().get("reference").asText())
                .taskDefinitionKey(ComplaintProcess.HANDLE_COMPLAINT).singleResult());
        resolveAsAlice(handling);
        return started(taskService.createTaskQuery().processInstanceId(handling.processInstanceId())
                .taskDefinitionKey(ComplaintProcess.CALL_CUSTOMER_FOR_SURVEY).singleResult());
    }

    private void resolveAsAlice(TaskCase handling) {
        taskService.claim(handling.taskId(), "alice");
        taskService.complete(handling.taskId(), resolution());
    }

    private Map<String, Object> recoveryOutcome() {
        return Map.of(ComplaintProcess.VAR_RECOVERY_ACTION, "Called back, apologised, sent a replacement.",
                ComplaintProcess.VAR_RECOVERY_OUTCOME, "put-right");
    }

    private Map<String, Object> surveyCallAnswers() {
        return Map.of(ComplaintProcess.VAR_SURVEY_CALL, ComplaintProcess.SURVEY_CALL_ANSWERED, ComplaintProcess.VAR_SURVEY_RATING, "4",
                ComplaintProcess.VAR_SURVEY_RESOLVED, "true");
    }

    private static Map<String, Object> approvalRequest() {
        return Map.of("type", "refund", "amount", 100, "currency", "EUR", "reason", "Parcel lost in transit.");
    }

    private TaskCase approvalTask() {
        Http.Response asked = Http.as(port, "bob").post("/api/approvals", approvalRequest());
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(asked.json().get("id").asText())
                .taskDefinitionKey(ApprovalProcess.DECIDE_REQUEST).singleResult();
        return started(task);
    }

    private Map<String, Object> approve() {
        return Map.of(ApprovalProcess.VAR_DECISION, "approve", ApprovalProcess.VAR_DECISION_REASON, "Fair.");
    }

    /** Publishes a new handbook version (every employee is offered its sign-off). */
    private Http.Response publish(Http http) {
        String version = HandbookFixtures.uniqueVersion();
        Http.Response published = http.post("/api/handbooks",
                HandbookFixtures.publishRequest(version, HandbookFixtures.document(), HandbookFixtures.inDays(30)));
        if (published.status() < 300) {
            started.add(runtimeService.createProcessInstanceQuery().processDefinitionKey(HandbookProcess.PROCESS_KEY)
                    .processInstanceBusinessKey(version).singleResult().getId());
        }
        return published;
    }

    private TaskCase signOffTask() {
        Http.Response published = publish(Http.as(port, "olga"));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String version = published.json().get("version").asText();
        HandbookFixtures.approve(processEngine, version);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(version + ":alice")
                .taskDefinitionKey(HandbookProcess.SIGN_HANDBOOK).singleResult();
        return started(task);
    }

    private Map<String, Object> sign() {
        return Map.of(HandbookProcess.VAR_DECISION, "sign", HandbookProcess.VAR_ACKNOWLEDGED, true);
    }

    private TaskCase conversationTask() {
        Http.Response opened = Http.as(port, "sam").post("/api/corrective-actions",
                Map.of("employee", newAgentReportingTo("sam"), "concern", "Raised their voice at a customer."));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        Task task = taskService.createTaskQuery().processInstanceId(opened.json().get("processInstanceId").asText())
                .taskDefinitionKey(CorrectiveActionProcess.HOLD_CONVERSATION).singleResult();
        return started(task);
    }

    private Map<String, Object> conversation() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(CorrectiveActionProcess.VAR_WHAT_HAPPENED, "A customer was told to stop complaining.");
        form.put(CorrectiveActionProcess.VAR_EMPLOYEE_ACCOUNT, "It was the end of a long shift.");
        form.put(CorrectiveActionProcess.VAR_SUBSTANTIATED, false);
        form.put(CorrectiveActionProcess.VAR_SEVERITY, "minor");
        return form;
    }

    private TaskCase planReviewTask() {
        Http.Response opened = Http.as(port, "maria").post("/api/plan-reviews", Map.of("period", uniquePeriod()));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String pi = opened.json().get("processInstanceId").asText();
        // the research round closes with its window's timer; then the areas are reviewed
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi)
                .activityId(PlanReviewProcess.RESEARCH_WINDOW_CLOSED).singleResult().getId());
        Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(PlanReviewProcess.REVIEW_TRAINING).singleResult();
        return started(task);
    }

    private TaskCase planReviewFrontLineTask() {
        Http.Response opened = Http.as(port, "maria").post("/api/plan-reviews", Map.of("period", uniquePeriod()));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String pi = opened.json().get("processInstanceId").asText();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi)
                .activityId(PlanReviewProcess.RESEARCH_WINDOW_CLOSED).singleResult().getId());
        Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(PlanReviewProcess.GIVE_FRONT_LINE_INPUT).singleResult();
        return started(task);
    }

    private Map<String, Object> frontLineInput() {
        return Map.of(PlanReviewProcess.VAR_WHAT_GOES_WRONG, "Call-backs are forgotten.", PlanReviewProcess.VAR_WHAT_TO_CHANGE,
                "A call-back list per shift.");
    }

    private Map<String, Object> findings() {
        return Map.of("findings", "Two representatives need the refund training.");
    }

    record Deployed(String deploymentId, String definitionId) {
    }

    private Deployed throwawayModel() {
        String key = uniqueKey();
        Deployment deployment = repositoryService.createDeployment().name("rights-table").addString(key + ".bpmn", tinyModel(key)).deploy();
        deployments.add(deployment.getId());
        return new Deployed(deployment.getId(),
                repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult().getId());
    }

    private TaskCase started(Task task) {
        assertThat(task).as("the fixture's task").isNotNull();
        started.add(task.getProcessInstanceId());
        return new TaskCase(task.getId(), task.getProcessInstanceId(),
                runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
    }

    /** Remembers a process instance a cell started, to cancel it when the test is over. */
    private Http.Response track(Http.Response response) {
        if (response.status() < 300 && response.body() != null && response.body().startsWith("{")) {
            var json = response.json();
            if (json.hasNonNull("processInstanceId")) {
                started.add(json.get("processInstanceId").asText());
            } else if (json.hasNonNull("definitionId")) {
                started.add(json.get("id").asText());
            }
        }
        return response;
    }

    private String newAgentReportingTo(String manager) {
        return Newcomers.agentReportingTo(identityService, reportingLines, "rt", manager);
    }

    private static final AtomicInteger PERIODS = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 4000));

    /** A quarter of a far year that no other test reviews. */
    private static String uniquePeriod() {
        int n = PERIODS.incrementAndGet();
        return (5000 + n / 4 % 4999) + "-Q" + (n % 4 + 1);
    }

    private static String uniqueKey() {
        return "rights-table-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String tinyModel(String key) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_RightsTable" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%s" name="Rights table" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_Started"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key);
    }

    /** Form values in the engine REST's typed form: {"value": …, "type": …}. */
    private static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((name, value) -> typed.put(name, Map.of("value", value, "type",
                value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer" : value instanceof Double ? "Double" : "String")));
        return typed;
    }
}
