package org.servicecharter.correctiveaction;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.servicecharter.messaging.Message;
import org.servicecharter.messaging.Outbox;
import org.servicecharter.messaging.StaffAddresses;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Corrective-action notices go to the two people the case is between, and only to them: the manager who holds the
 * conversation and the employee who acknowledges the action. The case is confidential: the message says only that a
 * task waits and links to it; what happened is read in Tasklist, behind the case's own rights, never in a mailbox.
 */
@Component
class CorrectiveActionMails {

    private final Outbox outbox;
    private final StaffAddresses staff;

    CorrectiveActionMails(Outbox outbox, StaffAddresses staff) {
        this.outbox = outbox;
        this.staff = staff;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onTaskCreated(DelegateTask task) {
        if (task.getProcessDefinitionId() == null || !task.getProcessDefinitionId().startsWith(CorrectiveActionProcess.PROCESS_KEY + ":")) {
            return;
        }
        String subject;
        String what;
        if (CorrectiveActionProcess.HOLD_CONVERSATION.equals(task.getTaskDefinitionKey())) {
            subject = "A confidential task waits for you";
            what = "A corrective-action conversation has been assigned to you. For confidentiality this message holds no details.";
        } else if (CorrectiveActionProcess.ACKNOWLEDGE.equals(task.getTaskDefinitionKey())) {
            subject = "A confidential task waits for you";
            what = "A record in your employee file asks for your acknowledgement. For confidentiality this message holds no details.";
        } else {
            return;
        }
        String link = outbox.taskLink(task.getId());
        staff.user(task.getAssignee()).ifPresent(addressee -> outbox.queue(Message.toStaff(addressee, "staff-task",
                Map.of("subject", subject, "name", addressee.name(), "what", what, "todo", "open the task in Tasklist.", "link", link),
                "task-created:" + task.getId() + ":" + addressee.userId(), "corrective-action:" + task.getProcessInstanceId())));
    }
}
