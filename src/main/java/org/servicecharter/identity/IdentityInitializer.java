package org.servicecharter.identity;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up: groups and their grants, the features' grants, the Tasklist filters (shared, the features', and each
 * lead's team filters), the demo users where {@code servicecharter.demo.enabled} (the quick start only: the
 * {@code postgres} profile switches them off) and, while there is none, the first administrator
 * ({@link FirstAdministrator}: from the environment, or start-up stops). Every step is idempotent.
 */
@Component
@Order(0)
public class IdentityInitializer implements ApplicationRunner {

    private final RoleAuthorizations roles;
    private final List<FeatureGrants> featureGrants;
    private final TasklistFilters filters;
    private final List<FeatureFilters> featureFilters;
    private final TeamFilters teamFilters;
    private final DemoUsers demoUsers;
    private final FirstAdministrator firstAdministrator;
    private final boolean demoEnabled;

    public IdentityInitializer(RoleAuthorizations roles, List<FeatureGrants> featureGrants, TasklistFilters filters,
            List<FeatureFilters> featureFilters, TeamFilters teamFilters, DemoUsers demoUsers,
            FirstAdministrator firstAdministrator, @Value("${servicecharter.demo.enabled:false}") boolean demoEnabled) {
        this.roles = roles;
        this.featureGrants = featureGrants;
        this.filters = filters;
        this.featureFilters = featureFilters;
        this.teamFilters = teamFilters;
        this.demoUsers = demoUsers;
        this.firstAdministrator = firstAdministrator;
        this.demoEnabled = demoEnabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        roles.applyBaseline();
        featureGrants.forEach(grants -> grants.apply(roles));
        filters.create();
        featureFilters.forEach(feature -> feature.create(filters));
        if (demoEnabled) {
            demoUsers.create();
        }
        firstAdministrator.ensure();
        teamFilters.refresh();
    }
}
