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

    @Test
    void theTableWeighsImportanceByGapAndHighlightsTheHeaviestRows() {
        var rows = ServiceElementTable.rank(java.util.List.of(new ServiceElementTable.Entry("Speed of answer", 2, 1),
                new ServiceElementTable.Entry("Friendliness", 5, 5), new ServiceElementTable.Entry("Callback within a day", 5, 2),
                new ServiceElementTable.Entry("Knowledge", 4, 3)), 2);
        // weights: 2 × 4 = 8, 5 × 0 = 0, 5 × 3 = 15, 4 × 2 = 8: the lowest rating (speed, 1) is not the weakest alone
        assertThat(rows).extracting(ServiceElementTable.Row::name, ServiceElementTable.Row::weight, ServiceElementTable.Row::weakest)
                .containsExactly(org.assertj.core.api.Assertions.tuple("Callback within a day", 15, true),
                        org.assertj.core.api.Assertions.tuple("Speed of answer", 8, true),
                        org.assertj.core.api.Assertions.tuple("Knowledge", 8, true),
                        org.assertj.core.api.Assertions.tuple("Friendliness", 0, false));
        assertThat(ServiceElementTable.weakestText(rows)).startsWith("Callback within a day: importance 5, rated 2 of 5, weight 15\n");
        // a table rated perfectly highlights nothing
        assertThat(ServiceElementTable.rank(java.util.List.of(new ServiceElementTable.Entry("Friendliness", 5, 5)), 2))
                .noneMatch(ServiceElementTable.Row::weakest);
    }

    @Test
    void aBadRowIsRefusedByItsNumberAndName() {
        Map<String, Object> form = new java.util.HashMap<>();
        form.put("element1Name", "Speed of answer");
        form.put("element1Importance", 3);
        form.put("element1Rating", 6);
        form.put("element2Name", " speed of ANSWER ");
        form.put("element2Importance", 2L);
        form.put("element2Rating", 2.0);
        form.put("element4Name", "Knowledge");
        form.put("element4Importance", 2.5);
        form.put("element4Rating", "3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServiceElementTable.read(form::get, java.util.List.of("Friendliness")))
                .isInstanceOf(org.servicecharter.platform.Rejected.class)
                .hasMessage("The service-element table cannot be recorded: row 1 (Speed of answer): give the rating from 1 to 5; "
                        + "row 2 (speed of ANSWER): the element is already in the table; row 4 (Knowledge): give the importance from 1 to 5; "
                        + "the element 'Friendliness' is missing: rate it.");
        form.put("element1Rating", 1);
        form.put("element2Name", "");
        form.put("element4Importance", 4);
        assertThat(ServiceElementTable.read(form::get, java.util.List.of("Speed of answer"))).containsExactly(
                new ServiceElementTable.Entry("Speed of answer", 3, 1), new ServiceElementTable.Entry("Knowledge", 4, 3));
    }

    @Test
    void theTableRatedAgainIsComparedRowByRow() {
        var before = ServiceElementTable.rank(java.util.List.of(new ServiceElementTable.Entry("Speed of answer", 4, 2),
                new ServiceElementTable.Entry("Knowledge", 3, 4), new ServiceElementTable.Entry("Parking", 1, 1)), 1);
        var after = ServiceElementTable.rank(java.util.List.of(new ServiceElementTable.Entry("Speed of answer", 4, 4),
                new ServiceElementTable.Entry("Knowledge", 3, 3), new ServiceElementTable.Entry("Online chat", 2, 3)), 1);
        assertThat(ServiceElementTable.comparisonText(ServiceElementTable.compare(before, after))).isEqualTo("""
                Speed of answer: importance 4 → 4, rating 2 → 4, weight 12 → 4 (improved)
                Parking: importance 1 → —, rating 1 → —, weight 4 → — (not rated again)
                Knowledge: importance 3 → 3, rating 4 → 3, weight 3 → 6 (worse)
                Online chat: importance — → 2, rating — → 3, weight — → 4 (new)""");
    }

    @Test
    void aReMeasureTimeIsDaysOrAPeriodOfAtMostTwoYears() {
        assertThat(RemeasureTime.parse("90")).isEqualTo(java.time.Period.ofDays(90));
        assertThat(RemeasureTime.parse(" p2m ")).isEqualTo(java.time.Period.ofMonths(2));
        assertThat(RemeasureTime.parse("P6W")).isEqualTo(java.time.Period.ofDays(42));
        assertThat(RemeasureTime.parse("P2Y")).isEqualTo(java.time.Period.ofYears(2));
        for (String bad : java.util.List.of("soon", "0", "P0D", "-P1M", "P1M-2D", "P3Y", "800", "PT5H")) {
            assertThat(RemeasureTime.parse(bad)).as(bad).isNull();
        }
        assertThat(RemeasureTime.words("P1Y2M")).isEqualTo("1 year and 2 months");
        assertThat(RemeasureTime.words("P45D")).isEqualTo("45 days");
    }
}
