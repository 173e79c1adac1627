package org.servicecharter.approval;

import org.servicecharter.messaging.StaffMessages;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.approval.ApprovalProcess.*;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The top tier's deadline passed and there is no tier above: the request stays with the head of service, who is
 * reminded (the outbox, messaging.Outbox: the holder of the task, or everyone it is offered to) and finds
 * it moved up in Tasklist (higher priority). Repeats every deadline until decided.
 */
@ModelCallable(processes = ApprovalProcess.PROCESS_KEY)
@Component("remindTopTierDelegate")
public class RemindTopTierDelegate implements JavaDelegate {

    static final int REMINDED_PRIORITY = 80;

    private final ApprovalRegister register;
    private final StaffMessages staffMessages;

    public RemindTopTierDelegate(ApprovalRegister register, StaffMessages staffMessages) {
        this.register = register;
        this.staffMessages = staffMessages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = (String) execution.getVariable(VAR_REQUEST_ID);
        // the request's facts from its register, never from variables a worker could have written
        ApprovalRegister.Entry request = register.find(id).orElse(null);
        TaskService taskService = execution.getProcessEngineServices().getTaskService();
        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(DECIDE_REQUEST).list()) {
            Set<String> recipients = new LinkedHashSet<>();
            if (task.getAssignee() != null) {
                recipients.add(task.getAssignee());
            } else {
                for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
                        recipients.add(link.getUserId());
                    }
                }
            }
            for (String recipient : recipients) {
                java.util.Map<String, Object> model = new java.util.HashMap<>();
                model.put("id", id);
                model.put("type", request == null ? null : request.type());
                model.put("amount", request == null ? null : request.amount().toPlainString());
                model.put("currency", request == null ? null : request.currency());
                model.put("requester", request == null ? null : request.requester());
                model.put("link", staffMessages.taskLink(task.getId()));
                staffMessages.toUser(recipient, "approval-reminder", model,
                        "approval-reminder:" + task.getId() + ":" + execution.getActivityInstanceId(), id);
            }
            taskService.setPriority(task.getId(), REMINDED_PRIORITY);
        }
    }
}
