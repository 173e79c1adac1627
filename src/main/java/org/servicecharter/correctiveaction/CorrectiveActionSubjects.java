package org.servicecharter.correctiveaction;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.servicecharter.platform.taskrights.CaseSubjects;
import org.springframework.stereotype.Component;

/**
 * No one handles their own corrective-action case: the employee the case is about — as the case register has it
 * ({@link CaseRegister}), not the {@code employee} variable — is never given the conversation or HR's review (claim,
 * set assignee, delegate, whoever does it) and never completes them, even when they belong to the group the task is
 * offered to (an HR employee). Platform's task-rights guard enforces it. The acknowledgement is the exception: it is
 * the employee's own task, theirs alone ({@link AcknowledgementGuard}).
 */
@Component
class CorrectiveActionSubjects implements CaseSubjects {

    private final CaseRegister register;

    CorrectiveActionSubjects(CaseRegister register) {
        this.register = register;
    }

    @Override
    public String processDefinitionKey() {
        return CorrectiveActionProcess.PROCESS_KEY;
    }

    @Override
    public Collection<String> of(DelegateTask task) {
        if (CorrectiveActionProcess.ACKNOWLEDGE.equals(task.getTaskDefinitionKey())) {
            return List.of();
        }
        return register.employeeOf(task.getProcessInstanceId()).map(List::of).orElse(List.of());
    }
}
