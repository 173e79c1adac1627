package org.servicecharter.platform;

import org.camunda.bpm.engine.identity.User;

/** How a person is named wherever people read it: "Alice Agent" — first and last name, or the id when they have none. */
public final class PersonName {

    private PersonName() {
    }

    /** The user's name; {@code userId} when there is no such user or they have no name; "" for no id. */
    public static String of(User user, String userId) {
        String name = user == null ? "" : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return !name.isEmpty() ? name : userId == null ? "" : userId;
    }
}
