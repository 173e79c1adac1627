package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.servicecharter.PostgresDatabase;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The record of corrections to complaints' facts is append-only: no code path changes or removes a correction (only
 * {@link ComplaintRegister} touches the table, and it inserts and reads), and the database refuses UPDATE and DELETE
 * (H2) and TRUNCATE too (PostgreSQL), triggers of migration 6.1.
 */
@ServiceCharterTest
class ComplaintCorrectionsAppendOnlyTests {

    private static final Pattern CHANGE = Pattern.compile(
            "(UPDATE\\s+complaint_correction|DELETE\\s+FROM\\s+complaint_correction|TRUNCATE\\s+(TABLE\\s+)?complaint_correction"
                    + "|MERGE\\s+INTO\\s+complaint_correction|DROP\\s+TABLE\\s+complaint_correction)",
            Pattern.CASE_INSENSITIVE);

    @Autowired JdbcTemplate jdbc;

    @Test
    void onlyTheRegisterTouchesTheTableAndItNeverChangesARecord() throws IOException {
        List<Path> touching;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            touching = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql") || f.toString().endsWith(".xml"))
                    .filter(f -> read(f).toLowerCase(Locale.ROOT).contains("complaint_correction")).toList();
        }
        assertThat(touching).extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrder(
                "ComplaintRegister.java", "CorrectionsAppendOnlyMigration.java", "H2CorrectionsAppendOnlyTrigger.java",
                "V6__complaint_corrections.sql");
        for (Path file : touching) {
            assertThat(CHANGE.matcher(read(file)).find()).as("%s changes corrections", file).isFalse();
        }
    }

    @Test
    void theMigrationsRunWithTheApplications() {
        assertThat(jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE", String.class))
                .contains("6", "6.1");
    }

    @Test
    void theDefaultDatabaseRefusesUpdateAndDelete() {
        String reference = complaint(jdbc::update);
        jdbc.update(INSERT, reference);
        assertThatThrownBy(() -> jdbc.update("UPDATE complaint_correction SET new_value = 'mallory' WHERE reference = ?", reference))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM complaint_correction WHERE reference = ?", reference))
                .hasStackTraceContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT new_value FROM complaint_correction WHERE reference = ?", String.class, reference))
                .isEqualTo("alice");
    }

    @Test
    void postgresRefusesUpdateDeleteAndTruncate() throws SQLException {
        // a fresh database on the PostgreSQL server CI starts; without the server this test fails, never skips
        PostgresDatabase db = PostgresDatabase.create("sc_corrections");
        String url = db.url() + "?user=" + db.user();
        String schema = "corrections_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Flyway.configure().dataSource(url, null, null).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").javaMigrations(new CorrectionsAppendOnlyMigration()).load().migrate();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
            String reference = complaint((sql, args) -> {
                try (var insert = connection.prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) {
                        insert.setObject(i + 1, args[i]);
                    }
                    return insert.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            statement.execute(INSERT.replace("?", "'" + reference + "'"));
            assertThatThrownBy(() -> statement.execute("UPDATE complaint_correction SET new_value = 'mallory'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("DELETE FROM complaint_correction")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("TRUNCATE complaint_correction")).hasMessageContaining("append-only");
            var rs = statement.executeQuery("SELECT new_value FROM complaint_correction");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("alice");
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        } finally {
            db.close();
        }
    }

    private static final String INSERT = """
            INSERT INTO complaint_correction (reference, fact, old_value, new_value, corrected_by, corrected_at, reason,
                process_instance_id)
            VALUES (?, 'aboutEmployee', 'bob', 'alice', 'sam', CURRENT_TIMESTAMP, 'The rota shows alice.', 'test')""";

    /** A row of the complaints register for the correction to refer to; returns its reference. */
    private static String complaint(SqlUpdate update) {
        String reference = "C-TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        update.run("""
                INSERT INTO complaint (reference, process_instance_id, received_at, customer_name, customer_email, channel,
                    category, description, about_employee, status)
                VALUES (?, 'test', CURRENT_TIMESTAMP, 'Erin', 'erin@example.com', 'phone', 'staff-behaviour', 'Rude.', 'bob',
                    'OPEN')""", reference);
        return reference;
    }

    @FunctionalInterface
    private interface SqlUpdate {
        int run(String sql, Object... args);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
