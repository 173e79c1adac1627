package org.servicecharter.handbook;

import java.util.HashMap;
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
        String template;
        Map<String, Object> model = new HashMap<>();
        model.put("version", version);
        model.put("link", outbox.taskLink(task.getId()));
        if (HandbookProcess.SIGN_HANDBOOK.equals(task.getTaskDefinitionKey())) {
            template = "handbook-published";
            model.put("title", task.getVariable(HandbookProcess.VAR_TITLE));
            model.put("due", task.getDueDate());
        } else if (HandbookProcess.FOLLOW_UP_OVERDUE.equals(task.getTaskDefinitionKey())) {
            template = "handbook-follow-up";
            model.put("employee", employee);
        } else {
            return;
        }
        staff.user(task.getAssignee()).ifPresent(addressee -> outbox.queue(Message.toStaff(addressee, template,
                with(model, "name", addressee.name()),
                "task-created:" + task.getId() + ":" + addressee.userId(), task.getExecution().getProcessBusinessKey())));
    }

    private static Map<String, Object> with(Map<String, Object> model, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(model);
        copy.put(key, value);
        return copy;
    }
}
