package org.servicecharter.audit;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.servicecharter.identity.Roles;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Refused;
import org.springframework.stereotype.Component;

/**
 * Who may read audit trails: members of {@code auditors} and {@code camunda-admin}, nobody else. The check reads
 * the engine's current authentication, which {@code ApiAuthenticationFilter} sets from HTTP Basic or the Camunda
 * web-app session; anonymous callers never get this far (401 from the filter).
 *
 * <p>Process owners, managers and HR have history rights in Cockpit for their own work, but the audit pages
 * and API show every model including confidential ones (corrective action), so the gate is by group, not by
 * the engine's per-resource grants.
 */
@Component
public class AuditAccess {

    static final Set<String> AUDIT_GROUPS = Set.of(Roles.AUDITORS, Roles.ADMINS);

    private final IdentityService identityService;

    public AuditAccess(IdentityService identityService) {
        this.identityService = identityService;
    }

    public static boolean mayAudit(List<String> groupIds) {
        return groupIds != null && groupIds.stream().anyMatch(AUDIT_GROUPS::contains);
    }

    /** The current user's id, or 403 when they are not an auditor or administrator. */
    public String requireAuditor() {
        String user = CurrentUser.of(identityService);
        if (user == null || !mayAudit(CurrentUser.groupsOf(identityService))) {
            throw new Refused("Audit trails are for auditors (and administrators) only.");
        }
        return user;
    }
}
