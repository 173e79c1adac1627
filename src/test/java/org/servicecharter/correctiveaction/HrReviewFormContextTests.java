package org.servicecharter.correctiveaction;

import static org.assertj.core.api.Assertions.*;
import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.WebappSession;
import org.servicecharter.identity.ReportingLines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HR decides a dismissal with the case's context on the form (issue 18): the employee by name, a link to that
 * employee's file among the HR pages, and the corrective actions already on file. The form's text is rendered with
 * the variables Tasklist gives HR's form, and the link is followed as HR.
 */
@ServiceCharterTest
class HrReviewFormContextTests {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired FormService formService;
    @Autowired IdentityService identityService;
    @Autowired ReportingLines reportingLines;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    CorrectiveActionFixtures f;

    @BeforeEach
    void setUp() {
        f = new CorrectiveActionFixtures(identityService, runtimeService, taskService, managementService, reportingLines);
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void theHrReviewFormNamesTheEmployeeLinksToTheirFileAndListsTheLadderOnFile() throws Exception {
        String employee = f.newEmployee("sam");
        User user = identityService.createUserQuery().userId(employee).singleResult();
        user.setFirstName("Rita");
        user.setLastName("Example");
        ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identityService).saveUser(user, true); // as the fixture creates users
        // a coaching three years ago (spent) and a final warning a month ago: the next substantiated complaint goes to HR
        Instant now = Instant.now();
        Instant coachingAt = now.minus(3 * 365, ChronoUnit.DAYS);
        Instant finalWarningAt = now.minus(30, ChronoUnit.DAYS);
        backdated(employee, LadderStep.COACHING.recordType(), "Coached on greeting customers.", coachingAt);
        backdated(employee, LadderStep.FINAL_WARNING.recordType(), "Final warning for shouting at a customer.", finalWarningAt);
        // another employee's record must not show
        backdated(f.newEmployee("sam"), LadderStep.WRITTEN_WARNING.recordType(), "Someone else's warning.", finalWarningAt);

        ProcessInstance pi = f.open("sam", employee);
        f.document("sam", pi, true, "minor");
        Task hrTask = f.task(pi, DECIDE_ON_DISMISSAL);
        assertThat(hrTask).as("the ladder sends the case to HR").isNotNull();

        // what Tasklist gives hana's form
        Map<String, Object> shown = f.as("hana", () -> new HashMap<>(formService.getTaskFormVariables(hrTask.getId())));
        assertThat(shown).containsEntry(VAR_EMPLOYEE, employee).containsEntry(VAR_EMPLOYEE_NAME, "Rita Example");
        assertThat(shown.get(VAR_LADDER_HISTORY)).isEqualTo(date(finalWarningAt) + " Final warning: Final warning for shouting at a customer.\n"
                + date(coachingAt) + " Coaching: Coached on greeting customers.");

        // the form as deployed: the name, not the user id, and a link to this employee's file
        JsonNode form = deployedForm("decide-corrective-hr-review");
        String text = render(component(form, "Text_HrIntro").get("text").asText(), shown);
        assertThat(text).contains("**Rita Example**").doesNotContain("{{");
        Matcher link = Pattern.compile("\\[([^\\]]+)\\]\\(([^)]+)\\)").matcher(text);
        assertThat(link.find()).as("the intro has a link: " + text).isTrue();
        assertThat(link.group(1)).isEqualTo("Rita Example's employee file");
        assertThat(link.group(2)).isEqualTo("/hr/employees/" + employee);
        assertThat(component(form, "Field_HrEmployee").get("key").asText()).isEqualTo(VAR_EMPLOYEE_NAME);
        assertThat(component(form, "Field_HrLadderHistory").get("key").asText()).isEqualTo(VAR_LADDER_HISTORY);
        assertThat(component(form, "Field_HrLadderHistory").get("disabled").asBoolean()).isTrue();

        // followed as HR (in the web apps' session, as from Tasklist): that employee's file
        Http.Response page = WebappSession.login(port, "hana", "tasklist").get(link.group(2));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Rita Example", "Final warning for shouting at a customer.").doesNotContain("Someone else's warning.");

        f.decideHr("hana", pi, HR_RETAIN, "Long service; one more chance.");
        assertThat(taskService.createTaskQuery().taskId(hrTask.getId()).count()).isZero();
    }

    /** form-js's templating as the intro uses it: {{name}} is the form variable's value. */
    private static String render(String template, Map<String, Object> variables) {
        Matcher m = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private JsonNode deployedForm(String key) throws Exception {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult();
        try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), key + ".form")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static JsonNode component(JsonNode form, String id) {
        for (JsonNode c : form.get("components")) {
            if (id.equals(c.get("id").asText())) {
                return c;
            }
        }
        throw new AssertionError("no component " + id);
    }

    private static String date(Instant at) {
        return at.atZone(ZoneId.systemDefault()).toLocalDate().toString();
    }

    private void backdated(String employee, String recordType, String summary, Instant at) {
        jdbc.update("INSERT INTO employee_file_entry (employee_id, recorded_at, record_type, summary, recorded_by, unique_key)"
                + " VALUES (?, ?, ?, ?, ?, ?)", employee, java.sql.Timestamp.from(at), recordType, summary,
                "sam", "test:" + java.util.UUID.randomUUID());
    }
}
