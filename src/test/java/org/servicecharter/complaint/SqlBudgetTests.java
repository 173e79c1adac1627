package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.SqlCounting.statementsOf;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SQL statements per step of a complaint, counted with datasource-proxy, kept under a budget so that a change
 * that makes a step chattier fails the build. Budgets are the counts measured on H2 when they were set (start 24,
 * complete 34, send survey 20, end 42) plus about 20 %; lower them when a change makes a step cheaper. Measured on
 * 2026-12-03: start 24, complete 36, send survey 21, end 41 (the README's benchmark section).
 */
@ServiceCharterTest
class SqlBudgetTests {

    static final int START_BUDGET = 29;
    static final int COMPLETE_BUDGET = 41;
    static final int SEND_SURVEY_BUDGET = 24;
    static final int END_BUDGET = 50;

    @Autowired
    ComplaintIntakeService intake;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    SurveyService surveys;

    @Autowired
    CustomerMessages messages;

    @Test
    void eachStepOfAComplaintStaysWithinItsStatementBudget() {
        ComplaintIntake complaint = new ComplaintIntake("Budget Customer", "budget@example.com", "email", "delivery",
                "Counting statements.", null, null);
        intake.file(complaint); // warm caches (definitions, DMN) so the budget measures the steady state

        String[] reference = new String[1];
        long start = statementsOf(() -> reference[0] = intake.file(complaint));
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference[0]).singleResult();
        long complete = statementsOf(() -> taskService.complete(task.getId(), Map.of(ComplaintProcess.VAR_RESOLUTION, "Done.")));
        String job = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).messages().singleResult().getId();
        long sendSurvey = statementsOf(() -> managementService.executeJob(job));
        String token = messages.forReference(reference[0]).stream().filter(m -> m.body().contains("/survey/")).findFirst().orElseThrow().body().replaceAll("(?s).*/survey/([A-Za-z0-9_-]{43}).*", "$1");
        long end = statementsOf(() -> surveys.answer(token, 5, null));

        System.out.printf("SQL statements per step: start %d, complete task %d, send survey %d, answer survey (end) %d%n",
                start, complete, sendSurvey, end);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getState()).isEqualTo("COMPLETED");
        assertThat(start).as("start (intake to the waiting user task)").isPositive().isLessThanOrEqualTo(START_BUDGET);
        assertThat(complete).as("complete the handling task").isPositive().isLessThanOrEqualTo(COMPLETE_BUDGET);
        assertThat(sendSurvey).as("send the survey (async job)").isPositive().isLessThanOrEqualTo(SEND_SURVEY_BUDGET);
        assertThat(end).as("answer the survey (end)").isPositive().isLessThanOrEqualTo(END_BUDGET);
    }
}
