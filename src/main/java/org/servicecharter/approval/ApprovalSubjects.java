package org.servicecharter.approval;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.servicecharter.platform.taskrights.CaseSubjects;
import org.springframework.stereotype.Component;

/**
 * Nobody chooses who decides their own request: the requester — as the approval register has it, not the
 * {@code requester} variable — may not re-route the request's task (reassign it, change its candidates or due date),
 * even as the manager of the approver it is offered to. That the requester never holds or decides it is the four-eyes
 * guard's ({@link FourEyesGuard}, with its own refusals), so this rule names nobody the task is "about" for the
 * platform's guard and only the requester as its stakeholder.
 */
@Component
class ApprovalSubjects implements CaseSubjects {

    private final ApprovalRegister register;

    ApprovalSubjects(ApprovalRegister register) {
        this.register = register;
    }

    @Override
    public String processDefinitionKey() {
        return ApprovalProcess.PROCESS_KEY;
    }

    @Override
    public Collection<String> of(DelegateTask task) {
        return List.of();
    }

    @Override
    public Collection<String> stakeholders(DelegateTask task) {
        String requestId = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        return requestId == null ? List.of()
                : register.find(requestId).map(ApprovalRegister.Entry::requester).filter(r -> r != null).map(List::of).orElse(List.of());
    }
}
