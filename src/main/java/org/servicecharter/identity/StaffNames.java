package org.servicecharter.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.servicecharter.platform.SystemAccess;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * A person's name as the forms show it: {@code ${staffNames.name(representative)}} gives "Alice Agent", not "alice".
 * Read without the reader's authorizations (whoever may see a task may see the name of the person it is about); a user
 * without a name, or no longer there, is shown by their id.
 */
@ModelCallable
@Component("staffNames")
public class StaffNames {

    private final IdentityService identityService;

    public StaffNames(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** First and last name, or the id when the user has none; "" for no user. */
    public String name(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        User user = SystemAccess.call(identityService, () -> identityService.createUserQuery().userId(userId).singleResult());
        return org.servicecharter.platform.PersonName.of(user, userId);
    }
}
