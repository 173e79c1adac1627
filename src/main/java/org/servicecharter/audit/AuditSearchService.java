package org.servicecharter.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.NativeHistoricProcessInstanceQuery;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.servicecharter.audit.AuditTrail.InstanceSummary;
import org.servicecharter.platform.ProcessVariables;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Searches process instances of every model, running or finished, one page at a time.
 *
 * <p>One SQL statement over the engine's history tables through the engine's native query (so it runs in the
 * engine's session and on every database the engine supports), because "an employee involved" is an OR across
 * tables that the query API cannot express. Every condition is bound as a parameter; the statement is built
 * only from fixed fragments. What it relies on is indexed by the engine's own schema:
 * {@code ACT_HI_PROCINST(PROC_DEF_KEY_)}, {@code (BUSINESS_KEY_)}, {@code (START_TIME_, END_TIME_)},
 * {@code (END_TIME_)}; {@code ACT_HI_IDENTITYLINK(USER_ID_)} and {@code ACT_HI_TASKINST} by primary key;
 * {@code ACT_HI_VARINST(NAME_)}.
 *
 * <p>"Employee involved" means: started it; was assignee, owner or candidate user of one of its tasks (the
 * identity-link log records all three, including changes); or is named in one of the variables that carry an
 * employee (those the features declare, {@link ProcessVariables#employees()}: the requester of an approval, the
 * employee a complaint is about or a corrective action concerns, the employee of a sign-off).
 */
@Service
public class AuditSearchService {

    public static final int MAX_PAGE_SIZE = 200;
    /**
     * Matches are counted exactly up to this many; beyond it a page says "more than 10,000" ({@code totalExact}
     * false) instead of counting every row of a large history for each page (the count dominated a page's time).
     */
    public static final int COUNT_LIMIT = 10_000;
    static final int SORTED_SCAN_FROM = 1_000;
    private static final String KEY_CONDITION = "P.PROC_DEF_KEY_ = #{processKey}";
    static final Set<String> STATES = Set.of("running", "finished", "active", "suspended", "completed", "cancelled",
            "terminated");

    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    /** The engine's table prefix (none by default); ManagementService.getTableName needs admin rights. */
    private final String prefix;
    private final AuditAccess access;
    private final int countLimit;
    /** H2's planner needs a hint that PostgreSQL's does not (see {@link #search}). */
    private final boolean h2;
    private final int sortedScanFrom;
    /** The variables that name an employee, as the features declare them. */
    private final List<String> employeeVariables;

    @Autowired
    public AuditSearchService(HistoryService historyService, RepositoryService repositoryService,
            ProcessEngine engine, AuditAccess access, ObjectProvider<ProcessVariables> features) {
        this(historyService, repositoryService, engine, access, COUNT_LIMIT, SORTED_SCAN_FROM,
                ProcessVariables.employeesOf(features.orderedStream().toList()));
    }

    AuditSearchService(HistoryService historyService, RepositoryService repositoryService, ProcessEngine engine,
            AuditAccess access, int countLimit, int sortedScanFrom, List<String> employeeVariables) {
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        String configured = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
        this.prefix = configured == null ? "" : configured;
        this.h2 = "h2".equals(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType());
        this.access = access;
        this.countLimit = countLimit;
        this.sortedScanFrom = sortedScanFrom;
        this.employeeVariables = List.copyOf(employeeVariables);
    }

    List<String> employeeVariables() {
        return employeeVariables;
    }

    /** Search criteria; every one optional. Times are instants; {@code state} one of {@link #STATES}. */
    public record Criteria(String processKey, String businessKey, Instant startedFrom, Instant startedTo, String state,
            String employee, int page, int size) {

        public Criteria {
            List<FieldError> errors = errors(state, page, size, startedFrom, startedTo);
            if (!errors.isEmpty()) {
                throw Rejected.fields(errors);
            }
            state = state == null ? null : state.toLowerCase(Locale.ROOT);
        }

        static List<FieldError> errors(String state, int page, int size, Instant startedFrom, Instant startedTo) {
            List<FieldError> errors = new ArrayList<>();
            if (state != null && !state.isBlank() && !STATES.contains(state.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError("state", "must be one of " + new java.util.TreeSet<>(STATES)));
            }
            if (page < 0) {
                errors.add(new FieldError("page", "must be 0 or more"));
            }
            if (size < 1 || size > MAX_PAGE_SIZE) {
                errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
            }
            if (startedFrom != null && startedTo != null && startedTo.isBefore(startedFrom)) {
                errors.add(new FieldError("startedTo", "must not be before startedFrom"));
            }
            return errors;
        }
    }

    /** A page of matches; {@code total} is exact when {@code totalExact}, else the matches are more than it. */
    public record Page(long total, boolean totalExact, int page, int size, List<InstanceSummary> items) {
    }

    public Page search(Criteria criteria) {
        access.requireAuditor();
        Map<String, Object> parameters = new LinkedHashMap<>();
        String from = from(criteria, parameters);
        String where = where(criteria, parameters);

        NativeHistoricProcessInstanceQuery count = historyService.createNativeHistoricProcessInstanceQuery()
                .sql("SELECT COUNT(*) FROM (SELECT P.ID_" + from + where + " FETCH FIRST " + ((long) countLimit + 1)
                        + " ROWS ONLY) MATCHES");
        parameters.forEach(count::parameter);
        long counted = count.count();
        if (h2 && counted >= sortedScanFrom && notBlank(criteria.processKey()) && !notBlank(criteria.employee())) {
            // H2 looks a model's instances up by key and sorts them all for a page (0.5 s for 100k), never weighing
            // that walking the start-time index (SC_IDX_HI_PRO_INST_START) stops after one page: where many match,
            // the key is compared as an expression, which leaves H2 the index walk (20 ms). Few matches keep the key
            // look-up, which is then the faster one.
            where = where.replace(KEY_CONDITION, "CONCAT(P.PROC_DEF_KEY_, '') = #{processKey}");
        }
        // with an employee, the involved instances are found first and sorted after: ordered in place, H2 walks the
        // start-time index and evaluates the involvement for every instance it passes (minutes on 100k)
        String select = notBlank(criteria.employee())
                ? "SELECT X.* FROM (SELECT P.*" + from + where + ") X ORDER BY X.START_TIME_ DESC, X.ID_ DESC"
                : "SELECT P.*" + from + where + " ORDER BY P.START_TIME_ DESC, P.ID_ DESC";
        NativeHistoricProcessInstanceQuery list = historyService.createNativeHistoricProcessInstanceQuery().sql(select);
        parameters.forEach(list::parameter);
        List<HistoricProcessInstance> instances = counted == 0 ? List.of()
                : list.listPage(criteria.page() * criteria.size(), criteria.size());
        return new Page(Math.min(counted, countLimit), counted <= countLimit, criteria.page(), criteria.size(),
                summaries(instances));
    }

    private String where(Criteria c, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (notBlank(c.processKey())) {
            conditions.add(KEY_CONDITION);
            parameters.put("processKey", c.processKey().trim());
        }
        if (notBlank(c.businessKey())) {
            String key = c.businessKey().trim();
            if (key.endsWith("*")) {
                conditions.add("P.BUSINESS_KEY_ LIKE #{businessKey} ESCAPE '\\'");
                parameters.put("businessKey", escapeLike(key.substring(0, key.length() - 1)) + "%");
            } else {
                conditions.add("P.BUSINESS_KEY_ = #{businessKey}");
                parameters.put("businessKey", key);
            }
        }
        if (c.startedFrom() != null) {
            conditions.add("P.START_TIME_ >= #{startedFrom}");
            parameters.put("startedFrom", Date.from(c.startedFrom()));
        }
        if (c.startedTo() != null) {
            conditions.add("P.START_TIME_ < #{startedTo}");
            parameters.put("startedTo", Date.from(c.startedTo()));
        }
        if (c.state() != null && !c.state().isBlank()) {
            conditions.add(switch (c.state()) {
                case "running" -> "P.END_TIME_ IS NULL";
                case "finished" -> "P.END_TIME_ IS NOT NULL";
                case "active" -> "P.STATE_ = 'ACTIVE'";
                case "suspended" -> "P.STATE_ = 'SUSPENDED'";
                case "completed" -> "P.STATE_ = 'COMPLETED'";
                case "cancelled" -> "P.STATE_ = 'EXTERNALLY_TERMINATED'";
                case "terminated" -> "P.STATE_ = 'INTERNALLY_TERMINATED'";
                default -> throw new IllegalStateException(c.state());
            });
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * The instances an employee is involved in, as a derived table joined once: H2 re-evaluates an
     * {@code IN (... UNION ...)} for every row (100 s on 100k instances), a join it evaluates once.
     */
    private String from(Criteria c, Map<String, Object> parameters) {
        String from = " FROM " + prefix + "ACT_HI_PROCINST P";
        if (notBlank(c.employee())) {
            from = " FROM ("
                    + "SELECT T.PROC_INST_ID_ AS INVOLVED_ID FROM " + prefix + "ACT_HI_IDENTITYLINK L"
                    + " INNER JOIN " + prefix + "ACT_HI_TASKINST T ON T.ID_ = L.TASK_ID_ WHERE L.USER_ID_ = #{employee}"
                    + (employeeVariables.isEmpty() ? "" : " UNION SELECT V.PROC_INST_ID_ FROM " + prefix + "ACT_HI_VARINST V"
                    + " WHERE V.NAME_ IN (" + ProcessVariables.sqlList(employeeVariables) + ") AND V.TEXT_ = #{employee}")
                    + " UNION SELECT S.ID_ FROM " + prefix + "ACT_HI_PROCINST S WHERE S.START_USER_ID_ = #{employee}"
                    + ") E INNER JOIN " + prefix + "ACT_HI_PROCINST P ON P.ID_ = E.INVOLVED_ID";
            parameters.put("employee", c.employee().trim());
        }
        return from;
    }


    /** The models an auditor can pick from: every process definition key with its latest name. */
    public List<Map<String, Object>> models() {
        access.requireAuditor();
        List<Map<String, Object>> models = new ArrayList<>();
        for (ProcessDefinition definition : HistoryReads.all(repositoryService.createProcessDefinitionQuery()
                .latestVersion().orderByProcessDefinitionKey().asc())) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("key", definition.getKey());
            model.put("name", definition.getName());
            model.put("latestVersion", definition.getVersion());
            model.put("historyTimeToLiveDays", definition.getHistoryTimeToLive());
            models.add(model);
        }
        return models;
    }

    private List<InstanceSummary> summaries(List<HistoricProcessInstance> instances) {
        if (instances.isEmpty()) {
            return List.of();
        }
        String[] definitionIds = instances.stream().map(HistoricProcessInstance::getProcessDefinitionId).distinct()
                .toArray(String[]::new);
        Map<String, ProcessDefinition> definitions = new HashMap<>();
        HistoryReads.all(repositoryService.createProcessDefinitionQuery().processDefinitionIdIn(definitionIds))
                .forEach(definition -> definitions.put(definition.getId(), definition));
        return instances.stream().map(instance -> summary(instance, definitions.get(instance.getProcessDefinitionId())))
                .toList();
    }

    static InstanceSummary summary(HistoricProcessInstance instance, ProcessDefinition definition) {
        return new InstanceSummary(instance.getId(), instance.getProcessDefinitionKey(),
                definition != null ? definition.getName() : null, definition != null ? definition.getVersion() : null,
                instance.getProcessDefinitionId(), instance.getBusinessKey(), HistoryReads.instant(instance.getStartTime()),
                HistoryReads.instant(instance.getEndTime()), instance.getState(), instance.getStartUserId(),
                instance.getDurationInMillis(), instance.getSuperProcessInstanceId(), instance.getDeleteReason());
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
