package org.servicecharter.correctiveaction;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whom each corrective-action case is about, as recorded when the case opened (table {@code corrective_action_case}):
 * the register of record that "no one handles their own case" reads ({@link CorrectiveActionSubjects}), never the
 * {@code employee} variable, which an administrator can overwrite. Written once, never changed.
 *
 * <p>Cases opened before the register existed are entered at start-up, with the employee the case was opened for:
 * the first value its {@code employee} variable had in the history (not its current value).
 */
@Component
class CaseRegister implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CaseRegister.class);

    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    CaseRegister(JdbcTemplate jdbc, RuntimeService runtimeService, HistoryService historyService) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    /** Records the case; a case already recorded keeps its employee. */
    void opened(String processInstanceId, String reference, String employee) {
        if (employeeOf(processInstanceId).isEmpty()) {
            jdbc.update("INSERT INTO corrective_action_case (process_instance_id, reference, employee, opened_at) VALUES (?, ?, ?, ?)",
                    processInstanceId, reference, employee, Timestamp.from(Instant.now()));
        }
    }

    Optional<String> employeeOf(String processInstanceId) {
        return jdbc.query("SELECT employee FROM corrective_action_case WHERE process_instance_id = ?",
                (rs, i) -> rs.getString(1), processInstanceId).stream().findFirst();
    }

    @Override
    public void run(ApplicationArguments args) {
        int entered = 0;
        int first = 0;
        while (true) {
            List<ProcessInstance> page = runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(CorrectiveActionProcess.PROCESS_KEY).orderByProcessInstanceId().asc().listPage(first, 500);
            if (page.isEmpty()) {
                break;
            }
            for (ProcessInstance instance : page) {
                if (employeeOf(instance.getId()).isEmpty()) {
                    Optional<String> employee = openedFor(instance.getId());
                    if (employee.isPresent()) {
                        opened(instance.getId(), instance.getBusinessKey() == null ? instance.getId() : instance.getBusinessKey(),
                                employee.get());
                        entered++;
                    }
                }
            }
            first += page.size();
        }
        if (entered > 0) {
            log.info("Entered {} corrective-action case(s) opened before the case register existed", entered);
        }
    }

    /** The first value the case's employee variable had, from the history. */
    private Optional<String> openedFor(String processInstanceId) {
        List<HistoricDetail> updates = historyService.createHistoricDetailQuery().processInstanceId(processInstanceId)
                .variableUpdates().disableCustomObjectDeserialization().list();
        return updates.stream().filter(d -> d instanceof HistoricVariableUpdate u
                        && CorrectiveActionProcess.VAR_EMPLOYEE.equals(u.getVariableName()) && u.getValue() instanceof String s
                        && !s.isBlank())
                .min(Comparator.comparing(HistoricDetail::getTime).thenComparing(d -> ((HistoricVariableUpdate) d).getRevision()))
                .map(d -> ((String) ((HistoricVariableUpdate) d).getValue()).trim());
    }
}
