package org.servicecharter.correctiveaction;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.VAR_EMPLOYEE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creation listener of every task of a case: the employee's manager chain may read it (not complete it). */
@ModelCallable(processes = CorrectiveActionProcess.PROCESS_KEY)
@Component("correctiveActionTaskAccess")
public class CorrectiveActionTaskAccess implements TaskListener {

    private final CorrectiveActionAccess access;

    public CorrectiveActionTaskAccess(CorrectiveActionAccess access) {
        this.access = access;
    }

    @Override
    public void notify(DelegateTask task) {
        access.grantTask(task.getId(), task.getAssignee(), (String) task.getVariable(VAR_EMPLOYEE));
    }
}
