package org.servicecharter.complaint;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 6.1: the database itself refuses changes to {@code complaint_correction}, the record of how a
 * complaint's facts were corrected, whoever connects: on PostgreSQL UPDATE, DELETE and TRUNCATE (a trigger raising an
 * error), on H2 UPDATE and DELETE (a trigger class, {@link H2CorrectionsAppendOnlyTrigger}). Besides, no code path
 * updates or deletes ({@link ComplaintRegister} only inserts and reads corrections).
 *
 * <p>A Java migration because each database's trigger SQL is its own (as the employee file's migration 2.1).
 */
@Component
public class CorrectionsAppendOnlyMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(CorrectionsAppendOnlyMigration.class);

    static final String POSTGRES_FUNCTION = """
            CREATE OR REPLACE FUNCTION complaint_correction_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'The record of complaint corrections is append-only: % on complaint_correction is refused.', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END;
            $$""";
    static final String POSTGRES_ROW_TRIGGER = """
            CREATE TRIGGER complaint_correction_append_only BEFORE UPDATE OR DELETE ON complaint_correction
                FOR EACH ROW EXECUTE PROCEDURE complaint_correction_refuse_change()""";
    static final String POSTGRES_TRUNCATE_TRIGGER = """
            CREATE TRIGGER complaint_correction_no_truncate BEFORE TRUNCATE ON complaint_correction
                FOR EACH STATEMENT EXECUTE PROCEDURE complaint_correction_refuse_change()""";

    static final String H2_TRIGGER = """
            CREATE TRIGGER complaint_correction_append_only BEFORE UPDATE, DELETE ON complaint_correction
                FOR EACH ROW CALL 'org.servicecharter.complaint.H2CorrectionsAppendOnlyTrigger'""";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6.1");
    }

    @Override
    public String getDescription() {
        return "complaint corrections append-only in the database";
    }

    @Override
    public Integer getChecksum() {
        return 61;
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
            log.info("Complaint corrections: no append-only trigger on {} (no code path updates or deletes them)", product);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(POSTGRES_FUNCTION);
            statement.execute(POSTGRES_ROW_TRIGGER);
            statement.execute(POSTGRES_TRUNCATE_TRIGGER);
        }
    }
}
