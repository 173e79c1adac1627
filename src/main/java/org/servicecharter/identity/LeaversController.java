package org.servicecharter.identity;

import java.time.Instant;

import org.camunda.bpm.engine.IdentityService;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Conflict;
import org.servicecharter.platform.Refused;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator marks someone as left ({@link Leavers}): resignations, retirements, ends of contract. A dismissal
 * needs no call: HR's decision in the corrective-action case does it.
 */
@RestController
@RequestMapping("/api/employees")
class LeaversController {

    /** Why the person left. */
    record LeavingRequest(String reason) {
    }

    record LeftView(String userId, Instant leftAt, String reason, String recordedBy) {
    }

    private final Leavers leavers;
    private final IdentityService identityService;

    LeaversController(Leavers leavers, IdentityService identityService) {
        this.leavers = leavers;
        this.identityService = identityService;
    }

    @PostMapping("/{userId}/left")
    LeftView markLeft(@PathVariable String userId, @RequestBody(required = false) LeavingRequest request) {
        String by = CurrentUser.required(identityService, "Log in as an administrator to mark someone as left.");
        if (!CurrentUser.groupsOf(identityService).contains(Roles.ADMINS)) {
            throw new Refused("Only administrators mark someone as left; HR's dismissal decision in a corrective-action"
                    + " case does it on its own. " + by + " cannot.");
        }
        if (by.equals(userId)) {
            throw new Conflict("You cannot mark yourself as left: another administrator does that, so that someone can"
                    + " still administer the department.");
        }
        Leavers.Left left = leavers.markLeft(userId, request == null ? null : request.reason(), by);
        return new LeftView(left.userId(), left.leftAt(), left.reason(), left.recordedBy());
    }
}
