package org.servicecharter.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.servicecharter.platform.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * A person's name as forms and texts show it ("Alice Agent"), never their user id — unless the user has no name or is
 * no longer there, then the id. Read as the system: whoever reads a task about someone may read that person's name,
 * even without the right to read their user record.
 */
@Component
public class PersonNames {

    private final IdentityService identityService;

    public PersonNames(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The user's name, or their id; "" for none. */
    public String of(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        User user = SystemAccess.call(identityService, () -> identityService.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? userId : name;
    }
}
