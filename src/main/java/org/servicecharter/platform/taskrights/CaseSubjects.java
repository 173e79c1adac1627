package org.servicecharter.platform.taskrights;

import org.springframework.modulith.NamedInterface;

import java.util.Collection;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * No one handles their own case: a feature says, for the tasks of its process, whom the case is about (the employee a
 * complaint names, ...). {@link TaskRightsGuard} then refuses to give such a task to one of them (claim, set assignee,
 * delegate) and refuses that they complete it, whoever they are. Read the people from the feature's register of
 * record, not from a process variable a worker could have changed.
 */
@NamedInterface("taskrights")
public interface CaseSubjects {

    /** The key of the process whose tasks this rule is about. */
    String processDefinitionKey();

    /** The user ids the task's case is about; empty when it is about nobody in particular. */
    Collection<String> of(DelegateTask task);

    /**
     * The user ids who do not re-route the task as someone's manager (reassign, delegate, candidates, due date:
     * {@link TeamReroute}), because it is their own case: by default the people it is about. A feature whose own guard
     * keeps someone from holding or deciding a task, without their being "about" it here, names them too (the
     * requester of an approval), so that they cannot choose who decides their case either.
     */
    default Collection<String> stakeholders(DelegateTask task) {
        return of(task);
    }

    /**
     * The user ids the case with this business key is about, from the feature's register; empty when it is about
     * nobody or unknown. Other procedures ask this (through this published interface, not the feature's table or its
     * variables), e.g. corrective action checking that a complaint is about the employee it is asked to open a case on.
     */
    default Collection<String> ofCase(String businessKey) {
        return java.util.List.of();
    }
}
