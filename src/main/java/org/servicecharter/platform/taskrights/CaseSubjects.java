package org.servicecharter.platform.taskrights;

import java.util.Collection;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * No one handles their own case: a feature says, for the tasks of its process, whom the case is about (the employee a
 * complaint names, ...). {@link TaskRightsGuard} then refuses to give such a task to one of them (claim, set assignee,
 * delegate) and refuses that they complete it, whoever they are. Read the people from the feature's register of
 * record, not from a process variable a worker could have changed.
 */
public interface CaseSubjects {

    /** The key of the process whose tasks this rule is about. */
    String processDefinitionKey();

    /** The user ids the task's case is about; empty when it is about nobody in particular. */
    Collection<String> of(DelegateTask task);
}
