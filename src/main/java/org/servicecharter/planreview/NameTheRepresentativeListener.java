package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.identity.PersonNames;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Names the representative on their rating task (creation listener): the form shows "Alice Agent", while the answer is
 * recorded against the user id in {@link PlanReviewProcess#VAR_REPRESENTATIVE}.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class NameTheRepresentativeListener implements TaskListener {

    private final PersonNames personNames;

    public NameTheRepresentativeListener(PersonNames personNames) {
        this.personNames = personNames;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(VAR_REPRESENTATIVE_NAME, personNames.of((String) task.getVariable(VAR_REPRESENTATIVE)));
    }
}
