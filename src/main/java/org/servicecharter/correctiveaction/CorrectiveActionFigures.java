package org.servicecharter.correctiveaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.servicecharter.employeefile.EmployeeFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Corrective action's published figures, for other features (the plan review, the dashboard) that must not know its
 * record types or its model: actions taken in [from, to), i.e. the employee file's records of a rung of the ladder
 * (coaching, warnings, HR's outcomes); the open cases counted per step; and the open cases the current user may see,
 * with names.
 */
@Service
public class CorrectiveActionFigures {

    static final List<String> ACTION_RECORDS = Arrays.stream(LadderStep.values()).map(LadderStep::recordType)
            .filter(Objects::nonNull).toList();

    /** The step of an open case that waits for no one's task (monitoring, a timer). */
    public static final String WAITING_STEP = "Waiting (monitoring or a deadline)";

    /** An open case the current user's rights show: reference, employee, the step it is at, when it opened. */
    public record VisibleCase(String reference, String employee, String step, Instant openedAt) {
    }

    private final EmployeeFile employeeFile;
    private final JdbcTemplate jdbc;
    private final HistoryService historyService;

    CorrectiveActionFigures(EmployeeFile employeeFile, JdbcTemplate jdbc, HistoryService historyService) {
        this.employeeFile = employeeFile;
        this.jdbc = jdbc;
        this.historyService = historyService;
    }

    public long actionsTaken(Instant from, Instant to) {
        return employeeFile.count(ACTION_RECORDS, from, to);
    }

    /**
     * Open cases per step, counts only (no names: everyone who sees the dashboard sees these): the name of the task a
     * case waits at, or {@link #WAITING_STEP} for a case that waits for no task. Two queries on the engine's runtime.
     */
    public Map<String, Long> openCasesByStep() {
        Map<String, Long> steps = new LinkedHashMap<>();
        long[] withTask = new long[1];
        jdbc.query("SELECT t.NAME_, COUNT(DISTINCT t.PROC_INST_ID_) FROM ACT_RU_TASK t"
                + " JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_ WHERE d.KEY_ = ? GROUP BY t.NAME_ ORDER BY t.NAME_", rs -> {
            steps.put(rs.getString(1), rs.getLong(2));
        }, CorrectiveActionProcess.PROCESS_KEY);
        Long open = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_"
                + " WHERE d.KEY_ = ? AND e.ID_ = e.PROC_INST_ID_", Long.class, CorrectiveActionProcess.PROCESS_KEY);
        Long inTasks = jdbc.queryForObject("SELECT COUNT(DISTINCT t.PROC_INST_ID_) FROM ACT_RU_TASK t"
                + " JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_ WHERE d.KEY_ = ?", Long.class, CorrectiveActionProcess.PROCESS_KEY);
        withTask[0] = inTasks == null ? 0 : inTasks;
        long waiting = (open == null ? 0 : open) - withTask[0];
        if (waiting > 0) {
            steps.put(WAITING_STEP, waiting);
        }
        return steps;
    }

    /**
     * The open cases whose history the current user may read (the engine's authorizations: HR and auditors all,
     * managers their reports' cases), newest first, at most {@code limit}.
     */
    public List<VisibleCase> openCasesVisible(int limit) {
        List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CorrectiveActionProcess.PROCESS_KEY).unfinished()
                .orderByProcessInstanceStartTime().desc().listPage(0, limit);
        if (instances.isEmpty()) {
            return List.of();
        }
        String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        Map<String, String> employees = new HashMap<>();
        historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
                .variableName(CorrectiveActionProcess.VAR_EMPLOYEE).listPage(0, ids.length)
                .forEach(v -> employees.put(v.getProcessInstanceId(), String.valueOf(v.getValue())));
        Map<String, String> steps = new HashMap<>();
        jdbc.query("SELECT PROC_INST_ID_, NAME_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN ("
                + String.join(", ", Arrays.stream(ids).map(id -> "?").toList()) + ") ORDER BY NAME_", rs -> {
            steps.putIfAbsent(rs.getString(1), rs.getString(2));
        }, (Object[]) ids);
        List<VisibleCase> cases = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            cases.add(new VisibleCase(instance.getBusinessKey(), employees.get(instance.getId()),
                    steps.getOrDefault(instance.getId(), WAITING_STEP), instance.getStartTime().toInstant()));
        }
        return cases;
    }
}
