/**
 * Users, groups, roles and their grants, reporting lines, the demo department, Tasklist filters. It knows no feature: features contribute their grants.
 *
 * <p>A module (Spring Modulith): other modules use only its public types in this package and its named interfaces;
 * its own dependencies are the ones declared here, checked by {@code ModulesTests} in {@code mvn verify}.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = {"platform", "platform :: models", "platform :: taskrights"})
package org.servicecharter.identity;

import org.springframework.modulith.ApplicationModule;
