package org.servicecharter.dashboard;

import java.util.List;
import java.util.Set;

import org.servicecharter.identity.Roles;

/**
 * Who sees the dashboard: managers, the head of service, auditors and administrators; nobody else (page and API
 * alike). The figures are the department's, not one team's, so the gate is by group.
 */
final class DashboardAccess {

    static final Set<String> GROUPS = Set.of(Roles.MANAGERS, Roles.HEAD_OF_SERVICE, Roles.AUDITORS, Roles.ADMINS);

    static final String REFUSAL = "The dashboard is for managers, the head of service and auditors.";

    private DashboardAccess() {
    }

    static boolean maySee(List<String> groups) {
        return groups != null && groups.stream().anyMatch(GROUPS::contains);
    }

    static boolean any(List<String> groups, String... wanted) {
        return groups != null && groups.stream().anyMatch(List.of(wanted)::contains);
    }
}
