package org.servicecharter.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.stereotype.Component;

/**
 * The demo department of the quick start (H2, {@code servicecharter.demo.enabled}, off in the {@code postgres} profile):
 * users whose password equals their id, their groups and who reports to whom. Such passwords fail the password
 * policy, so these users alone are created around it; changing their password later must pass it like anyone's.
 */
@Component
public class DemoUsers {

    public record DemoUser(String id, String firstName, String lastName, List<String> groups, String manager) {
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("alice", "Alice", "Agent", List.of(Roles.AGENTS, Roles.EMPLOYEES), "sam"),
            new DemoUser("bob", "Bob", "Agent", List.of(Roles.AGENTS, Roles.EMPLOYEES), "sam"),
            new DemoUser("sam", "Sam", "Supervisor", List.of(Roles.SUPERVISORS, Roles.EMPLOYEES), "maria"),
            new DemoUser("maria", "Maria", "Manager", List.of(Roles.MANAGERS, Roles.EMPLOYEES), "henry"),
            new DemoUser("henry", "Henry", "Head-of-Service", List.of(Roles.HEAD_OF_SERVICE, Roles.EMPLOYEES), null),
            new DemoUser("hana", "Hana", "HR", List.of(Roles.HR, Roles.EMPLOYEES), "maria"),
            new DemoUser("olga", "Olga", "Process-Owner", List.of(Roles.PROCESS_OWNERS, Roles.EMPLOYEES), "maria"),
            new DemoUser("audrey", "Audrey", "Auditor", List.of(Roles.AUDITORS, Roles.EMPLOYEES), null),
            new DemoUser("demo", "Demo", "Administrator", List.of(Roles.ADMINS), null));

    private final IdentityService identityService;
    private final ReportingLines reportingLines;

    public DemoUsers(IdentityService identityService, ReportingLines reportingLines) {
        this.identityService = identityService;
        this.reportingLines = reportingLines;
    }

    /** Creates what is missing; never resets a password or membership someone changed since. */
    public void create() {
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@service-charter.example");
                user.setPassword(demo.id());
                ((IdentityServiceImpl) identityService).saveUser(user, true);
                for (String group : demo.groups()) {
                    identityService.createMembership(demo.id(), group);
                }
                if (demo.manager() != null) {
                    reportingLines.setManager(demo.id(), demo.manager());
                }
            }
        }
    }
}
