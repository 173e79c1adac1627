package org.servicecharter.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.PackagedApp;
import org.servicecharter.PostgresDatabase;
import org.servicecharter.approval.ApprovalVariables;
import org.servicecharter.complaint.ComplaintVariables;
import org.servicecharter.correctiveaction.CorrectiveActionVariables;
import org.servicecharter.handbook.HandbookVariables;

/**
 * The packaged application on PostgreSQL (profile {@code postgres}, connection from DB_URL/DB_USER/DB_PASSWORD)
 * in a fresh database: the engine creates its schema, Flyway the application's, and a complaint runs from intake
 * to survey. Fails when no PostgreSQL server answers — it is never skipped.
 */
class PostgresIT {

    /** The nodes' logs stay for inspection after the run. */
    final Path logs = PackagedApp.logDirectory();

    @Test
    void aComplaintRunsEndToEndOnPostgresAndSurvivesSigkill() throws Exception {
        try (PostgresDatabase db = PostgresDatabase.create("sc_it")) {
            // the postgres profile has no demo users; this test works as them, so it asks for them explicitly
            List<String> args = List.of("--spring.profiles.active=postgres", "--servicecharter.demo.enabled=true",
                    "--camunda.bpm.job-execution.enabled=false");
            Map<String, String> env = Map.of("DB_URL", db.url(), "DB_USER", db.user(), "DB_PASSWORD", "");
            String reference;
            String taskId;
            try (PackagedApp app = PackagedApp.start(logs, "pg", args, env)) {
                int port = app.port();
                reference = Http.anonymous(port).post("/api/complaints", Map.of("customerName", "Pat", "customerEmail",
                        "pat@example.com", "channel", "web", "category", "billing", "description", "Double charge."))
                        .json().get("reference").asText();
                List<Map<String, Object>> tasks = Http.as(port, "bob")
                        .get("/engine-rest/task?processInstanceBusinessKey=" + reference + "&maxResults=10").list();
                assertThat(tasks).hasSize(1);
                taskId = (String) tasks.get(0).get("id");
                assertThat(Http.as(port, "bob").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "bob")).status())
                        .isEqualTo(204);
                app.kill();
            }
            try (PackagedApp app = PackagedApp.start(logs, "pg-restarted", args, env)) {
                int port = app.port();
                Http bob = Http.as(port, "bob");
                assertThat(bob.get("/engine-rest/task/" + taskId).json().get("assignee").asText()).isEqualTo("bob");
                assertThat(bob.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of("resolution",
                        Map.of("value", "Refunded.", "type", "String")))).status()).isEqualTo(204);
                assertThat(Http.as(port, "audrey").get("/engine-rest/history/decision-instance?processInstanceBusinessKey="
                        + reference + "&maxResults=10").status()).isEqualTo(200);
            }

            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                ResultSet rs = statement.executeQuery("SELECT status, resolved_by FROM complaint WHERE reference = '" + reference + "'");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("RESOLVED");
                assertThat(rs.getString(2)).isEqualTo("bob");
                rs = statement.executeQuery("SELECT COUNT(*) FROM act_ru_job WHERE handler_type_ = 'async-continuation'");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("the survey waits as an async job").isGreaterThanOrEqualTo(1);
                rs = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank");
                List<String> versions = new java.util.ArrayList<>();
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
                assertThat(versions).contains("1", "2", "2.1");
                // the application's indexes on engine tables, the variables' one partial (long values stay insertable)
                rs = statement.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'sc_idx_%'");
                Map<String, String> indexes = new java.util.HashMap<>();
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2));
                }
                assertThat(indexes).containsOnlyKeys(EngineIndexesPlugin.indexes(List.of(new ApprovalVariables(), new ComplaintVariables(),
                        new CorrectiveActionVariables(), new HandbookVariables())).stream()
                        .map(index -> index.name().toLowerCase(java.util.Locale.ROOT)).toList());
                assertThat(indexes.get("sc_idx_hi_var_employee")).contains("WHERE").contains("aboutEmployee");
                // the survey page's look-ups by token hash can be answered from the partial indexes
                statement.execute("SET enable_seqscan = off");
                for (String table : List.of("act_ru_variable", "act_hi_varinst")) {
                    rs = statement.executeQuery("EXPLAIN SELECT proc_inst_id_ FROM " + table
                            + " WHERE name_ = 'surveyTokenHash' AND text_ = 'no-such-hash'");
                    StringBuilder plan = new StringBuilder();
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                    assertThat(plan.toString()).as(table).contains(table.equals("act_ru_variable")
                            ? "sc_idx_ru_var_survey_token" : "sc_idx_hi_var_survey_token");
                }
                statement.execute("RESET enable_seqscan");
                // a user's and their groups' grants: a bitmap OR of the user and the group index, once the table
                // holds a grant per open task as it does in use
                statement.execute("INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)"
                        + " SELECT 'it-' || g, 1, 1, 'agents', 7, 'it-task-' || g, 2 FROM generate_series(1, 20000) g");
                statement.execute("ANALYZE act_ru_authorization");
                rs = statement.executeQuery("EXPLAIN SELECT resource_id_ FROM act_ru_authorization WHERE type_ < 2"
                        + " AND (user_id_ IN ('hana', '*') OR group_id_ IN ('hr', 'employees'))");
                StringBuilder grants = new StringBuilder();
                while (rs.next()) {
                    grants.append(rs.getString(1)).append('\n');
                }
                assertThat(grants.toString()).contains("sc_idx_auth_user").contains("act_idx_auth_group_id");
                statement.execute("DELETE FROM act_ru_authorization WHERE id_ LIKE 'it-%'");
                statement.execute("INSERT INTO act_hi_varinst (id_, name_, var_type_, text_) VALUES ('long-text', 'description', 'string', '"
                        + "x".repeat(3999) + "')");
                statement.execute("""
                        INSERT INTO employee_file_entry (employee_id, recorded_at, record_type, summary, recorded_by, unique_key)
                        VALUES ('alice', now(), 'test-record', 'Signed', 'alice', 'pg-it')""");
                assertThatThrownBy(() -> statement.execute("UPDATE employee_file_entry SET summary = 'forged'"))
                        .hasMessageContaining("append-only");
            }
        }
    }
}
