package org.servicecharter.audit;

import static org.servicecharter.audit.HistoryReads.all;
import static org.servicecharter.audit.HistoryReads.show;
import static org.servicecharter.audit.HistoryReads.value;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;

/**
 * The historic decision instances: one {@code decision-evaluated} each, with its inputs and matched rules, right
 * after its activity is entered. Also tells the variables source which variables a decision set.
 */
final class DecisionEntries {

    private record DecisionOutputs(Date time, double rank, Set<String> names) {
    }

    private final List<DecisionOutputs> decisionOutputs = new ArrayList<>();

    private DecisionEntries() {
    }

    static DecisionEntries read(HistoryService historyService, String processInstanceId, ActivityEntries activities,
            Timeline timeline) {
        DecisionEntries entries = new DecisionEntries();
        for (HistoricDecisionInstance decision : all(historyService.createHistoricDecisionInstanceQuery()
                .processInstanceId(processInstanceId).includeInputs().includeOutputs().disableBinaryFetching()
                .disableCustomObjectDeserialization().orderByEvaluationTime().asc())) {
            entries.decision(decision, activities, timeline);
        }
        return entries;
    }

    /**
     * The rank of the first decision evaluated at that moment that set the variable, or null: the variable's change
     * is that decision's mapped result and follows it.
     */
    Double rankOfDecisionSetting(Date time, String variableName) {
        for (DecisionOutputs outputs : decisionOutputs) {
            if (outputs.time().equals(time) && outputs.names().contains(variableName)) {
                return outputs.rank();
            }
        }
        return null;
    }

    private void decision(HistoricDecisionInstance decision, ActivityEntries activities, Timeline timeline) {
        double rank = activities.contains(decision.getActivityInstanceId())
                ? activities.indexOf(decision.getActivityInstanceId()) + 0.2 : Timeline.RANK_DETACHED_DECISION;
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (HistoricDecisionInputInstance input : decision.getInputs()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("clauseId", input.getClauseId());
            map.put("clauseName", input.getClauseName());
            map.put("value", value(input.getTypedValue(), input.getValue()));
            inputs.add(map);
        }
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
            Map<String, Object> rule = rules.computeIfAbsent(output.getRuleId(), id -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("ruleId", output.getRuleId());
                map.put("ruleOrder", output.getRuleOrder());
                map.put("outputs", new LinkedHashMap<String, Object>());
                return map;
            });
            @SuppressWarnings("unchecked")
            Map<String, Object> outputs = (Map<String, Object>) rule.get("outputs");
            outputs.put(output.getVariableName() != null ? output.getVariableName() : output.getClauseName(),
                    value(output.getTypedValue(), output.getValue()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decisionKey", decision.getDecisionDefinitionKey());
        details.put("decisionName", decision.getDecisionDefinitionName());
        details.put("decisionDefinitionId", decision.getDecisionDefinitionId());
        details.put("decisionInstanceId", decision.getId());
        details.put("inputs", inputs);
        details.put("matchedRules", new ArrayList<>(rules.values()));
        Set<String> names = new HashSet<>();
        decision.getOutputs().forEach(output -> names.add(output.getVariableName()));
        decisionOutputs.add(new DecisionOutputs(decision.getEvaluationTime(), rank, names));
        HistoricActivityInstance activity = activities.byId(decision.getActivityInstanceId());
        StringBuilder summary = new StringBuilder("Decision \"").append(decision.getDecisionDefinitionName())
                .append("\" evaluated with ");
        inputs.forEach(in -> summary.append(in.get("clauseName")).append('=').append(show(in.get("value"))).append(' '));
        summary.append("→ ").append(rules.size()).append(" rule(s) matched");
        rules.values().forEach(rule -> summary.append(' ').append("#").append(rule.get("ruleOrder"))
                .append(' ').append(rule.get("outputs")));
        timeline.add(decision.getEvaluationTime(), rank, "decision-evaluated",
                activity != null ? activity.getActivityId() : decision.getActivityId(),
                activity != null ? activity.getActivityName() : null, decision.getActivityInstanceId(), null, null,
                decision.getUserId(), summary.toString(), details);
    }
}
