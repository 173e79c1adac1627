package org.servicecharter.complaint;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.servicecharter.messaging.Message;
import org.servicecharter.messaging.Outbox;
import org.servicecharter.messaging.StaffAddresses;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears of an overdue complaint: when the SLA is breached the supervisors (their follow-up task), when it is
 * breached again the managers (the escalated complaint). Each gets a message linking to the task in Tasklist, queued in
 * the transaction that creates the task (the engine's task events, published to Spring), so the model stays as it is.
 */
@Component
class ComplaintEscalationMails {

    private final Outbox outbox;
    private final StaffAddresses staff;

    ComplaintEscalationMails(Outbox outbox, StaffAddresses staff) {
        this.outbox = outbox;
        this.staff = staff;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onTaskCreated(DelegateTask task) {
        if (task.getProcessDefinitionId() == null || !task.getProcessDefinitionId().startsWith(ComplaintProcess.PROCESS_KEY + ":")) {
            return;
        }
        String reference = (String) task.getVariable(ComplaintProcess.VAR_REFERENCE);
        String group;
        String template;
        if (ComplaintProcess.FOLLOW_UP_OVERDUE.equals(task.getTaskDefinitionKey())) {
            group = ComplaintProcess.GROUP_SUPERVISORS;
            template = "complaint-sla-breached";
        } else if (ComplaintProcess.MANAGER_RESOLVES.equals(task.getTaskDefinitionKey())) {
            group = ComplaintProcess.GROUP_MANAGERS;
            template = "complaint-escalated";
        } else {
            return;
        }
        String link = outbox.taskLink(task.getId());
        for (StaffAddresses.Addressee addressee : staff.group(group)) {
            outbox.queue(Message.toStaff(addressee, template, Map.of("name", addressee.name(), "reference", reference, "link", link),
                    "task-created:" + task.getId() + ":" + addressee.userId(), reference));
        }
    }
}
