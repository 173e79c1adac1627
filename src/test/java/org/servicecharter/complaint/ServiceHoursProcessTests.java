package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.servicecharter.complaint.ComplaintProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.audit.AuditTrailService;
import org.servicecharter.audit.TimelineEntry;
import org.servicecharter.platform.engine.ServiceHoursCalendar;
import org.servicecharter.platform.engine.ServiceHoursProperties;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The complaint's SLA in service hours, with the application's engine, model, decision and beans: the agent's due
 * date and the SLA and manager escalation timers count the department's open hours (here Monday-Friday 08:00-18:00
 * UTC, Monday 2026-03-16 a public holiday, put into the engine's "serviceHours" calendar for these tests; the suite's
 * configuration is around the clock), the timers fire at that time and not before, the audit trail shows the due
 * dates the calendar computed, and the survey window stays calendar time.
 */
@ServiceCharterTest
class ServiceHoursProcessTests {

    private static final Instant FRIDAY_5PM = Instant.parse("2026-03-06T17:00:00Z");

    @Autowired
    private ProcessEngine processEngine;
    @Autowired
    private ProcessEngineConfigurationImpl configuration;
    @Autowired
    private ServiceHoursProperties serviceHours;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private ManagementService managementService;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private IdentityService identityService;
    @Autowired
    private AuditTrailService auditTrails;

    @BeforeEach
    void officeHoursWithAHoliday() {
        init(processEngine);
        calendars().addBusinessCalendar(ServiceHoursCalendar.NAME, new ServiceHoursProperties("MONDAY-FRIDAY",
                "08:00-18:00", "UTC", List.of("2026-03-16")).calendar());
    }

    @AfterEach
    void theConfiguredHoursAndTheRealClock() {
        calendars().addBusinessCalendar(ServiceHoursCalendar.NAME, serviceHours.calendar());
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void anSlaThatDoesNotFitFridayEndsOnMondayAndItsTimerFiresThenNotOverTheWeekend() {
        ClockUtil.setCurrentTime(Date.from(FRIDAY_5PM));
        // product by phone: PT4H to resolve, PT8H before a manager takes over
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_KEY, intake("product", "phone"));
        assertThat(pi).variables().containsEntry(VAR_SLA_DURATION, "PT4H").containsEntry(VAR_MANAGER_ESCALATION_DURATION, "PT8H");

        // one open hour on Friday, three on Monday
        Date mondayEleven = date("2026-03-09T11:00:00Z");
        assertThat(task(HANDLE_COMPLAINT, pi).getDueDate()).isEqualTo(mondayEleven);
        assertThat(timer(SLA_BREACHED, pi).getDuedate()).as("the SLA timer is the task's due date").isEqualTo(mondayEleven);
        assertThat(timer(SECOND_SLA_BREACH, pi).getDuedate()).isEqualTo(date("2026-03-09T15:00:00Z"));

        // Saturday, and Monday just before eleven: the SLA is not breached yet
        for (String notYet : List.of("2026-03-07T17:00:00Z", "2026-03-09T10:59:00Z")) {
            ClockUtil.setCurrentTime(date(notYet));
            assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).executable().timers().list())
                    .as("timers due at " + notYet).isEmpty();
        }
        ClockUtil.setCurrentTime(mondayEleven);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).executable().timers().list())
                .extracting(Job::getId).containsExactly(timer(SLA_BREACHED, pi).getId());
        execute(timer(SLA_BREACHED, pi));
        assertThat(pi).isWaitingAt(HANDLE_COMPLAINT, FOLLOW_UP_OVERDUE);

        ClockUtil.setCurrentTime(date("2026-03-09T15:00:00Z"));
        execute(timer(SECOND_SLA_BREACH, pi));
        assertThat(pi).isWaitingAt(MANAGER_RESOLVES);

        // the history and the audit trail show the due dates as the calendar computed them
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(HANDLE_COMPLAINT).singleResult().getDueDate()).isEqualTo(mondayEleven);
        assertThat(historyService.createHistoricJobLogQuery().processInstanceId(pi.getId()).activityIdIn(SLA_BREACHED)
                .successLog().list()).extracting(HistoricJobLog::getJobDueDate).containsExactly(mondayEleven);
        identityService.setAuthentication("audit-reader", List.of("auditors"));
        List<TimelineEntry> timeline = auditTrails.trail(pi.getId()).timeline();
        assertThat(timeline).filteredOn(entry -> entry.type().equals("task-created") && HANDLE_COMPLAINT.equals(entry.activityId()))
                .extracting(TimelineEntry::summary).singleElement().asString().endsWith("due 2026-03-09T11:00:00Z");
        assertThat(timeline).filteredOn(entry -> entry.type().equals("timer-fired"))
                .extracting(entry -> entry.activityId() + " due " + entry.details().get("dueDate"))
                .containsExactly(SLA_BREACHED + " due 2026-03-09T11:00:00Z", SECOND_SLA_BREACH + " due 2026-03-09T15:00:00Z");
    }

    @Test
    void aDayIsAServiceDayAndAPublicHolidayIsSkipped() {
        ClockUtil.setCurrentTime(date("2026-03-13T10:00:00Z")); // a Friday; Monday the 16th is a holiday
        // billing: P1D to resolve, P3D before a manager takes over
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_KEY, intake("billing", "email"));
        assertThat(pi).variables().containsEntry(VAR_SLA_DURATION, "P1D").containsEntry(VAR_MANAGER_ESCALATION_DURATION, "P3D");

        assertThat(task(HANDLE_COMPLAINT, pi).getDueDate()).isEqualTo(date("2026-03-17T10:00:00Z"));
        assertThat(timer(SLA_BREACHED, pi).getDuedate()).isEqualTo(date("2026-03-17T10:00:00Z"));
        assertThat(timer(SECOND_SLA_BREACH, pi).getDuedate()).isEqualTo(date("2026-03-19T10:00:00Z"));
    }

    @Test
    void aComplaintReceivedAtNightCountsFromTheNextOpeningWhileTheSurveyWindowStaysCalendarTime() {
        ClockUtil.setCurrentTime(date("2026-03-10T22:30:00Z")); // Tuesday night
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_KEY, intake("product", "phone"));

        assertThat(task(HANDLE_COMPLAINT, pi).getDueDate()).as("PT4H from Wednesday 08:00").isEqualTo(date("2026-03-11T12:00:00Z"));

        ClockUtil.setCurrentTime(date("2026-03-11T09:15:00Z"));
        complete(task(HANDLE_COMPLAINT, pi), withVariables(VAR_CUSTOMER_CONTACTED, true, VAR_APOLOGISED, true,
                VAR_RESOLUTION, "Apologised and replaced the product.", VAR_GOODWILL_PROPOSED, false));
        execute(job(SEND_SURVEY, pi));

        assertThat(pi).isWaitingAt(AWAIT_SURVEY_ANSWER);
        assertThat(timer(SURVEY_EXPIRED, pi).getDuedate()).as("P14D in calendar days, like the survey link")
                .isEqualTo(date("2026-03-25T09:15:00Z"));
    }

    private MapBusinessCalendarManager calendars() {
        return (MapBusinessCalendarManager) configuration.getBusinessCalendarManager();
    }

    private Job timer(String activityId, ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
    }

    private static Date date(String instant) {
        return Date.from(Instant.parse(instant));
    }

    private static Map<String, Object> intake(String category, String channel) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CUSTOMER_NAME, "Grace Customer");
        variables.put(VAR_CUSTOMER_EMAIL, "grace@example.com");
        variables.put(VAR_CHANNEL, channel);
        variables.put(VAR_CATEGORY, category);
        variables.put(VAR_DESCRIPTION, "Nobody answered my e-mails for a week.");
        return variables;
    }
}
