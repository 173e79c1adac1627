package org.servicecharter.complaint;

import java.sql.Timestamp;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the register's queue and SLA columns up to date as the model's tasks are created (the engine's task events,
 * published to Spring, in the transaction that creates the task), so the dashboard's figures are one indexed query on
 * the register instead of a read of tasks: the queue and due date of the complaint's current handling task (the
 * team's task, the managers' escalated one, the supervisors' service recovery), and when the SLA was first breached
 * (the supervisors' follow-up task appears). A task re-routed to another group or given another due date (a
 * supervisor's or manager's change, the task's update event) moves the complaint with it. The model stays as it is.
 */
@Component
class ComplaintQueueTracker {

    private final JdbcTemplate jdbc;

    ComplaintQueueTracker(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(condition = "#task.eventName == 'create' or #task.eventName == 'update'")
    public void onTaskCreatedOrChanged(DelegateTask task) {
        boolean created = TaskListener.EVENTNAME_CREATE.equals(task.getEventName());
        if (!(created || TaskListener.EVENTNAME_UPDATE.equals(task.getEventName())) || task.getProcessDefinitionId() == null
                || !task.getProcessDefinitionId().startsWith(ComplaintProcess.PROCESS_KEY + ":")) {
            return;
        }
        // the complaint's reference is its instance's business key (RegisterComplaintDelegate makes it so); read from
        // the execution, it costs no look-up of the task's variables
        String reference = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (reference == null) {
            return;
        }
        String key = task.getTaskDefinitionKey();
        if (ComplaintProcess.HANDLE_COMPLAINT.equals(key) || ComplaintProcess.MANAGER_RESOLVES.equals(key)
                || ComplaintProcess.RECOVER_SERVICE.equals(key)) {
            Timestamp due = task.getDueDate() == null ? null : new Timestamp(task.getDueDate().getTime());
            jdbc.update("UPDATE complaint SET handling_queue = ?, sla_due_at = COALESCE(?, sla_due_at) WHERE reference = ?",
                    queueOf(task), due, reference);
        } else if (created && ComplaintProcess.FOLLOW_UP_OVERDUE.equals(key)) {
            Instant now = ClockUtil.getCurrentTime().toInstant();
            jdbc.update("UPDATE complaint SET sla_breached_at = COALESCE(sla_breached_at, ?) WHERE reference = ?",
                    Timestamp.from(now), reference);
        }
    }

    /** The task's first candidate group (the queue it waits in); its assignee's queue is the same group. */
    private static String queueOf(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().findFirst().orElse("unassigned");
    }
}
