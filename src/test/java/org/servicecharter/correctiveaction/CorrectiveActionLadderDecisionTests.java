package org.servicecharter.correctiveaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

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
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The corrective-action ladder and its look-back window, rule by rule, evaluated by a plain DMN engine (no Spring) straight
 * from {@code processes/corrective-action-ladder.dmn}. Every rule is hit by at least one case.
 */
class CorrectiveActionLadderDecisionTests {

    private static final Path DMN_FILE = Path.of("processes", "corrective-action-ladder.dmn");

    private static DmnEngine dmnEngine;
    private static DmnDecision ladder;
    private static DmnDecision lookBack;
    private static final List<String> matched = new ArrayList<>();
    private static final Set<String> everMatched = new HashSet<>();

    @BeforeAll
    static void parse() throws Exception {
        DmnDecisionTableEvaluationListener record = (DmnDecisionTableEvaluationEvent event) ->
                event.getMatchingRules().forEach(rule -> {
                    matched.add(rule.getId());
                    everMatched.add(rule.getId());
                });
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(record)).buildEngine();
        try (InputStream in = Files.newInputStream(DMN_FILE)) {
            ladder = dmnEngine.parseDecision(LADDER_DECISION_KEY, in);
        }
        try (InputStream in = Files.newInputStream(DMN_FILE)) {
            lookBack = dmnEngine.parseDecision(LOOK_BACK_DECISION_KEY, in);
        }
    }

    @BeforeEach
    void clear() {
        matched.clear();
    }

    @AfterAll
    static void everyRuleIsTested() {
        DmnModelInstance model = Dmn.readModelFromFile(DMN_FILE.toFile());
        Set<String> all = new HashSet<>();
        model.getModelElementsByType(Rule.class).forEach(rule -> all.add(rule.getId()));
        assertThat(everMatched).as("rules hit by the tests").containsExactlyInAnyOrderElementsOf(all);
    }

    @ParameterizedTest(name = "{0} with highest prior rung {1} -> {2} ({3})")
    @CsvSource({
            // first offences
            "minor,            0, coaching,        Rule_FirstMinorOffence",
            "serious,          0, written-warning, Rule_FirstSeriousOffence",
            "gross-misconduct, 0, hr-review,       Rule_GrossMisconduct",
            // one step up from the highest prior action in the window, whatever the severity
            "minor,            1, written-warning, Rule_AfterCoaching",
            "serious,          1, written-warning, Rule_AfterCoaching",
            "minor,            2, final-warning,   Rule_AfterWrittenWarning",
            "serious,          2, final-warning,   Rule_AfterWrittenWarning",
            "minor,            3, hr-review,       Rule_AfterFinalWarning",
            "serious,          3, hr-review,       Rule_AfterFinalWarning",
            "minor,            4, hr-review,       Rule_AfterFinalWarning",
            // gross misconduct always goes to HR
            "gross-misconduct, 2, hr-review,       Rule_GrossMisconduct",
    })
    void eachRungOfTheLadder(String severity, int highestPriorRung, String expected, String rule) {
        DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(ladder,
                Map.of(VAR_SEVERITY, severity, VAR_HIGHEST_PRIOR_RUNG, highestPriorRung));

        assertThat((String) result.getSingleEntry()).isEqualTo(expected);
        assertThat(matched.get(0)).isEqualTo(rule);
        assertThat(LadderStep.of(expected)).get().matches(LadderStep.DECIDABLE::contains);
    }

    @Test
    void anUnknownSeverityMatchesNoRuleAndTheProcessRefusesIt() {
        DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(ladder,
                Map.of(VAR_SEVERITY, "catastrophic", VAR_HIGHEST_PRIOR_RUNG, 0));
        assertThat(result.getResultList()).isEmpty();
    }

    @Test
    void everyStepTheLadderCanDecideIsAKnownStep() {
        for (String severity : SEVERITIES) {
            for (int rung = 0; rung <= 4; rung++) {
                String step = dmnEngine.evaluateDecisionTable(ladder, Map.of(VAR_SEVERITY, severity, VAR_HIGHEST_PRIOR_RUNG, rung))
                        .getSingleEntry();
                assertThat(LadderStep.of(step)).as("%s at rung %d -> %s", severity, rung, step).isPresent();
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"minor", "serious", "gross-misconduct"})
    void theLookBackWindowIsTwelveMonths(String severity) {
        String window = dmnEngine.evaluateDecisionTable(lookBack, Map.of(VAR_SEVERITY, severity)).getSingleEntry();
        assertThat(window).isEqualTo("P12M");
        assertThat(CorrectiveActionRecords.parseWindow(window)).isEqualTo(java.time.Period.ofMonths(12));
        assertThat(matched).containsExactly("Rule_TwelveMonths");
    }
}
