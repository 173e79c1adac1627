package org.servicecharter.audit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.servicecharter.audit.AuditTrail.InstanceSummary;
import org.servicecharter.platform.NotFound;
import org.springframework.stereotype.Service;

/**
 * Builds one process instance's trail from the engine's history (level {@code full}), read as the current user
 * so the engine's own authorization checks apply as well. Nothing here writes: only history queries.
 *
 * <p>Entry types: {@code instance-started}, {@code instance-ended}, {@code activity-entered},
 * {@code activity-left}, {@code task-created}, {@code task-offered}, {@code task-offer-withdrawn},
 * {@code task-withheld}, {@code task-withheld-no-longer} (kept out of the lists of the person a case is about),
 * {@code task-claimed}, {@code task-assigned}, {@code task-unassigned}, {@code task-completed},
 * {@code task-ended}, {@code form-field}, {@code variable-set}, {@code variable-changed}, {@code variable-rewritten},
 * {@code decision-evaluated}, {@code timer-fired}, {@code timer-cancelled}, {@code job-failed},
 * {@code incident-opened}, {@code incident-resolved}, {@code incident-deleted}, {@code comment},
 * {@code user-operation}.
 *
 * <p><b>Order.</b> Entries are ordered by time, then, for events of the same millisecond (one transaction
 * usually does many things at once), by cause: the user operation that triggered the transaction, then the
 * variables it brought, then activities in the order the engine entered them (its sequence counter), each
 * activity's decision and variable changes after it is entered, and an activity left just before the next
 * activity outside it is entered (inner scopes before outer ones).
 *
 * <p>Each history source has its own reader ({@link InstanceEntries}, {@link ActivityEntries}, {@link TaskEntries},
 * {@link OperationLogEntries}, {@link DecisionEntries}, {@link VariableEntries}, {@link JobEntries},
 * {@link IncidentEntries}, {@link CommentEntries}) that adds its entries to one {@link Timeline}. They are read in
 * this order, since a later source names what an earlier one found (a task's name, who did an operation), and
 * the order of addition breaks the last ties.
 */
@Service
public class AuditTrailService {

    private final HistoryService historyService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final AuditAccess access;

    public AuditTrailService(HistoryService historyService, TaskService taskService, RepositoryService repositoryService,
            AuditAccess access) {
        this.historyService = historyService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.access = access;
    }

    public AuditTrail trail(String processInstanceId) {
        access.requireAuditor();
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            throw new NotFound("There is no process instance " + processInstanceId + " in the history.");
        }
        ProcessDefinition definition = repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());

        Timeline timeline = new Timeline();
        InstanceEntries.add(instance, timeline);
        ActivityEntries activities = ActivityEntries.read(historyService, processInstanceId, timeline);
        TaskEntries tasks = TaskEntries.read(historyService, processInstanceId, activities, timeline);
        OperationLogEntries operations = OperationLogEntries.read(historyService, processInstanceId, tasks, timeline);
        DecisionEntries decisions = DecisionEntries.read(historyService, processInstanceId, activities, timeline);
        VariableEntries.read(historyService, processInstanceId, activities, tasks, operations, decisions, timeline);
        JobEntries.read(historyService, processInstanceId, activities, model, timeline);
        IncidentEntries.read(historyService, processInstanceId, timeline);
        CommentEntries.read(taskService, processInstanceId, tasks, timeline);
        tasks.addEndings(operations, timeline);

        InstanceSummary summary = AuditSearchService.summary(instance, definition);
        return new AuditTrail(summary, timeline.sorted(), activities.path(definition, model));
    }
}
