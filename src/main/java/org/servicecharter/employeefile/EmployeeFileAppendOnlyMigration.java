package org.servicecharter.employeefile;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 2.1: the database itself refuses changes to {@code employee_file_entry}, whoever connects:
 * on PostgreSQL UPDATE, DELETE and TRUNCATE (a trigger raising an error), on H2 UPDATE and DELETE (a trigger
 * class, {@link H2AppendOnlyTrigger}). Besides, no code path updates or deletes (see EmployeeFileAppendOnlyTests).
 *
 * <p>A Java migration because each database's trigger SQL is its own; Spring Boot hands every {@link JavaMigration}
 * bean to Flyway.
 */
@Component
public class EmployeeFileAppendOnlyMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(EmployeeFileAppendOnlyMigration.class);

    static final String POSTGRES_FUNCTION = """
            CREATE OR REPLACE FUNCTION employee_file_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'The employee file is append-only: % on employee_file_entry is refused.', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END;
            $$""";
    static final String POSTGRES_ROW_TRIGGER = """
            CREATE TRIGGER employee_file_entry_append_only BEFORE UPDATE OR DELETE ON employee_file_entry
                FOR EACH ROW EXECUTE PROCEDURE employee_file_entry_refuse_change()""";
    static final String POSTGRES_TRUNCATE_TRIGGER = """
            CREATE TRIGGER employee_file_entry_no_truncate BEFORE TRUNCATE ON employee_file_entry
                FOR EACH STATEMENT EXECUTE PROCEDURE employee_file_entry_refuse_change()""";

    static final String H2_TRIGGER = """
            CREATE TRIGGER employee_file_entry_append_only BEFORE UPDATE, DELETE ON employee_file_entry
                FOR EACH ROW CALL 'org.servicecharter.employeefile.H2AppendOnlyTrigger'""";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2.1");
    }

    @Override
    public String getDescription() {
        return "employee file append-only in the database";
    }

    @Override
    public Integer getChecksum() {
        return 22;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName();
        if ("H2".equalsIgnoreCase(product)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(H2_TRIGGER);
            }
            return;
        }
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            log.info("Employee file: no append-only trigger on {} (no code path updates or deletes records)", product);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(POSTGRES_FUNCTION);
            statement.execute(POSTGRES_ROW_TRIGGER);
            statement.execute(POSTGRES_TRUNCATE_TRIGGER);
        }
    }
}
