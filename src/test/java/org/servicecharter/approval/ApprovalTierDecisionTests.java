package org.servicecharter.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.approval.ApprovalProcess.*;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The approval-tier decisions, rule by rule and at every threshold's edge, evaluated by a plain DMN engine (no Spring,
 * no process engine) straight from {@code processes/approval-tier.dmn}. An edge belongs to the lower tier: 50.00 is
 * still the agent's refund, 50.01 the supervisor's.
 */
class ApprovalTierDecisionTests {

    private static final Path DMN_FILE = Path.of("processes", DECISION_KEY + ".dmn");

    private static DmnEngine dmnEngine;
    private static DmnDecision tierDecision;
    private static DmnDecision deadlineDecision;
    private static final List<String> matchedRuleIds = new ArrayList<>();
    private static final Set<String> everMatched = new HashSet<>();

    @BeforeAll
    static void parseDecisions() throws Exception {
        DmnDecisionTableEvaluationListener recordMatchedRules = (DmnDecisionTableEvaluationEvent event) ->
                event.getMatchingRules().forEach(rule -> matchedRuleIds.add(rule.getId()));
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recordMatchedRules))
                .buildEngine();
        try (InputStream in = Files.newInputStream(DMN_FILE)) {
            tierDecision = dmnEngine.parseDecision(DECISION_KEY, in);
        }
        try (InputStream in = Files.newInputStream(DMN_FILE)) {
            deadlineDecision = dmnEngine.parseDecision(DEADLINE_DECISION_KEY, in);
        }
    }

    @BeforeEach
    void forgetMatchedRules() {
        matchedRuleIds.clear();
    }

    @ParameterizedTest(name = "{0} {1} -> {2} ({3})")
    @CsvSource({
            // type,            amount,     tier,             rule
            "refund,            0.01,       agent,            Rule_RefundSmall",
            "refund,            50,         agent,            Rule_RefundSmall",
            "refund,            50.01,      supervisor,       Rule_RefundMedium",
            "refund,            500,        supervisor,       Rule_RefundMedium",
            "refund,            500.01,     manager,          Rule_RefundLarge",
            "refund,            5000,       manager,          Rule_RefundLarge",
            "refund,            5000.01,    head-of-service,  Rule_RefundVeryLarge",
            "refund,            1000000,    head-of-service,  Rule_RefundVeryLarge",
            "credit,            0.01,       agent,            Rule_CreditSmall",
            "credit,            100,        agent,            Rule_CreditSmall",
            "credit,            100.01,     supervisor,       Rule_CreditMedium",
            "credit,            1000,       supervisor,       Rule_CreditMedium",
            "credit,            1000.01,    manager,          Rule_CreditLarge",
            "credit,            10000,      manager,          Rule_CreditLarge",
            "credit,            10000.01,   head-of-service,  Rule_CreditVeryLarge",
            "goodwill,          0.01,       agent,            Rule_GoodwillSmall",
            "goodwill,          30,         agent,            Rule_GoodwillSmall",
            "goodwill,          30.01,      supervisor,       Rule_GoodwillMedium",
            "goodwill,          250,        supervisor,       Rule_GoodwillMedium",
            "goodwill,          250.01,     manager,          Rule_GoodwillLarge",
            "goodwill,          2500,       manager,          Rule_GoodwillLarge",
            "goodwill,          2500.01,    head-of-service,  Rule_GoodwillVeryLarge",
            "policy-exception,  0.01,       manager,          Rule_PolicyExceptionUpTo1000",
            "policy-exception,  1000,       manager,          Rule_PolicyExceptionUpTo1000",
            "policy-exception,  1000.01,    head-of-service,  Rule_PolicyExceptionAbove1000",
            "discount,          10,         head-of-service,  Rule_UnknownType",
    })
    void theLowestTierAllowedToDecide(String type, double amount, String tier, String rule) {
        assertThat(tier(type, amount)).isEqualTo(tier);
        assertThat(matchedRuleIds).containsExactly(rule);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "agent,            PT4H,  Rule_DeadlineAgent",
            "supervisor,       P1D,   Rule_DeadlineSupervisor",
            "manager,          P2D,   Rule_DeadlineManager",
            "head-of-service,  P3D,   Rule_DeadlineHeadOfService",
    })
    void howLongEachTierHasToDecide(String tier, String deadline, String rule) {
        DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(deadlineDecision, Map.of(VAR_CURRENT_TIER, tier));
        assertThat((String) result.getSingleEntry()).isEqualTo(deadline);
        assertThat(matchedRuleIds).containsExactly(rule);
        assertThat(java.time.Duration.parse(deadline)).isPositive();
    }

    @Test
    void everyTypeTheApiAcceptsGetsExactlyOneTierForEveryAmountAndTiersNeverGoDownAsAmountsRise() {
        List<String> types = List.of("refund", "credit", "goodwill", "policy-exception"); // ApprovalProperties' default
        double[] amounts = {0.01, 1, 25, 30, 49.99, 50, 50.01, 99, 100, 100.01, 250, 499.99, 500, 500.01, 999, 1000,
                1000.01, 2500, 2500.01, 4999, 5000, 5000.01, 9999, 10000, 10000.01, 250000, 1000000};
        for (String type : types) {
            int previous = -1;
            for (double amount : amounts) {
                String tier = tier(type, amount); // UNIQUE: an overlap would throw, a gap would give null
                assertThat(ApprovalTiers.TIERS).as("%s %s", type, amount).contains(tier);
                int index = ApprovalTiers.TIERS.indexOf(tier);
                assertThat(index).as("%s %s must not need a lower tier than a smaller amount", type, amount).isGreaterThanOrEqualTo(previous);
                previous = index;
            }
            assertThat(tier(type, 1000000)).as("the largest amount of %s", type).isEqualTo(TIER_HEAD_OF_SERVICE);
        }
    }

    @Test
    void policyExceptionsAreNeverDecidedByAgentsOrSupervisors() {
        for (double amount : new double[] {0.01, 1, 10, 50}) {
            assertThat(tier("policy-exception", amount)).isIn(TIER_MANAGER, TIER_HEAD_OF_SERVICE);
        }
    }

    @Test
    void tablesUseUniqueHitPolicyAndEveryRuleIsDescribed() throws Exception {
        DmnModelInstance model = Dmn.readModelFromFile(DMN_FILE.toFile());
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
            for (Rule rule : table.getRules()) {
                assertThat(rule.getDescription()).as("description of %s", rule.getId()).isNotNull();
                assertThat(rule.getDescription().getTextContent()).isNotBlank();
            }
        }
        assertThat(model.getModelElementsByType(Decision.class)).extracting(Decision::getId)
                .containsExactlyInAnyOrder(DECISION_KEY, DEADLINE_DECISION_KEY);
        assertThat(model.getModelElementsByType(Decision.class))
                .allSatisfy(decision -> assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("3650"));
    }

    private static String tier(String type, double amount) {
        matchedRuleIds.clear();
        DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(tierDecision, Map.of(VAR_TYPE, type, VAR_AMOUNT, amount));
        everMatched.addAll(matchedRuleIds);
        return result.getSingleEntry();
    }

    @AfterAll
    static void noUnusedRules() {
        // not an assertion of its own test (order-independent): every tier rule was reached by the edge cases above
        DmnModelInstance model = Dmn.readModelFromFile(DMN_FILE.toFile());
        DecisionTable table = model.getModelElementById("DecisionTable_ApprovalTier");
        assertThat(everMatched).containsAll(table.getRules().stream().map(Rule::getId).toList());
    }
}
