package org.servicecharter.correctiveaction;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Corrective-action cases: a manager opens one for a behaviour they observed; the ladder's steps; the cases the caller
 * may see. Every read goes through the engine's authorizations, so a caller sees exactly the cases Tasklist and the
 * engine REST API show them (their reports' cases; all for HR and auditors; none for anyone else).
 */
@RestController
@RequestMapping("/api/corrective-actions")
public class CorrectiveActionController {

    public record OpenRequest(String employee, String concern) {
    }

    public record Opened(String reference, String processInstanceId, String employee) {
    }

    public record Step(String id, int rank, String label, String recordType) {
    }

    public record CaseView(String reference, String processInstanceId, String employee, String state, String correctiveAction,
            String outcome, Date monitoringEndsAt, Date startedAt, Date endedAt) {
    }

    private final CorrectiveActionCases cases;
    private final HistoryService historyService;

    public CorrectiveActionController(CorrectiveActionCases cases, HistoryService historyService) {
        this.cases = cases;
        this.historyService = historyService;
    }

    @PostMapping
    public ResponseEntity<Opened> open(@RequestBody OpenRequest request) {
        // checked once, by the model's first step (as for Tasklist's start form): who the case is about, what it is
        // about (Rejected, every bad field named) and that the opener is in the employee's reporting line (Refused);
        // a refusal starts nothing and is answered by ApiProblemHandler
        ProcessInstance started = cases.open(request.employee(), request.concern());
        String employee = request.employee().trim(); // given, since the case was opened
        return ResponseEntity.created(URI.create("/api/corrective-actions?reference=" + started.getBusinessKey()))
                .body(new Opened(started.getBusinessKey(), started.getId(), employee));
    }

    @GetMapping("/ladder")
    public List<Step> ladder() {
        return Arrays.stream(LadderStep.values()).map(s -> new Step(s.id(), s.rank(), s.label(), s.recordType())).toList();
    }

    /** The cases the caller may see, newest first; optionally one employee's, one step's, or one reference. */
    @GetMapping
    public List<CaseView> list(@RequestParam(required = false) String employee, @RequestParam(required = false) String step,
            @RequestParam(required = false) String reference) {
        if (step != null && LadderStep.of(step).isEmpty()) {
            throw Rejected.fields(List.of(new FieldError("step", "is not a step of the ladder: " + step
                    + " (known: " + String.join(", ", Arrays.stream(LadderStep.values()).map(LadderStep::id).toList()) + ")")));
        }
        HistoricProcessInstanceQuery query = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY);
        if (employee != null) {
            query.variableValueEquals(VAR_EMPLOYEE, employee);
        }
        if (reference != null) {
            query.processInstanceBusinessKey(reference);
        }
        List<CaseView> views = new ArrayList<>();
        for (HistoricProcessInstance instance : query.orderByProcessInstanceStartTime().desc().listPage(0, 200)) {
            Map<String, Object> variables = new HashMap<>();
            for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                    .processInstanceId(instance.getId()).listPage(0, 500)) {
                variables.put(variable.getName(), variable.getValue());
            }
            String action = (String) variables.get(VAR_CORRECTIVE_ACTION);
            if (step != null && !step.equals(action) && !(step.equals(hrStep(variables)))) {
                continue;
            }
            views.add(new CaseView(instance.getBusinessKey(), instance.getId(), (String) variables.get(VAR_EMPLOYEE),
                    instance.getState(), action, (String) variables.get(VAR_OUTCOME), (Date) variables.get(VAR_MONITORING_ENDS_AT),
                    instance.getStartTime(), instance.getEndTime()));
        }
        return views;
    }

    private static String hrStep(Map<String, Object> variables) {
        Object decision = variables.get(VAR_HR_DECISION);
        return HR_DISMISS.equals(decision) ? LadderStep.HR_DISMISSED.id() : HR_RETAIN.equals(decision) ? LadderStep.HR_RETAINED.id() : null;
    }
}
