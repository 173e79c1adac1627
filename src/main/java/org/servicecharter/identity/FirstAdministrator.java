package org.servicecharter.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The application never runs without an administrator, and never with a default one. While the database has no member
 * of {@code camunda-admin}, the user named by {@code SERVICECHARTER_ADMIN_USER} ({@code servicecharter.admin.user})
 * becomes one, with {@code SERVICECHARTER_ADMIN_PASSWORD} ({@code servicecharter.admin.password}) as password, which
 * must pass the password policy; the user is created if missing. Without those variables start-up stops with one
 * sentence saying so ({@link AdministratorMissingFailureAnalyzer}). Once an administrator exists the variables are not
 * read again: administrators are managed in Admin.
 */
@Component
public class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final IdentityService identityService;
    private final String userId;
    private final String password;

    public FirstAdministrator(IdentityService identityService, @Value("${servicecharter.admin.user:}") String userId,
            @Value("${servicecharter.admin.password:}") String password) {
        this.identityService = identityService;
        this.userId = userId.strip();
        this.password = password;
    }

    /** Makes sure an administrator exists; throws {@link AdministratorMissingException} when none can be made. */
    public void ensure() {
        if (administratorExists()) {
            return;
        }
        if (userId.isEmpty() || password.isEmpty()) {
            throw new AdministratorMissingException("Service Charter has no administrator, and SERVICECHARTER_ADMIN_USER and "
                    + "SERVICECHARTER_ADMIN_PASSWORD are not " + (userId.isEmpty() && password.isEmpty() ? "set." : "both set."));
        }
        try {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                user = identityService.newUser(userId);
            }
            user.setPassword(password);
            identityService.saveUser(user);
            if (identityService.createGroupQuery().groupMember(userId).groupId(Roles.ADMINS).count() == 0) {
                identityService.createMembership(userId, Roles.ADMINS);
            }
            log.info("No administrator existed: '{}' (SERVICECHARTER_ADMIN_USER) is now the administrator", userId);
        } catch (ProcessEngineException e) {
            if (administratorExists()) {
                return; // another node sharing the database made one at the same moment
            }
            throw new AdministratorMissingException("Service Charter has no administrator, and SERVICECHARTER_ADMIN_USER '"
                    + userId + "' with SERVICECHARTER_ADMIN_PASSWORD could not be made one: " + e.getMessage(), e);
        }
    }

    private boolean administratorExists() {
        return identityService.createUserQuery().memberOfGroup(Roles.ADMINS).count() > 0;
    }
}
