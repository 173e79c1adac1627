/**
 * The auditors' search, trail, diagram path and exports, over the engine's history.
 *
 * <p>A module (Spring Modulith): other modules use only its public types in this package and its named interfaces;
 * its own dependencies are the ones declared here, checked by {@code ModulesTests} in {@code mvn verify}.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"platform"})
package org.servicecharter.audit;

import org.springframework.modulith.ApplicationModule;
