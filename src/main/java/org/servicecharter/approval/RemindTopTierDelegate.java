package org.servicecharter.approval;

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

    public RemindTopTierDelegate(ApprovalRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = (String) execution.getVariable(VAR_REQUEST_ID);
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
                register.notifyEmployee(recipient, "Reminder: decide the request " + id,
                        "The request " + id + " (" + execution.getVariable(VAR_TYPE) + ", " + execution.getVariable(VAR_AMOUNT)
                                + " " + execution.getVariable(VAR_CURRENCY) + ", asked for by " + execution.getVariable(VAR_REQUESTER)
                                + ") is waiting for your decision in Tasklist.", id);
            }
            taskService.setPriority(task.getId(), REMINDED_PRIORITY);
        }
    }
}
