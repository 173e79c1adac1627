package org.servicecharter.approval;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.servicecharter.messaging.Message;
import org.servicecharter.messaging.Outbox;
import org.servicecharter.messaging.StaffAddresses;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An approval waiting for a tier: each approver it is offered to hears of it, with a link to the task, in the
 * transaction that offers it (the engine's task events, published to Spring).
 */
@Component
class ApprovalMails {

    private final Outbox outbox;
    private final StaffAddresses staff;
    private final ApprovalRegister register;

    ApprovalMails(Outbox outbox, StaffAddresses staff, ApprovalRegister register) {
        this.outbox = outbox;
        this.staff = staff;
        this.register = register;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onTaskCreated(DelegateTask task) {
        if (task.getProcessDefinitionId() == null || !task.getProcessDefinitionId().startsWith(ApprovalProcess.PROCESS_KEY + ":")
                || !ApprovalProcess.DECIDE_REQUEST.equals(task.getTaskDefinitionKey())) {
            return;
        }
        String id = task.getExecution().getProcessBusinessKey();
        String tier = (String) task.getVariable(ApprovalProcess.VAR_CURRENT_TIER);
        ApprovalRegister.Entry request = register.find(id).orElse(null);
        if (request == null) {
            return;
        }
        String link = outbox.taskLink(task.getId());
        for (IdentityLink candidate : task.getCandidates()) {
            if (candidate.getUserId() == null || !IdentityLinkType.CANDIDATE.equals(candidate.getType())) {
                continue;
            }
            staff.user(candidate.getUserId()).ifPresent(addressee -> outbox.queue(Message.toStaff(addressee, "approval-waiting",
                    Map.of("name", addressee.name(), "id", id, "type", request.type(), "amount", request.amount().toPlainString(),
                            "currency", request.currency(), "requester", request.requester(), "tier", tier, "link", link),
                    "task-created:" + task.getId() + ":" + addressee.userId(), id)));
        }
    }
}
