package org.servicecharter.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.WebappSession;
import org.servicecharter.complaint.ComplaintProcess;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's figures on rows whose answers are known exactly (seeded straight into the registers, with markers
 * of their own: queues, tiers and a period no other test uses), its access rules, bad periods, CSV, and the register
 * columns that the engine's task events keep up to date.
 */
@ServiceCharterTest
class DashboardApiTests {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired EmployeeFile employeeFile;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;
    @Autowired org.servicecharter.identity.ReportingLines reportingLines;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    private final List<Runnable> cleanUp = new ArrayList<>();

    @AfterEach
    void removeSeededRows() {
        cleanUp.forEach(Runnable::run);
    }

    // --- open complaints by queue and SLA ----------------------------------------------------------------------------

    @Test
    void openComplaintsByQueueAgainstTheirSlaAndByAge() {
        Instant now = Instant.now();
        Instant endOfToday = LocalDate.now().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
        Instant laterToday = now.plus(Duration.between(now, endOfToday).dividedBy(2));
        String a = "dash-a-" + marker;
        String b = "dash-b-" + marker;
        complaint("A1", "OPEN", a, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));           // breached, < 1 day
        complaint("A2", "OPEN", a, now.minus(Duration.ofDays(2)), laterToday);                               // due today, 1-3 days
        complaint("A3", "RECOVERY", a, now.minus(Duration.ofDays(5)), now.plus(Duration.ofDays(3)));          // 3-7 days
        complaint("A4", "OPEN", a, now.minus(Duration.ofDays(10)), null);                                    // no SLA, > 7 days
        complaint("A5", "RESOLVED", a, now.minus(Duration.ofDays(1)), now.minus(Duration.ofHours(3)));       // not open
        complaint("A6", "CLOSED", a, now.minus(Duration.ofDays(1)), now.minus(Duration.ofHours(3)));         // not open
        complaint("B1", "OPEN", b, now.minus(Duration.ofMinutes(30)), now.plus(Duration.ofDays(2)));

        JsonNode figures = Http.as(port, "henry").get("/api/dashboard").json();

        JsonNode queueA = queue(figures, a);
        assertThat(queueA.get("open").asLong()).isEqualTo(4);
        assertThat(queueA.get("breached").asLong()).isEqualTo(1);
        assertThat(queueA.get("breachingToday").asLong()).isEqualTo(1);
        assertThat(queueA.get("ages").toString())
                .isEqualTo("{\"underOneDay\":1,\"oneToThreeDays\":1,\"threeToSevenDays\":1,\"overSevenDays\":1}");
        JsonNode queueB = queue(figures, b);
        assertThat(List.of(queueB.get("open").asLong(), queueB.get("breached").asLong(), queueB.get("breachingToday").asLong()))
                .containsExactly(1L, 0L, 0L);
        // the totals are the queues' sums
        JsonNode open = figures.get("openComplaints");
        long sum = 0;
        for (JsonNode q : open.get("byQueue")) {
            sum += q.get("open").asLong();
        }
        assertThat(open.get("open").asLong()).isEqualTo(sum);
    }

    // --- weekly complaints, breaches, surveys; low ratings -----------------------------------------------------------

    @Test
    void weeklyFiguresOverTheAskedPeriodEachWeekExactly() {
        // 2031-03-03 .. 2031-03-23 (both included): three weeks
        seedWeeks();

        JsonNode figures = Http.as(port, "maria").get("/api/dashboard?from=2031-03-03&to=2031-03-23").json();

        assertThat(figures.get("from").asText()).isEqualTo("2031-03-03");
        assertThat(figures.get("to").asText()).isEqualTo("2031-03-23");
        JsonNode weeks = figures.get("weeks");
        assertThat(weeks).hasSize(3);
        assertWeek(weeks.get(0), "2031-03-03", "2031-03-09", 2, 1, 2, 1, 0.5, 4.0);
        assertWeek(weeks.get(1), "2031-03-10", "2031-03-16", 1, 1, 1, 1, 1.0, 1.0);
        assertWeek(weeks.get(2), "2031-03-17", "2031-03-23", 1, 0, 0, 0, null, null);

        // the latest low ratings (at or below the recovery threshold, 2): newest first, with their recovery
        JsonNode low = figures.get("lowRatings");
        assertThat(low.get(0).get("reference").asText()).isEqualTo(ref("L2"));
        assertThat(low.get(0).get("rating").asInt()).isEqualTo(2);
        assertThat(low.get(0).get("recovery").asText()).isEqualTo("customer-satisfied");
        assertThat(low.get(1).get("reference").asText()).isEqualTo(ref("W3"));
        assertThat(low.get(1).get("recovery").asText()).isEqualTo("in progress");
        assertThat(low.get(2).get("reference").asText()).isEqualTo(ref("L1"));
        assertThat(low.get(2).get("recovery").asText()).isEqualTo("none");
        assertThat(low.findValuesAsText("reference")).doesNotContain(ref("L3")); // rated 3: not low

        // the same table as CSV
        Http.Response csv = Http.as(port, "maria").get("/api/dashboard/weeks.csv?from=2031-03-03&to=2031-03-23");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("content-type")).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("""
                from,to,received,SLA breaches,resolved,surveys answered,response rate,average rating\r
                2031-03-03,2031-03-09,2,1,2,1,0.5,4.0\r
                2031-03-10,2031-03-16,1,1,1,1,1.0,1.0\r
                2031-03-17,2031-03-23,1,0,0,0,,\r
                """);
    }

    private void seedWeeks() {
        complaint("W1", "CLOSED", null, local("2031-03-03T00:00"), null);
        resolved("W1", local("2031-03-05T10:00"), 4, local("2031-03-06T10:00"));
        complaint("W2", "RESOLVED", null, local("2031-03-09T23:59"), null);
        resolved("W2", local("2031-03-09T23:59:30"), null, null);
        breached("W2", local("2031-03-04T12:00"));
        complaint("W3", "RECOVERY", "dash-c-" + marker, local("2031-03-10T08:00"), null);
        resolved("W3", local("2031-03-11T09:00"), 1, local("2031-03-12T09:00"));
        breached("W3", local("2031-03-11T08:00"));
        jdbc.update("UPDATE complaint SET recovery_opened_at = ? WHERE reference = ?", local("2031-03-12T09:00"), ref("W3"));
        complaint("W4", "CLOSED", null, local("2031-03-23T23:00"), null);
        complaint("W5", "CLOSED", null, local("2031-03-24T00:00"), null);  // after the period
        complaint("W6", "CLOSED", null, local("2031-03-02T23:59"), null);  // before it
        breached("W6", local("2031-03-24T00:00"));
        // low ratings answered outside the period's resolutions (no resolution recorded)
        complaint("L1", "CLOSED", null, local("2030-01-01T00:00"), null);
        jdbc.update("UPDATE complaint SET survey_rating = 1, survey_answered_at = ? WHERE reference = ?", local("2031-03-11T10:00"), ref("L1"));
        complaint("L2", "CLOSED", null, local("2030-01-01T00:00"), null);
        jdbc.update("UPDATE complaint SET survey_rating = 2, survey_answered_at = ?, recovery_opened_at = ?, recovery_closed_at = ?,"
                + " recovery_outcome = 'customer-satisfied' WHERE reference = ?", local("2031-03-13T10:00"), local("2031-03-13T11:00"),
                local("2031-03-14T10:00"), ref("L2"));
        complaint("L3", "CLOSED", null, local("2030-01-01T00:00"), null);
        jdbc.update("UPDATE complaint SET survey_rating = 3, survey_answered_at = ? WHERE reference = ?", local("2031-03-15T10:00"), ref("L3"));
    }

    private static void assertWeek(JsonNode week, String from, String to, long received, long breaches, long resolved,
            long answered, Double rate, Double rating) {
        assertThat(week.get("from").asText()).isEqualTo(from);
        assertThat(week.get("to").asText()).isEqualTo(to);
        assertThat(List.of(week.get("received").asLong(), week.get("slaBreaches").asLong(), week.get("resolved").asLong(),
                week.get("surveysAnswered").asLong())).as(from).containsExactly(received, breaches, resolved, answered);
        assertThat(week.get("responseRate").isNull() ? null : week.get("responseRate").asDouble()).as(from).isEqualTo(rate);
        assertThat(week.get("averageRating").isNull() ? null : week.get("averageRating").asDouble()).as(from).isEqualTo(rating);
    }

    // --- approvals, handbook, plan review, failed messages, corrective action ----------------------------------------

    @Test
    void approvalsHandbookPlanReviewFailedMessagesAndCorrectiveActionExactly() {
        String x = "dx-" + marker;
        String y = "dy-" + marker;
        approval("X1", x, "open", local("1990-01-01T08:00"));
        approval("X2", x, "open", local("2020-01-02T08:00"));
        approval("X3", x, "approved", local("1980-01-01T08:00"));
        approval("Y1", y, "open", local("2020-01-03T08:00"));

        String version = "dash-" + marker;
        jdbc.update("INSERT INTO handbook_version (version, title, document_sha256, rules, sign_off_deadline, published_at,"
                + " process_instance_id) VALUES (?, 'Dashboard handbook', ?, 'Be kind.', ?, ?, 'none')", version, "0".repeat(64),
                local("2099-02-01T00:00"), local("2099-01-01T00:00"));
        cleanUp.add(() -> {
            jdbc.update("DELETE FROM handbook_recipient WHERE version = ?", version);
            jdbc.update("DELETE FROM handbook_version WHERE version = ?", version);
        });
        Instant now = Instant.now();
        recipient(version, "signed", now.plus(Duration.ofDays(5)), null);
        recipient(version, "declined", now.minus(Duration.ofDays(5)), null);
        recipient(version, "late", now.minus(Duration.ofDays(1)), null);
        recipient(version, "escalated", now.plus(Duration.ofDays(5)), now.minus(Duration.ofHours(1)));
        recipient(version, "pending", now.plus(Duration.ofDays(5)), null);
        answer(version, "signed", "handbook-acknowledgement");
        answer(version, "declined", "handbook-declined");

        String period = "D" + marker;
        jdbc.update("INSERT INTO plan_review (period, period_from, period_to, process_instance_id, started_at, status)"
                + " VALUES (?, ?, ?, 'none', ?, 'implementing')", period, local("2098-10-01T00:00"), local("2099-01-01T00:00"),
                local("2099-01-01T00:00"));
        jdbc.update("INSERT INTO plan_review_strategy (period, strategy_no, weakness, strategy_type, owner_id, due_at, status)"
                + " VALUES (?, 1, 'Callbacks', 'training', 'sam', ?, 'approved'), (?, 2, 'Waiting', 'staffing', 'maria', ?, 'overdue')",
                period, local("2099-02-01T00:00"), period, local("2099-01-15T00:00"));
        cleanUp.add(() -> {
            jdbc.update("DELETE FROM plan_review_strategy WHERE period = ?", period);
            jdbc.update("DELETE FROM plan_review WHERE period = ?", period);
        });

        long failedBefore = Http.as(port, "audrey").get("/api/dashboard").json().get("failedMessages").get("count").asLong();
        failedMessage("F1", local("2099-01-01T00:00"));
        failedMessage("F2", local("2099-01-02T00:00"));

        JsonNode figures = Http.as(port, "audrey").get("/api/dashboard").json();

        JsonNode approvals = figures.get("approvals");
        JsonNode tierX = element(approvals.get("byTier"), "tier", x);
        assertThat(tierX.get("waiting").asLong()).isEqualTo(2);
        assertThat(tierX.get("oldestRequestedAt").asText()).startsWith(instantText(local("1990-01-01T08:00")));
        assertThat(element(approvals.get("byTier"), "tier", y).get("waiting").asLong()).isEqualTo(1);
        assertThat(approvals.get("oldest").get("id").asText()).isEqualTo(ref("X1"));
        assertThat(approvals.get("oldest").get("tier").asText()).isEqualTo(x);

        JsonNode handbook = figures.get("handbook");
        assertThat(handbook.get("version").asText()).isEqualTo(version);
        assertThat(List.of(handbook.get("recipients").asLong(), handbook.get("signed").asLong(), handbook.get("pending").asLong(),
                handbook.get("overdue").asLong(), handbook.get("declined").asLong())).containsExactly(5L, 1L, 1L, 2L, 1L);
        assertThat(figures.get("links").get("handbook").asText()).isEqualTo("/hr/handbooks/" + version);

        JsonNode review = figures.get("planReview");
        assertThat(review.get("period").asText()).isEqualTo(period);
        assertThat(review.get("status").asText()).isEqualTo("implementing");
        assertThat(review.get("strategies").findValuesAsText("status")).containsExactly("approved", "overdue");
        assertThat(review.get("strategies").findValuesAsText("owner")).containsExactly("sam", "maria");

        JsonNode failed = figures.get("failedMessages");
        assertThat(failed.get("count").asLong()).isEqualTo(failedBefore + 2);
        assertThat(failed.get("latest").findValuesAsText("reference").subList(0, 2)).containsExactly(ref("F2"), ref("F1"));
        assertThat(failed.get("latest").get(0).toString()).doesNotContain("@example.com"); // no addresses

        // corrective action: counts per step add up to the open cases the engine has
        JsonNode corrective = figures.get("correctiveActions");
        long steps = 0;
        for (JsonNode n : corrective.get("byStep")) {
            steps += n.asLong();
        }
        assertThat(corrective.get("open").asLong()).isEqualTo(steps)
                .isEqualTo(runtimeService.createProcessInstanceQuery().processDefinitionKey("corrective-action").count());

        // the links: the audit search for auditors, not for managers; the mail page for administrators only
        assertThat(figures.get("links").has("auditSearch")).isTrue();
        assertThat(figures.get("links").has("failedMessages")).isFalse();
        JsonNode mariasLinks = Http.as(port, "maria").get("/api/dashboard").json().get("links");
        assertThat(mariasLinks.has("auditSearch")).isFalse();
        assertThat(mariasLinks.has("handbook")).as("managers do not read the sign-off status page").isFalse();
        assertThat(mariasLinks.get("overdueTasks").asText()).startsWith("/camunda/app/tasklist/default/#/?filter=");
        assertThat(Http.as(port, "demo").get("/api/dashboard").json().get("links").get("failedMessages").asText()).isEqualTo("/admin/mail");
    }

    // --- the register follows the model's tasks ---------------------------------------------------------------------

    @Test
    void theRegisterKeepsTheQueueTheSlaDueDateAndTheFirstBreachAsTasksAreCreated() {
        Map<String, Object> intake = new HashMap<>();
        intake.put(ComplaintProcess.VAR_CUSTOMER_NAME, "Dora Dashboard");
        intake.put(ComplaintProcess.VAR_CUSTOMER_EMAIL, "dora@example.com");
        intake.put(ComplaintProcess.VAR_CHANNEL, "phone");
        intake.put(ComplaintProcess.VAR_CATEGORY, "billing");
        intake.put(ComplaintProcess.VAR_DESCRIPTION, "Charged twice for the same order, and nobody called back.");
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, intake);
        String reference = (String) runtimeService.getVariable(pi.getId(), ComplaintProcess.VAR_REFERENCE);
        Task handling = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(ComplaintProcess.HANDLE_COMPLAINT).singleResult();

        Map<String, Object> row = jdbc.queryForMap("SELECT handling_queue, sla_due_at, sla_breached_at FROM complaint WHERE reference = ?",
                reference);
        assertThat(row.get("handling_queue")).isEqualTo("agents");
        assertThat(((Timestamp) row.get("sla_due_at")).toInstant()).isCloseTo(handling.getDueDate().toInstant(), within(Duration.ofMillis(1)));
        assertThat(row.get("sla_breached_at")).isNull();

        // a supervisor re-routes the task to another group and gives it another due date: the complaint moves with it
        java.util.Date later = java.util.Date.from(handling.getDueDate().toInstant().plus(Duration.ofDays(2)));
        taskService.deleteCandidateGroup(handling.getId(), "agents");
        taskService.addCandidateGroup(handling.getId(), "supervisors");
        Task rerouted = taskService.createTaskQuery().taskId(handling.getId()).singleResult();
        rerouted.setDueDate(later);
        taskService.saveTask(rerouted);
        Map<String, Object> moved = jdbc.queryForMap("SELECT handling_queue, sla_due_at FROM complaint WHERE reference = ?", reference);
        assertThat(moved.get("handling_queue")).isEqualTo("supervisors");
        assertThat(((Timestamp) moved.get("sla_due_at")).toInstant()).isCloseTo(later.toInstant(), within(Duration.ofMillis(1)));

        Instant before = Instant.now().minusSeconds(1);
        String timer = managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(ComplaintProcess.SLA_BREACHED).singleResult().getId();
        managementService.executeJob(timer);

        Timestamp breached = jdbc.queryForObject("SELECT sla_breached_at FROM complaint WHERE reference = ?", Timestamp.class, reference);
        assertThat(breached).isNotNull();
        assertThat(breached.toInstant()).isAfter(before);
        assertThat(jdbc.queryForObject("SELECT handling_queue FROM complaint WHERE reference = ?", String.class, reference))
                .as("still in its handling task's queue").isEqualTo("supervisors");
    }

    @Test
    void complaintsFromBeforeTheColumnsGetTheirQueueDueDateAndFirstBreachFromTheEngineOnce() throws Exception {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, Map.of(
                ComplaintProcess.VAR_CUSTOMER_NAME, "Olaf Older", ComplaintProcess.VAR_CUSTOMER_EMAIL, "olaf@example.com",
                ComplaintProcess.VAR_CHANNEL, "email", ComplaintProcess.VAR_CATEGORY, "billing",
                ComplaintProcess.VAR_DESCRIPTION, "An invoice for an order that was cancelled in time."));
        String reference = (String) runtimeService.getVariable(pi.getId(), ComplaintProcess.VAR_REFERENCE);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(ComplaintProcess.SLA_BREACHED).singleResult().getId());
        Map<String, Object> kept = jdbc.queryForMap("SELECT handling_queue, sla_due_at, sla_breached_at FROM complaint WHERE reference = ?", reference);
        jdbc.update("UPDATE complaint SET handling_queue = NULL, sla_due_at = NULL, sla_breached_at = NULL WHERE reference = ?", reference);

        try (java.sql.Connection connection = jdbc.getDataSource().getConnection()) {
            new org.servicecharter.complaint.QueueColumnsBackfillMigration().migrate(new org.flywaydb.core.api.migration.Context() {
                @Override
                public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                    return null;
                }

                @Override
                public java.sql.Connection getConnection() {
                    return connection;
                }
            });
        }

        Map<String, Object> filled = jdbc.queryForMap("SELECT handling_queue, sla_due_at, sla_breached_at FROM complaint WHERE reference = ?", reference);
        assertThat(filled.get("handling_queue")).isEqualTo("agents");
        assertThat(filled.get("sla_due_at")).isEqualTo(kept.get("sla_due_at"));
        assertThat(((Timestamp) filled.get("sla_breached_at")).toInstant())
                .isCloseTo(((Timestamp) kept.get("sla_breached_at")).toInstant(), within(Duration.ofSeconds(1)));
    }

    @Test
    void correctiveActionCasesAreCountedForAllButNamedOnlyToThoseWhoseRightsShowThem() {
        String employee = org.servicecharter.Newcomers.agentReportingTo(identityService, reportingLines, "dca", "henry");
        Http.Response opened = Http.as(port, "henry").post("/api/corrective-actions",
                Map.of("employee", employee, "concern", "Shouted at a customer on the phone."));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String reference = opened.json().get("reference").asText();

        JsonNode audreys = Http.as(port, "audrey").get("/api/dashboard").json().get("correctiveActions");
        JsonNode marias = Http.as(port, "maria").get("/api/dashboard").json().get("correctiveActions");
        assertThat(audreys.get("cases").findValuesAsText("reference")).contains(reference);
        assertThat(audreys.get("cases").findValuesAsText("employee")).contains(employee);
        assertThat(marias.get("cases").findValuesAsText("reference")).as("not in maria's reporting line").doesNotContain(reference);
        assertThat(marias.toString()).doesNotContain(employee);
        assertThat(marias.get("open").asLong()).as("the counts are everyone's").isEqualTo(audreys.get("open").asLong())
                .isEqualTo(runtimeService.createProcessInstanceQuery().processDefinitionKey("corrective-action").count());
        assertThat(marias.get("byStep")).isEqualTo(audreys.get("byStep"));
    }

    // --- access and bad input ----------------------------------------------------------------------------------------

    @Test
    void managersTheHeadOfServiceAuditorsAndAdministratorsOnly() {
        for (String reader : List.of("maria", "henry", "audrey", "demo")) {
            assertThat(Http.as(port, reader).get("/api/dashboard").status()).as(reader).isEqualTo(200);
            assertThat(Http.as(port, reader).get("/api/dashboard/queues.csv").status()).as(reader).isEqualTo(200);
        }
        for (String other : List.of("alice", "bob", "sam", "hana", "olga")) {
            Http.Response refused = Http.as(port, other).get("/api/dashboard");
            assertThat(refused.status()).as(other).isEqualTo(403);
            assertThat(refused.body()).contains("The dashboard is for managers, the head of service and auditors.");
            assertThat(Http.as(port, other).get("/api/dashboard/weeks.csv").status()).as(other).isEqualTo(403);
            assertThat(Http.as(port, other).get("/api/dashboard/no-such.csv").status()).as(other).isEqualTo(403);
        }
        assertThat(Http.anonymous(port).get("/api/dashboard").status()).isEqualTo(401);

        // the page: the web apps' session; without one, the login
        Http.Response page = WebappSession.login(port, "maria", "tasklist").get("/dashboard/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Service dashboard").doesNotContain("<script>");
        assertThat(page.header("content-security-policy")).contains("script-src 'self'");
        Http.Response refusedPage = WebappSession.login(port, "alice", "tasklist").get("/dashboard/");
        assertThat(refusedPage.status()).isEqualTo(403);
        assertThat(refusedPage.body()).contains("The dashboard is for managers, the head of service and auditors.");
        Http.Response anonymousPage = Http.anonymous(port).get("/dashboard/");
        assertThat(anonymousPage.status()).isEqualTo(302);
        assertThat(anonymousPage.header("location")).endsWith("/camunda/app/tasklist/default/?returnTo=%2Fdashboard%2F#/login");
        // the charting library comes from the application itself (its webjar), not from a CDN
        assertThat(Http.anonymous(port).get("/webjars/echarts/5.3.1/dist/echarts.min.js").status()).isEqualTo(200);
    }

    @Test
    void aBadPeriodIsRefusedWithASentence() {
        Http maria = Http.as(port, "maria");
        Http.Response notADate = maria.get("/api/dashboard?from=2026-13-01");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.body()).contains("'2026-13-01' is not a date; write it as year-month-day, e.g. 2026-12-02.");
        Http.Response backwards = maria.get("/api/dashboard?from=2026-06-02&to=2026-06-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("The period must not end before it starts: from 2026-06-02 is after to 2026-06-01.");
        Http.Response tooLong = maria.get("/api/dashboard?from=2024-01-01&to=2026-01-01");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("The period may be at most 371 days (53 weeks) long");
        assertThat(maria.get("/api/dashboard/weeks.csv?to=yesterday").status()).isEqualTo(400);
        Http.Response unknown = maria.get("/api/dashboard/no-such.csv");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("The dashboard has no table 'no-such'");
        // a single week: the default length is twelve weeks up to today
        JsonNode figures = maria.get("/api/dashboard").json();
        assertThat(figures.get("weeks")).hasSize(12);
        assertThat(figures.get("to").asText()).isEqualTo(LocalDate.now().toString());
    }

    // --- seeding -----------------------------------------------------------------------------------------------------

    private String ref(String name) {
        return "D" + marker + name;
    }

    private static Timestamp local(String dateTime) {
        return Timestamp.valueOf(LocalDateTime.parse(dateTime));
    }

    private static String instantText(Timestamp t) {
        return t.toInstant().toString().replace("Z", "");
    }

    private void complaint(String name, String status, String queue, Object receivedAt, Instant slaDueAt) {
        Timestamp received = receivedAt instanceof Instant i ? Timestamp.from(i) : (Timestamp) receivedAt;
        jdbc.update("INSERT INTO complaint (reference, process_instance_id, received_at, customer_name, channel, category,"
                + " description, status, handling_queue, sla_due_at) VALUES (?, 'none', ?, 'Seeded', 'email', 'billing', 'Seeded.', ?, ?, ?)",
                ref(name), received, status, queue, slaDueAt == null ? null : Timestamp.from(slaDueAt));
        cleanUp.add(() -> jdbc.update("DELETE FROM complaint WHERE reference = ?", ref(name)));
    }

    private void resolved(String name, Timestamp at, Integer rating, Timestamp answeredAt) {
        jdbc.update("UPDATE complaint SET resolved_at = ?, survey_rating = ?, survey_answered_at = ? WHERE reference = ?",
                at, rating, answeredAt, ref(name));
    }

    private void breached(String name, Timestamp at) {
        jdbc.update("UPDATE complaint SET sla_breached_at = ? WHERE reference = ?", at, ref(name));
    }

    private void approval(String name, String tier, String status, Timestamp requestedAt) {
        jdbc.update("INSERT INTO approval_request (id, process_instance_id, request_type, amount, currency, reason, requester,"
                + " requested_at, current_tier, status) VALUES (?, 'none', 'goodwill', 10.00, 'EUR', 'Seeded.', 'alice', ?, ?, ?)",
                ref(name), requestedAt, tier, status);
        cleanUp.add(() -> jdbc.update("DELETE FROM approval_request WHERE id = ?", ref(name)));
    }

    private void recipient(String version, String employee, Instant due, Instant escalated) {
        jdbc.update("INSERT INTO handbook_recipient (version, employee_id, offered_at, due_at, escalated_at) VALUES (?, ?, ?, ?, ?)",
                version, "dash-" + marker + "-" + employee, Timestamp.from(Instant.now().minus(Duration.ofDays(10))),
                Timestamp.from(due), escalated == null ? null : Timestamp.from(escalated));
    }

    private void answer(String version, String employee, String recordType) {
        String id = "dash-" + marker + "-" + employee;
        employeeFile.append(new EmployeeFileEntry.NewEntry(id, recordType, "Seeded answer.", version, null, null, id, null,
                "handbook-answer:" + version + ":" + id));
    }

    private void failedMessage(String name, Timestamp lastTried) {
        jdbc.update("INSERT INTO message_outbox (id, message_id, idempotency_key, recipient, template, subject, body_text, reference,"
                + " status, attempts, next_attempt_at, last_error, created_at) VALUES (?, ?, ?, 'someone@example.com', 'complaint-acknowledgement',"
                + " 'Seeded', 'Seeded.', ?, 'FAILED', 5, ?, 'refused', ?)", ref(name), "<" + ref(name) + "@dash>", "dash:" + ref(name),
                ref(name), lastTried, lastTried);
        cleanUp.add(() -> jdbc.update("DELETE FROM message_outbox WHERE id = ?", ref(name)));
    }

    private static JsonNode queue(JsonNode figures, String name) {
        return element(figures.get("openComplaints").get("byQueue"), "queue", name);
    }

    private static JsonNode element(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.get(field).asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }
}
