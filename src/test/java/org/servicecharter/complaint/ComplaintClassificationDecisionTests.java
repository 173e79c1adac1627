package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.complaint.ComplaintProcess.*;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The complaint-classification decision table, rule by rule, evaluated by a plain DMN engine (no Spring, no
 * process engine) straight from {@code processes/complaint-classification.dmn}.
 */
class ComplaintClassificationDecisionTests {

    private static final Path DMN_FILE = Path.of("processes", DECISION_KEY + ".dmn");

    /** What the intake accepts (ComplaintProperties' defaults); the table must decide every combination. */
    private static final List<String> CATEGORIES = List.of("billing", "delivery", "product", "service", "staff-behaviour", "other");
    private static final List<String> CHANNELS = List.of("email", "phone", "web", "in-person");

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;
    private static final List<String> matchedRuleIds = new ArrayList<>();

    @BeforeAll
    static void parseDecision() throws Exception {
        DmnDecisionTableEvaluationListener recordMatchedRules = (DmnDecisionTableEvaluationEvent event) ->
                event.getMatchingRules().forEach(rule -> matchedRuleIds.add(rule.getId()));
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recordMatchedRules))
                .buildEngine();
        try (InputStream in = Files.newInputStream(DMN_FILE)) {
            decision = dmnEngine.parseDecision(DECISION_KEY, in);
        }
    }

    @BeforeEach
    void forgetMatchedRules() {
        matchedRuleIds.clear();
    }

    @ParameterizedTest(name = "{0} via {1} -> {2}, {3}/{4} ({5})")
    @CsvSource({
            // category,       channel,    priority, sla,  escalation, rule
            "staff-behaviour,  email,      high,     PT4H, PT8H,       Rule_StaffBehaviour",
            "staff-behaviour,  phone,      high,     PT4H, PT8H,       Rule_StaffBehaviour",
            "staff-behaviour,  web,        high,     PT4H, PT8H,       Rule_StaffBehaviour",
            "staff-behaviour,  in-person,  high,     PT4H, PT8H,       Rule_StaffBehaviour",
            "product,          phone,      high,     PT4H, PT8H,       Rule_ProductInPersonOrPhone",
            "product,          in-person,  high,     PT4H, PT8H,       Rule_ProductInPersonOrPhone",
            "product,          email,      medium,   P1D,  P2D,        Rule_ProductInWriting",
            "product,          web,        medium,   P1D,  P2D,        Rule_ProductInWriting",
            "delivery,         email,      medium,   PT8H, P1D,        Rule_Delivery",
            "delivery,         phone,      medium,   PT8H, P1D,        Rule_Delivery",
            "delivery,         web,        medium,   PT8H, P1D,        Rule_Delivery",
            "delivery,         in-person,  medium,   PT8H, P1D,        Rule_Delivery",
            "billing,          email,      medium,   P1D,  P3D,        Rule_Billing",
            "billing,          phone,      medium,   P1D,  P3D,        Rule_Billing",
            "billing,          web,        medium,   P1D,  P3D,        Rule_Billing",
            "billing,          in-person,  medium,   P1D,  P3D,        Rule_Billing",
            "service,          phone,      medium,   PT8H, P1D,        Rule_ServiceInPersonOrPhone",
            "service,          in-person,  medium,   PT8H, P1D,        Rule_ServiceInPersonOrPhone",
            "service,          email,      low,      P2D,  P4D,        Rule_ServiceInWriting",
            "service,          web,        low,      P2D,  P4D,        Rule_ServiceInWriting",
            "other,            email,      low,      P3D,  P5D,        Rule_Other",
            "other,            phone,      low,      P3D,  P5D,        Rule_Other",
            "other,            web,        low,      P3D,  P5D,        Rule_Other",
            "other,            in-person,  low,      P3D,  P5D,        Rule_Other",
            // a category or channel the table does not know yet still gets a classification
            "lost-property,    fax,        low,      P3D,  P5D,        Rule_Other",
            "product,          fax,        medium,   P1D,  P2D,        Rule_ProductInWriting",
    })
    void classifiesEveryRow(String category, String channel, String priority, String sla, String escalation, String ruleId) {
        Map<String, Object> result = classify(category, channel);

        assertThat(result).containsOnlyKeys(VAR_PRIORITY, VAR_SLA_DURATION, VAR_MANAGER_ESCALATION_DURATION, VAR_HANDLING_GROUP);
        assertThat(result.get(VAR_PRIORITY)).isEqualTo(priority);
        assertThat(result.get(VAR_SLA_DURATION)).isEqualTo(sla);
        assertThat(result.get(VAR_MANAGER_ESCALATION_DURATION)).isEqualTo(escalation);
        assertThat(result.get(VAR_HANDLING_GROUP)).isEqualTo("agents");
        assertThat(matchedRuleIds).containsExactly(ruleId);
    }

    static Stream<Arguments> everyCategoryAndChannel() {
        return CATEGORIES.stream().flatMap(category -> CHANNELS.stream().map(channel -> Arguments.of(category, channel)));
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("everyCategoryAndChannel")
    void everyCombinationHasExactlyOneClassificationWhoseManagerEscalationComesAfterTheSla(String category, String channel) {
        DmnDecisionTableResult results = dmnEngine.evaluateDecisionTable(decision,
                Map.of(VAR_CATEGORY, category, VAR_CHANNEL, channel));

        assertThat(results).hasSize(1);
        Map<String, Object> result = results.getSingleResult().getEntryMap();
        assertThat(result.get(VAR_PRIORITY)).isIn("high", "medium", "low");
        assertThat(result.get(VAR_HANDLING_GROUP)).isEqualTo("agents");
        Duration sla = Duration.parse((String) result.get(VAR_SLA_DURATION));
        Duration escalation = Duration.parse((String) result.get(VAR_MANAGER_ESCALATION_DURATION));
        assertThat(sla).isPositive();
        assertThat(escalation).isGreaterThan(sla);
    }

    @Test
    void everyRuleDecidesSomeCombinationAndTheLastOneCatchesAll() throws Exception {
        everyCategoryAndChannel().forEach(args -> classify((String) args.get()[0], (String) args.get()[1]));

        DmnModelInstance model = Dmn.readModelFromFile(DMN_FILE.toFile());
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        List<String> ruleIds = table.getRules().stream().map(Rule::getId).toList();
        Set<String> unused = new HashSet<>(ruleIds);
        unused.removeAll(matchedRuleIds);
        assertThat(unused).as("rules that no category and channel reach").isEmpty();

        Rule last = table.getRules().stream().reduce((first, second) -> second).orElseThrow();
        assertThat(last.getInputEntries()).allSatisfy(entry -> assertThat(entry.getTextContent()).isBlank());
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    }

    @Test
    void decisionKeepsItsHistoryForThreeYears() {
        DmnModelInstance model = Dmn.readModelFromFile(DMN_FILE.toFile());
        org.camunda.bpm.model.dmn.instance.Decision modelDecision = model.getModelElementById(DECISION_KEY);
        assertThat(modelDecision).isNotNull();
        assertThat(modelDecision.getCamundaHistoryTimeToLiveString()).isEqualTo("1095");
    }

    private static Map<String, Object> classify(String category, String channel) {
        DmnDecisionTableResult results = dmnEngine.evaluateDecisionTable(decision,
                Map.of(VAR_CATEGORY, category, VAR_CHANNEL, channel));
        assertThat(results).as("results for %s via %s", category, channel).hasSize(1);
        return results.getSingleResult().getEntryMap();
    }
}
