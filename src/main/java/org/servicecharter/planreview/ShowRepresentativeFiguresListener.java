package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.identity.StaffNames;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Shows the rated representative on their rating task (creation listener): their name and their own figures for the
 * review's period, as task variables the form reads. A listener rather than an input mapping: a multi-instance
 * task's input mappings run before its element variable ({@code representative}) exists.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class ShowRepresentativeFiguresListener implements TaskListener {

    private final PlanReviewFindings findings;
    private final StaffNames names;

    public ShowRepresentativeFiguresListener(PlanReviewFindings findings, StaffNames names) {
        this.findings = findings;
        this.names = names;
    }

    @Override
    public void notify(DelegateTask task) {
        String representative = (String) task.getVariable(VAR_REPRESENTATIVE);
        task.setVariableLocal(VAR_REPRESENTATIVE_NAME, names.name(representative));
        task.setVariableLocal(VAR_REPRESENTATIVE_FIGURES, findings.representativeFigures(TaskAnswers.period(task), representative));
    }
}
