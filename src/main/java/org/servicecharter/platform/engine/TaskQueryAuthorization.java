package org.servicecharter.platform.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.servicecharter.platform.TaskLinks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The task list's authorization check as sub-queries instead of a join.
 *
 * <p>Camunda 7.24 checks who may see a task by joining {@code ACT_RU_AUTHORIZATION} on
 * {@code RESOURCE_ID_ IN (task id, definition key, '*')}. Every candidate group of every task has an authorization row
 * of its own, so for a group with many open tasks the join's other side is as large as the task list, and PostgreSQL,
 * which cannot hash an {@code OR} join, nests the loops: 7 s for one page of "my group's tasks" at 10k open tasks.
 * Asked as {@code <task's own grants> OR D.KEY_ IN (grants) OR '*' IN (grants)}, the definition and everything arms
 * are read once and probed per task; the task's own grants are looked up per row when the query is narrowed to an
 * assignee or candidates ({@link #NARROWED}: a page then stops after its rows), and gathered once otherwise (README,
 * "Benchmark", has the figures). It means exactly the same: a task is visible
 * when at least one grant of the user, one of their groups or everyone gives READ on the task or READ_TASK on its
 * process definition (revokes, which this application does not enable, keep the engine's own check). CIB seven and
 * Operaton moved the same check out of the join (as an {@code EXISTS}) in the engine.
 *
 * <p>How: the engine's MyBatis mapping for tasks ({@code entity/Task.xml}) is read from the engine's jar at start-up,
 * two fragments are replaced, and the engine's {@code mappings.xml} is pointed at the result (a file in the
 * temporary directory). If a later engine changes either fragment, start-up fails with a message saying so rather
 * than running unpatched or half-patched; {@code servicecharter.task-query.sub-query-authorization=false} turns the
 * patch off and the engine's own mapping is used.
 */
@Configuration
@ConditionalOnProperty(name = "servicecharter.task-query.sub-query-authorization", havingValue = "true", matchIfMissing = true)
class TaskQueryAuthorization {

    static final String ENGINE_TASK_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";

    /** The join: removed (its {@code <if>} stays, empty). */
    static final Pattern AUTH_JOIN = Pattern.compile(
            "<include refid=\"org\\.camunda\\.bpm\\.engine\\.impl\\.persistence\\.entity\\.AuthorizationEntity\\.authCheckJoinWithoutOnClause\" />\\s*"
                    + "AUTH ON \\(AUTH\\.RESOURCE_ID_ \\$\\{authJoinStart\\} RES\\.ID_ \\$\\{authJoinSeparator\\} D\\.KEY_ "
                    + "\\$\\{authJoinSeparator\\} '\\*' \\$\\{authJoinEnd\\}\\)");

    /** The condition on the joined rows: replaced by the sub-queries, except where revokes are checked. */
    static final Pattern CONTEXTUAL_CHECK = Pattern.compile(Pattern.quote(
            "<include refid=\"org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck\" />"));

    /** The grants that let the user read tasks: theirs, their groups', everyone's; READ on a task, READ_TASK on a definition. */
    static final String VISIBLE_GRANTS = " " /* a text block drops the space before it */ + """
            FROM ${prefix}ACT_RU_AUTHORIZATION A
                  WHERE A.TYPE_ &lt; 2
                  AND ( A.USER_ID_ in ( #{authCheck.authUserId, jdbcType=VARCHAR}, '*')
                  <if test="authGroupIds != null &amp;&amp; authGroupIds.size > 0">
                    OR A.GROUP_ID_ IN <foreach item="item" index="index" collection="authGroupIds" open="(" separator="," close=")">#{item}</foreach>
                  </if>
                  )
                  <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.atomicChecksOnResourceTypeAndPerms" />""";

    /**
     * A query already narrowed to tasks assigned or offered to someone ("my tasks", "my group's tasks"): its rows are
     * few or a page stops early, so each task's own grants are looked up (an index probe per row) instead of
     * gathering every task grant of the user first. Otherwise (an "all tasks" list, where a user may see few of
     * many) the grants are gathered once and probed per row.
     */
    static final String NARROWED = "assignee != null || candidateUser != null || candidateGroup != null"
            + " || (candidateGroupsInternal != null &amp;&amp; candidateGroupsInternal.size > 0)";

    /**
     * One arm per resource the engine's join matched (its definition, everything, the task). The definition and
     * everything arms are uncorrelated sub-queries: the database reads those grants once and probes them per task
     * (PostgreSQL: a hashed sub-plan); they come first, so that a task its definition's grant already shows is not
     * looked up again (PostgreSQL evaluates an {@code OR} in the order written and stops at the first true arm — and
     * candidate groups hold their grants on the definition, {@code platform.taskrights.DefinitionTaskGrants}). The task arm is per row for a {@link #NARROWED} query — a scalar count, which
     * no database turns into a hash of every task grant of the user (PostgreSQL does so with a correlated EXISTS,
     * 110k rows for an agent at 100k open tasks) — and uncorrelated otherwise (README, "Benchmark").
     */
    static final String SUB_QUERY_CHECK = ("""
            <choose>
              <when test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null &amp;&amp; !authCheck.revokeAuthorizationCheckEnabled">
                <bind name="authGroupIds" value="authCheck.authGroupIds" />
                <bind name="atomicChecks" value="authCheck.permissionChecks.atomicChecks" />
                <bind name="disjunctive" value="authCheck.permissionChecks.disjunctive" />
                and (
                <if test="applyAuthorizationCheckForCaseInstances">(RES.CASE_EXECUTION_ID_ IS NOT NULL) OR</if>
                D.KEY_ IN (SELECT A.RESOURCE_ID_""" + VISIBLE_GRANTS + """
            )
                OR '*' IN (SELECT A.RESOURCE_ID_""" + VISIBLE_GRANTS + """
            )
                <choose>
                  <when test="NARROWED">
                OR (SELECT COUNT(A.ID_)""" + VISIBLE_GRANTS + """
                  AND A.RESOURCE_ID_ = RES.ID_) &gt; 0
                  </when>
                  <otherwise>
                OR RES.ID_ IN (SELECT A.RESOURCE_ID_""" + VISIBLE_GRANTS + """
            )
                  </otherwise>
                </choose>
                )
                and RES.ID_ NOT IN (SELECT X.TASK_ID_ FROM ${prefix}ACT_RU_IDENTITYLINK X
                  WHERE X.TYPE_ = 'EXCLUDED' AND X.USER_ID_ = #{authCheck.authUserId, jdbcType=VARCHAR}
                  AND X.TASK_ID_ IS NOT NULL)
              </when>
              <otherwise>
                <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck" />
              </otherwise>
            </choose>""").replace("\"NARROWED\"", "\"" + NARROWED + "\"").replace("'EXCLUDED'", "'" + TaskLinks.EXCLUDED + "'");

    /**
     * Whether a query may ask its candidate criteria as a semi-join ({@code RES.ID_ IN (SELECT I.TASK_ID_ ...)}) instead
     * of joining the identity links: every query but an {@code or} query (whose branches may each ask the joined link)
     * and one narrowed to an involved user (which reads the joined link outside the candidate criteria). Bound before
     * the engine binds its join flags, reset per query of the {@code or} list.
     */
    static final String SEMI_JOIN_FLAG = """
            <bind name="I_SEMI" value="true" />
                <foreach collection="queries" item="query">
                  <if test="query != null &amp;&amp; (query.isOrQueryActive || query.involvedUser != null)">
                    <bind name="I_SEMI" value="false" />
                  </if>
                </foreach>
            """;

    /** Where the engine's task-list SQL binds its join flags: the semi-join flag goes before it. */
    static final Pattern JOIN_FLAGS = Pattern.compile(Pattern.quote("<bind name=\"I_JOIN\" value=\"false\" />"));

    /** The identity-link join: only when the candidate criteria are not asked as a semi-join. */
    static final Pattern IDENTITY_LINK_JOIN = Pattern.compile(Pattern.quote("<if test=\"I_JOIN\">"));

    /** The start of the candidate criteria on the joined link. */
    static final Pattern CANDIDATE_START = Pattern.compile(Pattern.quote("and I.TYPE_ = 'candidate'"));

    /** The end of the candidate criteria on the joined link (the last of them, then the block's end). */
    static final Pattern CANDIDATE_END = Pattern.compile("(and I\\.USER_ID_ is not null\\s*</if>)(\\s*</trim>)");

    /**
     * The count: {@code count(distinct)} (on PostgreSQL a {@code DISTINCT} sub-select) only where rows can repeat —
     * the identity links joined, or an ordering by a related table. With the authorization join gone and the
     * candidates asked as a semi-join, a "my group's tasks" count is a plain count: the distinct step hashed (and on a
     * small {@code work_mem} spilled) every matching task id.
     */
    static final Pattern COUNT = Pattern.compile(Pattern.quote("${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}")
            + "(\\s*<include refid=\"selectTaskByQueryCriteriaSql\"/>\\s*)" + Pattern.quote("${countDistinctAfterEnd}"));

    static final String COUNT_HEAD = SEMI_JOIN_FLAG + """
                <bind name="SC_REPEATS" value="!I_SEMI" />
                <foreach collection="orderingProperties" item="orderingProperty">
                  <if test="orderingProperty.relation != null"><bind name="SC_REPEATS" value="true" /></if>
                </foreach>
                <choose>
                  <when test="SC_REPEATS">${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}</when>
                  <otherwise>select count(RES.ID_)</otherwise>
                </choose>""";

    static final String COUNT_TAIL = "<if test=\"SC_REPEATS\">${countDistinctAfterEnd}</if>";

    /** Replaces the starter's engine configuration bean with the same, plus the patched mapping. */
    @Bean
    public ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins) {
        SpringProcessEngineConfiguration configuration = CamundaSpringBootUtil.initCustomFields(new Patched());
        configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
        return configuration;
    }

    static class Patched extends SpringProcessEngineConfiguration {

        @Override
        protected InputStream getMyBatisXmlConfigurationSteam() {
            String mappings = read(DEFAULT_MYBATIS_MAPPING_FILE);
            String engineTask = "<mapper resource=\"" + ENGINE_TASK_MAPPING + "\" />";
            if (!mappings.contains(engineTask)) {
                throw new IllegalStateException("The engine's " + DEFAULT_MYBATIS_MAPPING_FILE + " no longer names "
                        + ENGINE_TASK_MAPPING + "; set servicecharter.task-query.sub-query-authorization=false");
            }
            Path task = write(patch(read(ENGINE_TASK_MAPPING)));
            return new ByteArrayInputStream(mappings.replace(engineTask, "<mapper url=\"" + task.toUri() + "\" />")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The engine's task mapping with the authorization check as sub-queries; refuses a mapping it does not recognise. */
    static String patch(String taskMapping) {
        String patched = replaceOnce(taskMapping, AUTH_JOIN, "");
        patched = replaceOnce(patched, CONTEXTUAL_CHECK, SUB_QUERY_CHECK);
        // the candidate criteria as a semi-join, and a count without DISTINCT where no row can repeat
        patched = replaceOnce(patched, JOIN_FLAGS, SEMI_JOIN_FLAG + "<bind name=\"I_JOIN\" value=\"false\" />");
        patched = replaceOnce(patched, IDENTITY_LINK_JOIN, "<if test=\"I_JOIN &amp;&amp; !I_SEMI\">");
        patched = replaceOnce(patched, CANDIDATE_START, "<if test=\"I_SEMI\">and RES.ID_ IN (SELECT I.TASK_ID_ FROM"
                + " ${prefix}ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ IS NOT NULL</if> and I.TYPE_ = 'candidate'");
        patched = replaceOnceRaw(patched, CANDIDATE_END, "$1<if test=\"I_SEMI\">)</if>$2");
        return replaceOnceRaw(patched, COUNT, Matcher.quoteReplacement(COUNT_HEAD) + "$1" + Matcher.quoteReplacement(COUNT_TAIL));
    }

    private static String replaceOnce(String text, Pattern pattern, String replacement) {
        return replaceOnceRaw(text, pattern, Matcher.quoteReplacement(replacement));
    }

    /** As {@link #replaceOnce}, the replacement may refer to the pattern's groups ({@code $1}). */
    private static String replaceOnceRaw(String text, Pattern pattern, String replacement) {
        Matcher matcher = pattern.matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        if (found != 1) {
            throw new IllegalStateException("The engine's " + ENGINE_TASK_MAPPING + " has " + found + " places matching "
                    + pattern + " where this application expects one: it cannot patch the task query's authorization"
                    + " check; set servicecharter.task-query.sub-query-authorization=false");
        }
        return pattern.matcher(text).replaceFirst(replacement);
    }

    private static String read(String resource) {
        try (InputStream in = ReflectUtil.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Not on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String mapping) {
        try {
            Path file = Files.createTempFile("servicecharter-task-mapping-", ".xml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, mapping);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
