package org.servicecharter.messaging;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.servicecharter.platform.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * Staff e-mail addresses: the engine's users' {@code email}, read without the current user's authorization (a step
 * that an agent completes may notify a manager whose user record the agent may not read). Users without an address
 * are left out: they are not written to.
 */
@Component
public class StaffAddresses {

    public record Addressee(String userId, String name, String email) {
    }

    private final ProcessEngine engine;

    public StaffAddresses(ProcessEngine engine) {
        this.engine = engine;
    }

    public Optional<Addressee> user(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        return run(identity -> identity.createUserQuery().userId(userId).list())
                .stream().map(StaffAddresses::addressee).filter(a -> a.email() != null).findFirst();
    }

    /** The members of a group that have an address, by user id. */
    public List<Addressee> group(String groupId) {
        if (groupId == null || groupId.isBlank()) {
            return List.of();
        }
        return run(identity -> identity.createUserQuery().memberOfGroup(groupId).list())
                .stream().map(StaffAddresses::addressee).filter(a -> a.email() != null)
                .sorted(Comparator.comparing(Addressee::userId)).toList();
    }

    private List<User> run(Function<IdentityService, List<User>> query) {
        IdentityService identity = engine.getIdentityService();
        return SystemAccess.call(identity, () -> query.apply(identity));
    }

    private static Addressee addressee(User user) {
        String name = org.servicecharter.platform.PersonName.of(user, user.getId());
        String email = user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail().trim();
        return new Addressee(user.getId(), name, email);
    }
}
