package org.servicecharter.approval;

import java.net.URI;

import org.servicecharter.employeefile.EmployeeFileEntry;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Decision approval: ask (any employee, in their own name), read the request and its outcome (the requester,
 * approvers, auditors), decide (an approver of the current tier other than the requester and earlier rejecters),
 * recognise an approved request as a good decision (approvers).
 */
@RestController
@RequestMapping("/api/approvals")
public class ApprovalController {

    private final ApprovalRequests requests;

    public ApprovalController(ApprovalRequests requests) {
        this.requests = requests;
    }

    @PostMapping
    public ResponseEntity<ApprovalRequests.View> ask(@RequestBody ApprovalRequests.Ask ask) {
        String id = requests.ask(ask);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/approvals/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(requests.view(id));
    }

    @GetMapping("/{id}")
    public ApprovalRequests.View get(@PathVariable String id) {
        return requests.view(id);
    }

    @PostMapping("/{id}/decision")
    public ApprovalRequests.View decide(@PathVariable String id, @RequestBody ApprovalRequests.Answer answer) {
        requests.decide(id, answer);
        return requests.view(id);
    }

    @PostMapping("/{id}/recognition")
    public ResponseEntity<EmployeeFileEntry> recognise(@PathVariable String id,
            @RequestBody(required = false) ApprovalRequests.Recognition recognition) {
        EmployeeFileEntry entry = requests.recognise(id, recognition);
        return ResponseEntity.created(URI.create("/api/employees/" + entry.employeeId() + "/file")).body(entry);
    }
}
