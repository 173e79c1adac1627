package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry.NewEntry;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Records a representative's coaching (completion listener of <i>Coach the representative</i>): what was done, as a
 * coaching record in their employee file, and the training they completed, if any, as a training-completed record.
 * A coaching without what was done, or a completed training without its name, is refused.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordCoachingListener implements TaskListener {

    private final EmployeeFile employeeFile;

    public RecordCoachingListener(EmployeeFile employeeFile) {
        this.employeeFile = employeeFile;
    }

    @Override
    public void notify(DelegateTask task) {
        String note = TaskAnswers.required(task, VAR_COACHING_NOTE);
        boolean trainingCompleted = Boolean.TRUE.equals(task.getVariable(VAR_TRAINING_COMPLETED))
                || "true".equals(String.valueOf(task.getVariable(VAR_TRAINING_COMPLETED)));
        Object trainingValue = task.getVariable(VAR_TRAINING_NAME);
        String training = trainingValue == null || trainingValue.toString().isBlank() ? null : trainingValue.toString().trim();
        if (trainingCompleted && training == null) {
            throw new Rejected(VAR_TRAINING_NAME, "Name the training the representative completed.");
        }
        String period = TaskAnswers.period(task);
        String representative = (String) task.getVariable(VAR_REPRESENTATIVE);
        String qualities = (String) task.getVariable(VAR_COACHING_QUALITIES);
        String by = TaskAnswers.recordedBy(task);
        employeeFile.append(new NewEntry(representative, RECORD_COACHING,
                "Coached on " + qualities + " after the plan review of " + period + ".", period, null, truncate(note), by,
                task.getProcessInstanceId(), RECORD_COACHING + ":" + period + ":" + representative));
        if (trainingCompleted) {
            employeeFile.append(new NewEntry(representative, RECORD_TRAINING_COMPLETED,
                    "Completed the training " + truncate(training, 300) + " (coaching on " + qualities + ", plan review of "
                            + period + ").",
                    period, null, training, by, task.getProcessInstanceId(),
                    RECORD_TRAINING_COMPLETED + ":" + period + ":" + representative));
        }
    }

    private static String truncate(String text) {
        return truncate(text, 4000);
    }

    private static String truncate(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }
}
