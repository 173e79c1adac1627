package org.servicecharter.planreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The review's figures from a seeded history: known complaints, breaches, surveys, approvals → known numbers. */
@ServiceCharterTest
class PlanFiguresTests {

    @Autowired PlanFigures planFigures;
    @Autowired JdbcTemplate jdbc;

    PlanReviewFixtures fixtures;

    @AfterEach
    void removeSeededHistory() {
        if (fixtures != null) {
            fixtures.removeHistory();
        }
    }

    @Test
    void figuresOfASeededQuarterAreExactlyTheKnownNumbers() {
        fixtures = new PlanReviewFixtures(jdbc);
        ReviewPeriod q = ReviewPeriod.parse("2091-Q2");
        fixtures.seedBaseline(q);

        PlanFigures.Figures f = planFigures.compute(q.start(), q.end());

        assertThat(f.from()).isEqualTo("2091-04-01T00:00");
        assertThat(f.to()).isEqualTo("2091-07-01T00:00");
        assertThat(f.complaints()).isEqualTo(5);
        assertThat(f.complaintsByCategory()).isEqualTo(Map.of("delivery", 3L, "billing", 2L));
        assertThat(f.complaintsByChannel()).isEqualTo(Map.of("email", 3L, "phone", 2L));
        assertThat(f.slaBreaches()).isEqualTo(2);
        assertThat(f.escalationsToManagers()).isEqualTo(1);
        // resolved in the quarter: 2 h, 4 h, 6 h, 12 h and the one received just before it (1 h 0 min 1 s)
        assertThat(f.complaintsResolved()).isEqualTo(5);
        assertThat(f.averageHoursToResolve()).isEqualTo(5.0);
        assertThat(f.surveysAnswered()).isEqualTo(4);
        assertThat(f.surveyResponseRate()).isEqualTo(0.8);
        assertThat(f.averageSurveyRating()).isEqualTo(3.0);
        assertThat(f.approvalRequests()).isEqualTo(5);
        assertThat(f.approvalsByTierAndOutcome()).isEqualTo(Map.of(
                "self", Map.of("approved", 2L),
                "supervisor", Map.of("approved", 1L, "rejected", 1L),
                "manager", Map.of("open", 1L)));
        assertThat(f.handbookSignOffsDue()).isEqualTo(4);
        assertThat(f.handbookSignOffsSigned()).isEqualTo(2);
        assertThat(f.handbookSignOffCompletion()).isEqualTo(0.5);
        assertThat(f.correctiveActionsOpened()).isEqualTo(2);

        assertThat(planFigures.summary(f)).contains("Complaints received: 5", "SLA breaches: 2", "response rate 80.0 %")
                .contains("by category billing 2, delivery 3; by channel email 3, phone 2").doesNotContain("{").doesNotContain("=");
        assertThat(planFigures.approvalsSummary(f)).isEqualTo("Approval requests: 5 — manager: open 1; self-authorised: approved 2;"
                + " supervisor: approved 1, rejected 1");
    }

    @Test
    void aQuarterWithoutAnyRecordHasZeroCountsAndNoAverages() {
        ReviewPeriod q = ReviewPeriod.parse("2097-Q3");
        PlanFigures.Figures f = planFigures.compute(q.start(), q.end());
        assertThat(f.complaints()).isZero();
        assertThat(f.averageHoursToResolve()).isNull();
        assertThat(f.surveyResponseRate()).isNull();
        assertThat(f.averageSurveyRating()).isNull();
        assertThat(f.handbookSignOffCompletion()).isNull();
    }

    @Test
    void theComparisonSaysWhichFiguresImprovedAndWhichGotWorse() {
        ReviewPeriod q = ReviewPeriod.parse("2091-Q2");
        PlanFigures.Figures before = new PlanFigures.Figures("a", "b", 10, Map.of(), Map.of(), 4, 2, 8, 10.0, 4, 0.5, 3.0, 3,
                Map.of(), 4, 2, 0.5, 1, 3);
        PlanFigures.Figures after = new PlanFigures.Figures("b", "c", 6, Map.of(), Map.of(), 4, 3, 6, 5.5, 4, 0.6667, 4.5, 5,
                Map.of(), 0, 0, null, 0, 1);
        PlanFigures.Comparison c = planFigures.compare(before, after);
        Map<String, PlanFigures.Change> byFigure = new java.util.HashMap<>();
        c.changes().forEach(ch -> byFigure.put(ch.figure(), ch));
        assertThat(byFigure.get("complaints").verdict()).isEqualTo("improved");
        assertThat(byFigure.get("complaints").difference()).isEqualTo(-4.0);
        assertThat(byFigure.get("slaBreaches").verdict()).isEqualTo("unchanged");
        assertThat(byFigure.get("escalationsToManagers").verdict()).isEqualTo("worse");
        assertThat(byFigure.get("averageHoursToResolve").verdict()).isEqualTo("improved");
        assertThat(byFigure.get("surveyResponseRate").verdict()).isEqualTo("improved");
        assertThat(byFigure.get("averageSurveyRating").difference()).isEqualTo(1.5);
        assertThat(byFigure.get("approvalRequests").verdict()).isEqualTo("higher");
        assertThat(byFigure.get("handbookSignOffCompletion").verdict()).isEqualTo("no-data");
        assertThat(byFigure.get("serviceRecoveries").verdict()).as("fewer recoveries are better").isEqualTo("improved");
        assertThat(q.label()).isEqualTo("2091-Q2");
    }

    @Test
    void periodsAreQuartersAndTheTimerReviewsTheQuarterThatEnded() {
        assertThat(ReviewPeriod.previousQuarter(java.time.LocalDate.of(2026, 4, 1)).label()).isEqualTo("2026-Q1");
        assertThat(ReviewPeriod.previousQuarter(java.time.LocalDate.of(2027, 1, 4)).label()).isEqualTo("2026-Q4");
        assertThat(ReviewPeriod.parse("2026-Q4").to()).isEqualTo(java.time.LocalDate.of(2027, 1, 1));
    }

    @Test
    void serviceElementsAreRatedAndTheLowestHighlighted() {
        var rated = ServiceElementRatings.rate("Speed of answer: 4\nFriendliness: 5\nCallback within a day: 1\nKnowledge: 2\n", 2);
        assertThat(rated).extracting(ServiceElementRatings.Element::name).containsExactly("Callback within a day", "Knowledge",
                "Speed of answer", "Friendliness");
        assertThat(rated).filteredOn(ServiceElementRatings.Element::weakest).hasSize(2);
        assertThat(ServiceElementRatings.weakestText(rated)).isEqualTo("Callback within a day (1 of 5)\nKnowledge (2 of 5)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServiceElementRatings.rate("Speed of answer: \nFriendliness: 5", 2))
                .hasMessageContaining("Speed of answer");
    }
}
