package org.servicecharter.identity;

/**
 * A feature's shared Tasklist filters (e.g. the agents' open complaints for their supervisors), created at start-up
 * after the baseline filters exist. Identity knows no feature's process: features declare a bean of this type.
 */
@FunctionalInterface
public interface FeatureFilters {

    void create(TasklistFilters filters);
}
