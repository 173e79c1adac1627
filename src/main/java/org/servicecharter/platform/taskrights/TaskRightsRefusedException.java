package org.servicecharter.platform.taskrights;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Someone tried to work a task that is not theirs to work: a colleague's claimed task, their own case, a note on a
 * task they neither work nor administer. An authorization exception, so that every API door answers 403.
 */
public class TaskRightsRefusedException extends AuthorizationException {

    public TaskRightsRefusedException(String message) {
        super(message);
    }
}
