package org.servicecharter.employeefile;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.NotFound;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.SystemAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reading an employee's file. There is deliberately no endpoint that changes or removes a record. */
@RestController
@RequestMapping("/api/employees")
public class EmployeeFileController {

    public record EmployeeFileView(String employeeId, List<EmployeeFileEntry> entries) {
    }

    private final EmployeeFile employeeFile;
    private final EmployeeFileAccess access;
    private final IdentityService identityService;

    public EmployeeFileController(EmployeeFile employeeFile, EmployeeFileAccess access, IdentityService identityService) {
        this.employeeFile = employeeFile;
        this.access = access;
        this.identityService = identityService;
    }

    @GetMapping("/{userId}/file")
    public EmployeeFileView file(@PathVariable String userId) {
        String readerId = CurrentUser.of(identityService);
        List<String> groups = CurrentUser.groupsOf(identityService);
        if (!access.mayRead(readerId, groups, userId)) {
            throw new Refused("You may read your own employee file and those of the people who report to you; HR and auditors read all.");
        }
        // existence is checked without the reader's authorizations: whoever may read the file may know the user exists
        if (!SystemAccess.call(identityService, () -> identityService.createUserQuery().userId(userId).count() > 0)) {
            throw new NotFound("There is no user " + userId + ".");
        }
        return new EmployeeFileView(userId, employeeFile.entriesOf(userId));
    }
}
