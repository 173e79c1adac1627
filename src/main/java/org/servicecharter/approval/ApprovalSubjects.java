package org.servicecharter.approval;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.servicecharter.platform.taskrights.CaseSubjects;
import org.springframework.stereotype.Component;

/**
 * No one decides their own request: the requester — as the approval register has it, not the {@code requester}
 * variable, which an administrator can overwrite — is never given the request's decision and never completes it
 * (platform's task-rights guard, for everyone, administrators included). The four-eyes guard
 * ({@link FourEyesGuard}) adds the rest: rejecters excluded, the tier's authority.
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
        String requestId = task.getExecution().getProcessBusinessKey();
        return requestId == null ? List.of()
                : register.find(requestId).map(ApprovalRegister.Entry::requester).map(List::of).orElse(List.<String>of());
    }
}
