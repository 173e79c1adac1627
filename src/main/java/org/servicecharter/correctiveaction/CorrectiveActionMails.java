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
        String template;
        if (CorrectiveActionProcess.HOLD_CONVERSATION.equals(task.getTaskDefinitionKey())) {
            template = "corrective-action-conversation";
        } else if (CorrectiveActionProcess.ACKNOWLEDGE.equals(task.getTaskDefinitionKey())) {
            template = "corrective-action-acknowledgement";
        } else {
            return;
        }
        // the template gets a name and a link, nothing of the case: what is not in the model cannot leak into a mailbox
        String link = outbox.taskLink(task.getId());
        staff.user(task.getAssignee()).ifPresent(addressee -> outbox.queue(Message.toStaff(addressee, template,
                Map.of("name", addressee.name(), "link", link),
                "task-created:" + task.getId() + ":" + addressee.userId(), "corrective-action:" + task.getProcessInstanceId())));
    }
}
