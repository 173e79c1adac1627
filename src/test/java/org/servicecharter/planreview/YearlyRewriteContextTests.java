package org.servicecharter.planreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The yearly rewrite of the policies is written from the year's customer comments and employees' survey answers:
 * the task shows both (issue 19, point 6). Years far ahead keep other tests' rows out of the exact texts.
 */
@ServiceCharterTest
class YearlyRewriteContextTests {

    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired PlanReviews reviews;
    @Autowired JdbcTemplate jdbc;

    final List<String> started = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        started.forEach(id -> runtimeService.deleteProcessInstance(id, "test over"));
    }

    @Test
    void theRewriteTaskShowsTheYearsCustomerCommentsAndEmployeesAnswers() {
        comment("The courier was friendly this time.", LocalDateTime.of(2097, 3, 2, 10, 0));
        comment("Nobody called me back.", LocalDateTime.of(2097, 11, 20, 16, 30));
        comment("A comment of the year before.", LocalDateTime.of(2096, 12, 31, 10, 0));
        comment("A comment of the year after.", LocalDateTime.of(2098, 1, 1, 10, 0));
        reviews.answer("2097-Q2", ANSWER_SURVEY, "alice", "alice", LocalDateTime.of(2097, 7, 20, 9, 0),
                Map.of(VAR_CHANGE_EFFECT, "better", VAR_SURVEY_COMMENT, "Fewer repeat calls."));
        reviews.answer("2097-Q4", ANSWER_SURVEY, "bob", "bob", LocalDateTime.of(2098, 1, 20, 9, 0), Map.of(VAR_CHANGE_EFFECT, "worse"));
        reviews.answer("2097-Q4", ANSWER_TRAINING, "maria", "maria", LocalDateTime.of(2098, 1, 10, 9, 0), Map.of("findings", "not a survey"));

        Task rewrite = rewriteTaskOf("2097-Q4");

        assertThat(taskService.getVariableLocal(rewrite.getId(), YearlyRewriteContext.VAR_YEAR_CUSTOMER_COMMENTS)).isEqualTo("""
                2 customer comments in 2097, newest first:
                - "Nobody called me back."
                - "The courier was friendly this time.\"""");
        assertThat(taskService.getVariableLocal(rewrite.getId(), YearlyRewriteContext.VAR_YEAR_EMPLOYEE_ANSWERS)).isEqualTo("""
                Employees on how the changes affected their work, 2097:
                - 2097-Q2, Alice Agent: better — "Fewer repeat calls."
                - 2097-Q4, Bob Agent: worse""");
    }

    @Test
    void aYearWithoutCommentsOrAnswersSaysSo() {
        Task rewrite = rewriteTaskOf("2099-Q4");

        assertThat(taskService.getVariableLocal(rewrite.getId(), YearlyRewriteContext.VAR_YEAR_CUSTOMER_COMMENTS))
                .isEqualTo("No customer left a comment with their survey in 2099.");
        assertThat(taskService.getVariableLocal(rewrite.getId(), YearlyRewriteContext.VAR_YEAR_EMPLOYEE_ANSWERS))
                .isEqualTo("No employee has answered the survey about the changes in 2099 yet.");
    }

    @Test
    void aYearOfManyCommentsShowsTheNewestThatFitAndCountsTheRest() {
        for (int i = 1; i <= 120; i++) {
            comment(String.format("Comment %03d of a busy year, long enough to fill the form quickly.", i),
                    LocalDateTime.of(2095, 1, 1, 8, 0).plusHours(i));
        }
        String shown = (String) taskService.getVariableLocal(rewriteTaskOf("2095-Q4").getId(),
                YearlyRewriteContext.VAR_YEAR_CUSTOMER_COMMENTS);

        assertThat(shown.length()).isLessThanOrEqualTo(4000);
        List<String> lines = shown.lines().toList();
        assertThat(lines.get(0)).isEqualTo("120 customer comments in 2095, newest first:");
        assertThat(lines.get(1)).contains("Comment 120 of a busy year");
        int listed = lines.size() - 2;
        assertThat(lines.get(lines.size() - 1)).isEqualTo("(and " + (120 - listed) + " earlier ones, in the complaints register)");
        assertThat(lines.get(lines.size() - 2)).contains(String.format("Comment %03d", 120 - listed + 1));
    }

    @Test
    void theRewriteFormShowsBothReadOnly() throws Exception {
        String form = Files.readString(Path.of("forms", FORM_REWRITE_POLICIES + ".form"));
        for (String key : List.of(YearlyRewriteContext.VAR_YEAR_CUSTOMER_COMMENTS, YearlyRewriteContext.VAR_YEAR_EMPLOYEE_ANSWERS)) {
            assertThat(form).containsPattern("\"key\": \"" + key + "\",\\s*\"label\": \"[^\"]+\",\\s*\"disabled\": true");
        }
    }

    private Task rewriteTaskOf(String period) {
        ProcessInstance pi = runtimeService.createProcessInstanceByKey(PROCESS_KEY).businessKey(period)
                .setVariable(VAR_PERIOD, period).setVariable(VAR_YEARLY, true)
                .startBeforeActivity(REWRITE_POLICIES).execute();
        started.add(pi.getId());
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(REWRITE_POLICIES).singleResult();
    }

    private void comment(String comment, LocalDateTime answeredAt) {
        jdbc.update("""
                INSERT INTO complaint (reference, process_instance_id, received_at, customer_name, customer_email, channel, category,
                  description, status, resolved_at, survey_rating, survey_comment, survey_answered_at)
                VALUES (?, ?, ?, 'Seeded Customer', 'seeded@example.com', 'email', 'delivery', 'Seeded for the yearly rewrite',
                  'CLOSED', ?, 3, ?, ?)""", "PRY-" + PlanReviewFixtures.unique(), "seed-" + PlanReviewFixtures.unique(),
                Timestamp.valueOf(answeredAt.minusDays(3)), Timestamp.valueOf(answeredAt.minusDays(1)), comment, Timestamp.valueOf(answeredAt));
    }
}
