package org.servicecharter.handbook;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.servicecharter.messaging.Message;
import org.servicecharter.messaging.Outbox;
import org.servicecharter.messaging.StaffAddresses;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears of a handbook version: each employee when their sign-off task is created (at publication, or as a late
 * joiner), their manager when the overdue follow-up lands on them. The reminder and the overdue notice to the employee
 * are queued by the model's own steps (RemindEmployeeDelegate, MarkSignOffOverdueDelegate). Each links to the task.
 */
@Component
class HandbookMails {

    private final Outbox outbox;
    private final StaffAddresses staff;

    HandbookMails(Outbox outbox, StaffAddresses staff) {
        this.outbox = outbox;
        this.staff = staff;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onTaskCreated(DelegateTask task) {
        if (task.getProcessDefinitionId() == null
                || !task.getProcessDefinitionId().startsWith(HandbookProcess.EMPLOYEE_PROCESS_KEY + ":")) {
            return;
        }
        String version = (String) task.getVariable(HandbookProcess.VAR_VERSION);
        String employee = (String) task.getVariable(HandbookProcess.VAR_EMPLOYEE);
        String subject;
        String what;
        String todo;
        if (HandbookProcess.SIGN_HANDBOOK.equals(task.getTaskDefinitionKey())) {
            subject = "Handbook version " + version + " published: please read and sign it";
            what = "A new version of the handbook (" + version + ") is in force and asks for your signature.";
            todo = "read it and sign or decline it" + (task.getDueDate() == null ? "." : " by " + task.getDueDate().toInstant() + ".");
        } else if (HandbookProcess.FOLLOW_UP_OVERDUE.equals(task.getTaskDefinitionKey())) {
            subject = "Overdue handbook sign-off: " + employee;
            what = employee + " has not signed the handbook version " + version + " by its deadline.";
            todo = "talk with them and record the follow-up.";
        } else {
            return;
        }
        String link = outbox.taskLink(task.getId());
        staff.user(task.getAssignee()).ifPresent(addressee -> outbox.queue(Message.toStaff(addressee, "staff-task",
                Map.of("subject", subject, "name", addressee.name(), "what", what, "todo", todo, "link", link),
                "task-created:" + task.getId() + ":" + addressee.userId(), task.getExecution().getProcessBusinessKey())));
    }
}
