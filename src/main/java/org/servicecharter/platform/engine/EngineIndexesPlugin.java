package org.servicecharter.platform.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Indexes of our own on the engine's tables, for the queries this application asks that the engine's schema does
 * not cover. Created after the engine has created or checked its schema (a Flyway migration would run before the
 * engine's tables exist on a fresh database), idempotently ({@code CREATE INDEX IF NOT EXISTS}, on H2 and
 * PostgreSQL), named {@code SC_IDX_*} so they are told apart from the engine's. A node that loses the race with
 * another node creating the same index logs it and goes on. Where a DBA manages the schema, set
 * {@code servicecharter.engine-indexes.create=false} and create them from {@link #INDEXES} by hand.
 *
 * <ul>
 * <li>{@code SC_IDX_HI_VAR_EMPLOYEE}: the audit search "employee involved" looks up the variables that carry an
 * employee by value. On PostgreSQL a partial index over exactly those names (short values; an index over every
 * {@code TEXT_} would refuse a variable longer than a B-tree entry may be).</li>
 * <li>{@code SC_IDX_HI_PRO_INST_STARTER}: the same search, instances someone started.</li>
 * <li>{@code SC_IDX_HI_PRO_INST_START}: the search's order (newest first), so a page is read off the index
 * instead of sorting every match.</li>
 * <li>{@code SC_IDX_AUTH_USER} (PostgreSQL): a user's own grants. The engine indexes grants by group, and by user only behind
 * the grant type, so every authorization check that asks "this user's or their groups' grants" read the whole
 * table (a grant per open task and candidate): an "all tasks" list for someone who may see none of 100k open tasks
 * took 0.9 s on PostgreSQL, 0.19 s with it (a bitmap OR of this index and the group one; H2 does not combine
 * indexes for an OR, so it does not get it).</li>
 * <li>{@code SC_IDX_RU_VAR_SURVEY_TOKEN}, {@code SC_IDX_HI_VAR_SURVEY_TOKEN} (PostgreSQL): the public survey page
 * finds its complaint by the hash of the link's token among the running variables and, for a link already used,
 * in the history; without them every visit, a guessed link included, read every variable of every complaint.
 * On H2 the history's lookup uses {@code SC_IDX_HI_VAR_EMPLOYEE} (not partial there), and the running variables
 * are few enough (only waiting complaints') not to pay an index on each variable write.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "servicecharter.engine-indexes.create", havingValue = "true", matchIfMissing = true)
public class EngineIndexesPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(EngineIndexesPlugin.class);

    /**
     * An index: its name, table and columns, a predicate where the database supports partial indexes, and whether
     * only PostgreSQL gets it.
     */
    record EngineIndex(String name, String table, String columns, String postgresPredicate, boolean postgresOnly) {

        EngineIndex(String name, String table, String columns, String postgresPredicate) {
            this(name, table, columns, postgresPredicate, false);
        }

        boolean appliesTo(String databaseType) {
            return !postgresOnly || "postgres".equals(databaseType);
        }

        String ddl(String prefix, String databaseType) {
            String ddl = "CREATE INDEX IF NOT EXISTS " + name + " ON " + prefix + table + " (" + columns + ")";
            return "postgres".equals(databaseType) && postgresPredicate != null ? ddl + " WHERE " + postgresPredicate : ddl;
        }
    }

    static final List<EngineIndex> INDEXES = List.of(
            new EngineIndex("SC_IDX_HI_VAR_EMPLOYEE", "ACT_HI_VARINST", "TEXT_, NAME_",
                    "NAME_ IN ('requester', 'aboutEmployee', 'employee')"),
            new EngineIndex("SC_IDX_HI_PRO_INST_STARTER", "ACT_HI_PROCINST", "START_USER_ID_", null),
            new EngineIndex("SC_IDX_HI_PRO_INST_START", "ACT_HI_PROCINST", "START_TIME_ DESC, ID_ DESC", null),
            new EngineIndex("SC_IDX_AUTH_USER", "ACT_RU_AUTHORIZATION", "USER_ID_", null, true),
            new EngineIndex("SC_IDX_RU_VAR_SURVEY_TOKEN", "ACT_RU_VARIABLE", "TEXT_, NAME_",
                    "NAME_ = 'surveyTokenHash'", true),
            new EngineIndex("SC_IDX_HI_VAR_SURVEY_TOKEN", "ACT_HI_VARINST", "TEXT_, NAME_",
                    "NAME_ = 'surveyTokenHash'", true));

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        create(configuration.getDataSource(), prefix, configuration.getDatabaseType());
    }

    static void create(DataSource dataSource, String prefix, String databaseType) {
        for (EngineIndex index : INDEXES.stream().filter(index -> index.appliesTo(databaseType)).toList()) {
            String ddl = index.ddl(prefix, databaseType);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(true);
                try {
                    statement.execute(ddl);
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                // e.g. another node created it at the same moment; the index is there or will be at the next start
                LOG.warn("Could not create index {} ({}): {}", index.name(), ddl, e.getMessage());
            }
        }
    }
}
