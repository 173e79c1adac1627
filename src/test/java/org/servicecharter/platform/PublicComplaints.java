package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.servicecharter.Http;
import org.servicecharter.complaint.ComplaintProcess;

/** A complaint filed through the public intake, as a customer would, naming the employee it is about (or nobody). */
final class PublicComplaints {

    private PublicComplaints() {
    }

    /** Files the complaint and returns its handling task. */
    static Task about(int port, TaskService taskService, String employee) {
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("customerName", "Erin Customer");
        complaint.put("customerEmail", "erin@example.com");
        complaint.put("channel", "phone");
        complaint.put("category", "staff-behaviour");
        complaint.put("description", "The person at the counter was rude to me.");
        if (employee != null) {
            complaint.put("aboutEmployee", employee);
        }
        Http.Response created = Http.anonymous(port).post("/api/complaints", complaint);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(created.json().get("reference").asText())
                .taskDefinitionKey(ComplaintProcess.HANDLE_COMPLAINT).singleResult();
        assertThat(task).isNotNull();
        return task;
    }
}
