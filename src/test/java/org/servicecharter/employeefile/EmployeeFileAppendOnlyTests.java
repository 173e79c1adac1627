package org.servicecharter.employeefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.platform.Conflict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The employee file is append-only. Which guarantee holds where:
 * <ul>
 * <li>everywhere: <b>no path exists</b> — the only code touching {@code employee_file_entry} is {@link EmployeeFile},
 * which inserts and selects; its API has no method that changes or removes; the HTTP API only reads; a second
 * record of the same fact is refused by a unique key;</li>
 * <li><b>the database refuses</b>: on H2 UPDATE and DELETE, on PostgreSQL also TRUNCATE (triggers of migration
 * 2.1), the latter tested in a fresh database on the PostgreSQL server (see {@link org.servicecharter.PostgresDatabase}).</li>
 * </ul>
 */
@ServiceCharterTest
class EmployeeFileAppendOnlyTests {

    private static final Pattern WRITE_TO_FILE = Pattern.compile(
            "(UPDATE\\s+employee_file_entry|DELETE\\s+FROM\\s+employee_file_entry|TRUNCATE\\s+(TABLE\\s+)?employee_file_entry"
                    + "|MERGE\\s+INTO\\s+employee_file_entry|DROP\\s+TABLE\\s+employee_file_entry)",
            Pattern.CASE_INSENSITIVE);

    @Autowired EmployeeFile employeeFile;
    @Autowired JdbcTemplate jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void noSourceOutsideEmployeeFileTouchesTheTableAndNoneChangesIt() throws IOException {
        List<Path> touching;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            touching = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql") || f.toString().endsWith(".xml"))
                    .filter(f -> read(f).toLowerCase(Locale.ROOT).contains("employee_file_entry")).toList();
        }
        assertThat(touching).extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrder(
                "EmployeeFile.java", "EmployeeFileAppendOnlyMigration.java", "H2AppendOnlyTrigger.java",
                "V2__employee_file_and_handbooks.sql");
        for (Path file : touching) {
            assertThat(WRITE_TO_FILE.matcher(read(file)).find()).as("%s updates or deletes employee file records", file).isFalse();
        }
    }

    @Test
    void theRepositoryOnlyAppendsAndReads() {
        List<String> methods = Arrays.stream(EmployeeFile.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).distinct().sorted().toList();
        assertThat(methods).containsExactly("append", "count", "entriesAbout", "entriesOf", "find");
    }

    @Test
    void theHttpApiOnlyReadsTheFile() {
        List<RequestMappingInfo> employeeMappings = mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/employees"))).toList();
        List<RequestMappingInfo> fileMappings = employeeMappings.stream()
                .filter(info -> info.getPatternValues().stream().anyMatch(p -> p.contains("/file"))).toList();
        assertThat(fileMappings).isNotEmpty();
        assertThat(fileMappings).allSatisfy(info -> assertThat(info.getMethodsCondition().getMethods()).containsExactly(RequestMethod.GET));
        // the one other door under /api/employees: marking someone as left (identity's Leavers), which appends one record
        // ("left") and changes none
        assertThat(employeeMappings.stream().filter(info -> !info.getMethodsCondition().getMethods().equals(java.util.Set.of(RequestMethod.GET))))
                .allSatisfy(info -> {
                    assertThat(info.getPatternValues()).containsExactly("/api/employees/{userId}/left");
                    assertThat(info.getMethodsCondition().getMethods()).containsExactly(RequestMethod.POST);
                });
    }

    @Test
    void aFactIsRecordedOnceAndTheFirstRecordStaysAsItWas() {
        String key = "test:" + UUID.randomUUID();
        EmployeeFileEntry original = employeeFile.append(new EmployeeFileEntry.NewEntry("bob", "test-record", "Original", "x",
                null, null, "hana", null, key));

        assertThatThrownBy(() -> employeeFile.append(new EmployeeFileEntry.NewEntry("bob", "test-record", "Overwrite attempt",
                "x", null, null, "hana", null, key))).isInstanceOf(Conflict.class);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM employee_file_entry WHERE unique_key = ?", Integer.class, key)).isEqualTo(1);
        assertThat(employeeFile.find(key)).contains(original);
    }

    @Test
    void theAppendOnlyMigrationRunsWithTheApplicationsMigrations() {
        assertThat(jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE", String.class))
                .contains("1", "2", "2.1");
    }

    @Test
    void theDefaultDatabaseRefusesUpdateAndDelete() {
        String key = "h2-refusal-" + UUID.randomUUID();
        jdbc.update("""
                INSERT INTO employee_file_entry (employee_id, recorded_at, record_type, summary, recorded_by, unique_key)
                VALUES ('alice', CURRENT_TIMESTAMP, 'test-record', 'Signed', 'alice', ?)""", key);
        assertThatThrownBy(() -> jdbc.update("UPDATE employee_file_entry SET summary = 'forged' WHERE unique_key = ?", key))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM employee_file_entry WHERE unique_key = ?", key))
                .hasStackTraceContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT summary FROM employee_file_entry WHERE unique_key = ?", String.class, key))
                .isEqualTo("Signed");
    }

    @Test
    void postgresRefusesUpdateDeleteAndTruncate() throws SQLException {
        // a fresh database on the PostgreSQL server CI starts; without the server this test fails, never skips
        org.servicecharter.PostgresDatabase db = org.servicecharter.PostgresDatabase.create("sc_employee_file");
        String url = db.url() + "?user=" + db.user();
        String schema = "employee_file_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Flyway.configure().dataSource(url, null, null).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").javaMigrations(new EmployeeFileAppendOnlyMigration()).load().migrate();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
            statement.execute("""
                    INSERT INTO employee_file_entry (employee_id, recorded_at, record_type, summary, recorded_by, unique_key)
                    VALUES ('alice', now(), 'test-record', 'Signed', 'alice', 'pg-test')""");
            assertThatThrownBy(() -> statement.execute("UPDATE employee_file_entry SET summary = 'forged'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("DELETE FROM employee_file_entry"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("TRUNCATE employee_file_entry"))
                    .hasMessageContaining("append-only");
            var rs = statement.executeQuery("SELECT summary FROM employee_file_entry WHERE unique_key = 'pg-test'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Signed");
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        } finally {
            db.close();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
