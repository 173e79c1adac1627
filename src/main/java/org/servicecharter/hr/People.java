package org.servicecharter.hr;

import org.servicecharter.platform.SystemAccess;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The names of the users a page shows. Read without the reader's authorizations: whoever may see a record may see the
 * name of the person it is about; a user without a name (or no longer there) is shown by their id.
 */
@Component
class People {

    private final IdentityService identityService;

    People(IdentityService identityService) {
        this.identityService = identityService;
    }

    Map<String, String> names(Collection<String> userIds) {
        List<String> ids = userIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        // names are read as the system: a manager may not read every user record, but sees their names on the page
        SystemAccess.run(identityService, () -> {
            for (User user : identityService.createUserQuery().userIdIn(ids.toArray(String[]::new)).list()) {
                names.put(user.getId(), org.servicecharter.platform.PersonName.of(user, user.getId()));
            }
        });
        return names;
    }

    /** The user's name, or their id; never null. */
    static String name(Map<String, String> names, String userId) {
        return userId == null ? "" : names.getOrDefault(userId, userId);
    }
}
