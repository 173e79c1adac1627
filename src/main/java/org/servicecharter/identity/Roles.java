package org.servicecharter.identity;

import java.util.List;

/** The department's groups (roles). Group ids are what models use as candidate groups. */
public final class Roles {

    private Roles() {
    }

    public static final String EMPLOYEES = "employees";
    public static final String AGENTS = "agents";
    public static final String SUPERVISORS = "supervisors";
    public static final String MANAGERS = "managers";
    public static final String HR = "hr";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String AUDITORS = "auditors";
    public static final String HEAD_OF_SERVICE = "head-of-service";
    public static final String ADMINS = "camunda-admin";

    public record Role(String id, String name) {
    }

    public static final List<Role> ALL = List.of(
            new Role(EMPLOYEES, "Employees"),
            new Role(AGENTS, "Customer-service agents"),
            new Role(SUPERVISORS, "Supervisors"),
            new Role(MANAGERS, "Managers"),
            new Role(HR, "Human resources"),
            new Role(PROCESS_OWNERS, "Process owners"),
            new Role(AUDITORS, "Auditors"),
            new Role(HEAD_OF_SERVICE, "Head of service"),
            new Role(ADMINS, "Camunda administrators"));
}
