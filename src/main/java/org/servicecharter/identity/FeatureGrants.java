package org.servicecharter.identity;

/**
 * A feature's own grants (who may start its process, who may re-route its tasks), applied at start-up after
 * the baseline roles exist. Identity knows no feature: features declare a bean of this type.
 */
@FunctionalInterface
public interface FeatureGrants {

    void apply(RoleAuthorizations roles);
}
