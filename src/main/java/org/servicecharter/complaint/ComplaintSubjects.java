package org.servicecharter.complaint;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.servicecharter.platform.taskrights.CaseSubjects;
import org.springframework.stereotype.Component;

/**
 * No one handles a complaint about themselves: the employee a complaint names — as the complaints register has it,
 * not the process variable — is never given its tasks and never completes them (platform's task rights guard
 * enforces it for every complaint task: handling, the supervisor's follow-up, the manager's resolution). The same
 * answer is published to other modules as {@link ComplaintsAboutEmployees}.
 */
@Component
class ComplaintSubjects implements CaseSubjects, ComplaintsAboutEmployees {

    private final ComplaintRegister register;

    ComplaintSubjects(ComplaintRegister register) {
        this.register = register;
    }

    @Override
    public String processDefinitionKey() {
        return ComplaintProcess.PROCESS_KEY;
    }

    @Override
    public Collection<String> of(DelegateTask task) {
        return ofCase(task.getExecution().getProcessBusinessKey());
    }

    @Override
    public Collection<String> ofCase(String reference) {
        String about = register.aboutEmployee(reference);
        return about == null ? List.of() : List.of(about);
    }

    @Override
    public boolean isAbout(String complaintReference, String employee) {
        return complaintReference != null && employee != null && ofCase(complaintReference).contains(employee);
    }
}
