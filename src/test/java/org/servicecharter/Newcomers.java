package org.servicecharter;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.identity.Roles;

/** Fresh people for tests that must not disturb the demo users: an agent (password = id) reporting to someone. */
public final class Newcomers {

    private Newcomers() {
    }

    public static String agentReportingTo(IdentityService identityService, ReportingLines reportingLines, String prefix,
            String manager) {
        identityService.clearAuthentication();
        String id = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        User user = identityService.newUser(id);
        user.setFirstName("Test");
        user.setLastName("Agent");
        user.setPassword(id);
        ((IdentityServiceImpl) identityService).saveUser(user, true); // password = id, like the demo users: around the policy
        identityService.createMembership(id, Roles.EMPLOYEES);
        identityService.createMembership(id, Roles.AGENTS);
        reportingLines.setManager(id, manager);
        return id;
    }
}
