package org.servicecharter.audit;

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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * A complaint scripted step by step on a fixed engine clock, so that every history entry has a known time and the
 * trail can be asserted entry by entry. Returns the process instance id; the instance is finished.
 *
 * <pre>
 * T0 09:00 alice logs a phone complaint about bob's delivery (business key = reference)
 * T1 09:05 alice claims "Contact customer, apologise and resolve"
 * T2 09:10 demo (administrator) reassigns it to bob; T3 09:11 demo annotates that operation
 * T4 09:15 demo raises priority medium → high (a user operation on a variable)
 * T5 09:20 bob comments on the task
 * T6 +1 day 09:00 the SLA timer fires: supervisors are asked to follow up
 * T7 +1 day 10:30 bob resolves it with a goodwill gesture (the supervisors' follow-up is cancelled)
 * T8 +1 day 10:31 the survey is sent (asynchronous step)
 * T9 +1 day 12:00 the customer answers the survey with 4 → closed
 * </pre>
 */
final class AuditScenario {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final String ANNOTATION = "Alice is on leave this afternoon";
    static final String COMMENT = "Called the customer: the parcel is at the depot.";

    private final ProcessEngine engine;

    AuditScenario(ProcessEngine engine) {
        this.engine = engine;
    }

    static Instant at(String offset) {
        // offsets like "0:05" (hours:minutes after T0) or "1d 1:30"
        long days = 0;
        String time = offset;
        if (offset.contains("d ")) {
            days = Long.parseLong(offset.substring(0, offset.indexOf('d')));
            time = offset.substring(offset.indexOf(' ') + 1);
        }
        String[] hm = time.split(":");
        return T0.plusSeconds(days * 86400 + Long.parseLong(hm[0]) * 3600 + Long.parseLong(hm[1]) * 60);
    }

    String run(String reference) {
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        ManagementService management = engine.getManagementService();
        HistoryService history = engine.getHistoryService();
        IdentityService identity = engine.getIdentityService();
        try {
            clock("0:00");
            as("alice", "agents", "employees");
            Map<String, Object> intake = new HashMap<>();
            intake.put(VAR_REFERENCE, reference);
            intake.put(VAR_CUSTOMER_NAME, "Carla Customer");
            intake.put(VAR_CUSTOMER_EMAIL, "carla@example.com");
            intake.put(VAR_CHANNEL, "phone");
            intake.put(VAR_CATEGORY, "delivery");
            intake.put(VAR_DESCRIPTION, "The parcel came a week late and the courier was rude.");
            intake.put(VAR_ABOUT_EMPLOYEE, "maria"); // not bob, who handles it: nobody handles a complaint about themselves
            intake.put(VAR_ORDER_REFERENCE, "ORD-7");
            // version 1 is the application's own deployment; other tests deploy revised versions in the same context
            String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                    .processDefinitionVersion(1).singleResult().getId();
            String pi = runtime.startProcessInstanceById(definitionId, reference, intake).getId();
            Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(HANDLE_COMPLAINT).singleResult();

            clock("0:05");
            tasks.claim(task.getId(), "alice");

            clock("0:10");
            as("demo", "camunda-admin");
            tasks.setAssignee(task.getId(), "bob");
            List<UserOperationLogEntry> assign = history.createUserOperationLogQuery().taskId(task.getId())
                    .operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN).listPage(0, 10);
            clock("0:11");
            history.setAnnotationForOperationLogById(assign.get(0).getOperationId(), ANNOTATION);

            clock("0:15");
            runtime.setVariable(pi, VAR_PRIORITY, "high");

            clock("0:20");
            as("bob", "agents", "employees");
            tasks.createComment(task.getId(), pi, COMMENT);

            clock("1d 0:00");
            identity.clearAuthentication();
            Job sla = management.createJobQuery().processInstanceId(pi).activityId(SLA_BREACHED).singleResult();
            management.executeJob(sla.getId());

            clock("1d 1:30");
            as("bob", "agents", "employees");
            Map<String, Object> resolution = new HashMap<>();
            resolution.put(VAR_CUSTOMER_CONTACTED, true);
            resolution.put(VAR_APOLOGISED, true);
            resolution.put(VAR_RESOLUTION, "Apologised; parcel delivered by hand.");
            resolution.put(VAR_GOODWILL_PROPOSED, true);
            resolution.put(VAR_GOODWILL_AMOUNT, 15.0);
            resolution.put(VAR_GOODWILL_REASON, "A week late");
            tasks.complete(task.getId(), resolution);

            clock("1d 1:31");
            identity.clearAuthentication();
            Job survey = management.createJobQuery().processInstanceId(pi).activityId(SEND_SURVEY).singleResult();
            management.executeJob(survey.getId());

            clock("1d 3:00");
            runtime.createMessageCorrelation(MESSAGE_SURVEY_ANSWERED).processInstanceId(pi)
                    .setVariable(VAR_SURVEY_RATING, 4).correlate();
            return pi;
        } finally {
            identity.clearAuthentication();
            ClockUtil.reset();
        }
    }

    private void as(String user, String... groups) {
        engine.getIdentityService().setAuthentication(user, List.of(groups));
    }

    private static void clock(String offset) {
        ClockUtil.setCurrentTime(Date.from(at(offset)));
    }
}
