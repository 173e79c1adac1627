package org.servicecharter.handbook;

import org.servicecharter.messaging.StaffMessages;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.handbook.HandbookProcess.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The reminder before the deadline: a message to the employee (the outbox, messaging.Outbox) and the
 * sign-off task moved up in their Tasklist (higher priority).
 */
@ModelCallable(processes = {HandbookProcess.PROCESS_KEY, HandbookProcess.EMPLOYEE_PROCESS_KEY})
@Component("remindEmployeeDelegate")
public class RemindEmployeeDelegate implements JavaDelegate {

    static final int REMINDED_PRIORITY = 80;

    private final HandbookRegister register;
    private final StaffMessages staffMessages;

    public RemindEmployeeDelegate(HandbookRegister register, StaffMessages staffMessages) {
        this.register = register;
        this.staffMessages = staffMessages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String version = (String) execution.getVariable(VAR_VERSION);
        String employee = (String) execution.getVariable(VAR_EMPLOYEE);
        Date due = (Date) execution.getVariable(VAR_DUE_DATE);
        register.markReminded(version, employee);
        Map<String, Object> model = new HashMap<>();
        model.put("version", version);
        model.put("title", execution.getVariable(VAR_TITLE));
        model.put("documentUrl", execution.getVariable(VAR_DOCUMENT_URL));
        model.put("due", due);
        staffMessages.toUser(employee, "handbook-reminder", model, "handbook-reminder:" + version + ":" + employee,
                businessKey(version, employee));
        TaskService taskService = execution.getProcessEngineServices().getTaskService();
        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(SIGN_HANDBOOK).list()) {
            taskService.setPriority(task.getId(), REMINDED_PRIORITY);
        }
    }
}
