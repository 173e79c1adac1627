package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry.NewEntry;
import org.servicecharter.identity.StaffNames;
import org.servicecharter.platform.SystemAccess;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * After a representative's rating (completion listener, after {@link RecordStaffRatingListener}): a quality rated at or
 * below {@code coaching-threshold} is a training need in their employee file, and their coaching starts — the message
 * {@value PlanReviewProcess#MESSAGE_COACHING_NEEDED} to this review's event sub-process <i>Coach the representative</i>,
 * with the representative and the qualities in its own scope (one sub-process per representative). The review does not
 * wait for it. The review's list of who needs which training ({@code trainingNeeds}) is refreshed. Sent as the system: the rating manager needs no right on the review's instance to start it.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RequestCoachingListener implements TaskListener {

    private final PlanReviewCoaching coaching;
    private final EmployeeFile employeeFile;
    private final StaffNames names;
    private final IdentityService identityService;

    public RequestCoachingListener(PlanReviewCoaching coaching, EmployeeFile employeeFile, StaffNames names,
            IdentityService identityService) {
        this.coaching = coaching;
        this.employeeFile = employeeFile;
        this.names = names;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        Map<String, Integer> ratings = new LinkedHashMap<>();
        for (String quality : PlanReviewCoaching.QUALITIES.keySet()) {
            ratings.put(quality, TaskAnswers.rating(task, quality));
        }
        List<String> low = coaching.lowQualities(ratings);
        if (low.isEmpty()) {
            return;
        }
        String period = TaskAnswers.period(task);
        String representative = (String) task.getVariable(VAR_REPRESENTATIVE);
        String qualities = PlanReviewCoaching.inWords(low);
        employeeFile.append(new NewEntry(representative, RECORD_TRAINING_NEED,
                "Needs training in " + qualities + ": rated at or below " + coaching.threshold() + " in the plan review of "
                        + period + ".",
                period, null, String.join(", ", low), TaskAnswers.recordedBy(task), task.getProcessInstanceId(),
                RECORD_TRAINING_NEED + ":" + period + ":" + representative));

        // who needs which, on the training review's form (a process variable: the review's tasks run side by side)
        task.getExecution().getProcessInstance().setVariable(VAR_TRAINING_NEEDS, coaching.trainingNeeds(period));

        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put(VAR_REPRESENTATIVE, representative);
        scope.put(VAR_REPRESENTATIVE_NAME, names.name(representative));
        scope.put(VAR_COACHING_QUALITIES, qualities);
        scope.put(VAR_COACHING_DUE, coaching.dueDate());
        String processInstanceId = task.getProcessInstanceId();
        SystemAccess.run(identityService, () -> task.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(MESSAGE_COACHING_NEEDED).processInstanceId(processInstanceId)
                .setVariablesToTriggeredScope(scope).correlateWithResult());
    }
}
