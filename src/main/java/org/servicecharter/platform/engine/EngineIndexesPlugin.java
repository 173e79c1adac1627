package org.servicecharter.platform.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.servicecharter.platform.ProcessVariables;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Indexes of our own on the engine's tables, for the queries this application asks that the engine's schema does
 * not cover. Created after the engine has created or checked its schema (a Flyway migration would run before the
 * engine's tables exist on a fresh database), idempotently ({@code CREATE INDEX IF NOT EXISTS}, on H2 and
 * PostgreSQL), named {@code SC_IDX_*} so they are told apart from the engine's. A node that loses the race with
 * another node creating the same index logs it and goes on. Where a DBA manages the schema, set
 * {@code servicecharter.engine-indexes.create=false} and create them from {@link #indexes()} by hand.
 * Which variables are indexed the features declare ({@link ProcessVariables} beans); the rest is the audit's and the
 * authorization checks' own.
 *
 * <ul>
 * <li>{@code SC_IDX_HI_VAR_EMPLOYEE}: the audit search "employee involved" looks up the variables that carry an
 * employee ({@link ProcessVariables#employees()}) by value. On PostgreSQL a partial index over exactly those names (short values; an index over every
 * {@code TEXT_} would refuse a variable longer than a B-tree entry may be).</li>
 * <li>{@code SC_IDX_HI_PRO_INST_STARTER}: the same search, instances someone started.</li>
 * <li>{@code SC_IDX_HI_PRO_INST_START}: the search's order (newest first), so a page is read off the index
 * instead of sorting every match.</li>
 * <li>{@code SC_IDX_AUTH_USER} (PostgreSQL): a user's own grants. The engine indexes grants by group, and by user only behind
 * the grant type, so every authorization check that asks "this user's or their groups' grants" read the whole
 * table (a grant per open task and candidate): an "all tasks" list for someone who may see none of 100k open tasks
 * took 0.9 s on PostgreSQL, 0.19 s with it (a bitmap OR of this index and the group one; H2 does not combine
 * indexes for an OR, so it does not get it).</li>
 * <li>{@code SC_IDX_RU_VAR_<index>}, {@code SC_IDX_HI_VAR_<index>} (PostgreSQL) for each variable a feature looks up
 * by value ({@link ProcessVariables#lookedUpByValue()}), e.g. {@code SC_IDX_RU_VAR_SURVEY_TOKEN},
 * {@code SC_IDX_HI_VAR_SURVEY_TOKEN}: the public survey page
 * finds its complaint by the hash of the link's token among the running variables and, for a link already used,
 * in the history; without them every visit, a guessed link included, read every variable of every complaint.
 * On H2 the history's lookup uses {@code SC_IDX_HI_VAR_EMPLOYEE} (not partial there), and the running variables
 * are few enough (only waiting complaints') not to pay an index on each variable write.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "servicecharter.engine-indexes.create", havingValue = "true", matchIfMissing = true)
class EngineIndexesPlugin extends AbstractProcessEnginePlugin {

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

    private final List<EngineIndex> indexes;

    EngineIndexesPlugin(ObjectProvider<ProcessVariables> features) {
        this.indexes = indexes(features.orderedStream().toList());
    }

    /**
     * The indexes for the features' variables: the employee variables of all of them in one, each variable looked
     * up by value in two (running, history).
     */
    static List<EngineIndex> indexes(Collection<? extends ProcessVariables> features) {
        List<EngineIndex> indexes = new ArrayList<>();
        List<String> employees = ProcessVariables.employeesOf(features);
        if (!employees.isEmpty()) {
            indexes.add(new EngineIndex("SC_IDX_HI_VAR_EMPLOYEE", "ACT_HI_VARINST", "TEXT_, NAME_",
                    "NAME_ IN (" + ProcessVariables.sqlList(employees) + ")"));
        }
        indexes.add(new EngineIndex("SC_IDX_HI_PRO_INST_STARTER", "ACT_HI_PROCINST", "START_USER_ID_", null));
        indexes.add(new EngineIndex("SC_IDX_HI_PRO_INST_START", "ACT_HI_PROCINST", "START_TIME_ DESC, ID_ DESC", null));
        indexes.add(new EngineIndex("SC_IDX_AUTH_USER", "ACT_RU_AUTHORIZATION", "USER_ID_", null, true));
        for (ProcessVariables.LookedUp variable : ProcessVariables.lookedUpByValueOf(features)) {
            String predicate = "NAME_ = '" + variable.name() + "'";
            indexes.add(new EngineIndex("SC_IDX_RU_VAR_" + variable.index(), "ACT_RU_VARIABLE", "TEXT_, NAME_", predicate, true));
            indexes.add(new EngineIndex("SC_IDX_HI_VAR_" + variable.index(), "ACT_HI_VARINST", "TEXT_, NAME_", predicate, true));
        }
        return List.copyOf(indexes);
    }

    List<EngineIndex> indexes() {
        return indexes;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        create(configuration.getDataSource(), prefix, configuration.getDatabaseType());
    }

    void create(DataSource dataSource, String prefix, String databaseType) {
        for (EngineIndex index : indexes.stream().filter(index -> index.appliesTo(databaseType)).toList()) {
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
