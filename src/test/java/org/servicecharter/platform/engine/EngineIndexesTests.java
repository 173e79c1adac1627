package org.servicecharter.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.complaint.ComplaintProcess;
import org.servicecharter.platform.ProcessVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application's own indexes on engine tables: there after start-up, created idempotently, and used. */
@ServiceCharterTest
class EngineIndexesTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    EngineIndexesPlugin plugin;

    @Autowired
    List<ProcessVariables> features;

    @Test
    void theIndexesExistAfterStartUp() {
        for (EngineIndexesPlugin.EngineIndex index : plugin.indexes()) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = ? AND TABLE_NAME = ?",
                    Integer.class, index.name(), index.table())).as(index.name()).isEqualTo(index.appliesTo("h2") ? 1 : 0);
        }
    }

    @Test
    void theSurveyLinksLookUpsGetPartialIndexesOnPostgresOnly() {
        List<EngineIndexesPlugin.EngineIndex> survey = plugin.indexes().stream()
                .filter(index -> index.name().contains("SURVEY_TOKEN")).toList();
        assertThat(survey).extracting(EngineIndexesPlugin.EngineIndex::table).containsExactly("ACT_RU_VARIABLE", "ACT_HI_VARINST");
        for (EngineIndexesPlugin.EngineIndex index : survey) {
            assertThat(index.appliesTo("h2")).isFalse();
            assertThat(index.ddl("", "postgres")).endsWith("WHERE NAME_ = '" + ComplaintProcess.VAR_SURVEY_TOKEN_HASH + "'");
        }
    }

    @Test
    void creatingThemAgainChangesNothing() {
        plugin.create(dataSource, "", "h2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME LIKE 'SC_IDX_%'",
                Integer.class)).isEqualTo((int) plugin.indexes().stream().filter(index -> index.appliesTo("h2")).count());
    }

    @Test
    void postgresGetsAPartialIndexOverTheEmployeeVariablesOnly() {
        EngineIndexesPlugin.EngineIndex variables = plugin.indexes().get(0);
        assertThat(variables.name()).isEqualTo("SC_IDX_HI_VAR_EMPLOYEE");
        // the features' declarations, each name once: the same list the audit search asks for
        assertThat(ProcessVariables.employeesOf(features)).containsExactly("aboutEmployee", "employee", "requester");
        assertThat(variables.ddl("", "postgres")).endsWith("WHERE NAME_ IN ('aboutEmployee', 'employee', 'requester')");
        assertThat(variables.ddl("", "h2")).doesNotContain("WHERE");
    }

    @Test
    void theAuditSearchLooksUpEmployeesThroughTheIndexes() {
        List<String> plan = jdbc.queryForList("EXPLAIN SELECT V.PROC_INST_ID_ FROM ACT_HI_VARINST V"
                + " WHERE V.NAME_ IN ('aboutEmployee', 'employee', 'requester') AND V.TEXT_ = 'alice'"
                + " UNION SELECT S.ID_ FROM ACT_HI_PROCINST S WHERE S.START_USER_ID_ = 'alice'", String.class);
        assertThat(String.join("\n", plan)).contains("SC_IDX_HI_VAR_EMPLOYEE").contains("SC_IDX_HI_PRO_INST_STARTER");
    }

    @Test
    void aPageOfAModelWithManyInstancesIsReadOffTheStartTimeIndex() {
        List<String> plan = jdbc.queryForList("EXPLAIN SELECT P.* FROM ACT_HI_PROCINST P WHERE CONCAT(P.PROC_DEF_KEY_, '')"
                + " = 'complaint-handling' ORDER BY P.START_TIME_ DESC, P.ID_ DESC LIMIT 50", String.class);
        assertThat(String.join("\n", plan)).contains("SC_IDX_HI_PRO_INST_START").contains("index sorted");
    }
}
