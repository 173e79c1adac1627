/**
 * The append-only employee file and its read API.
 *
 * <p>A module (Spring Modulith): other modules use only its public types in this package and its named interfaces;
 * its own dependencies are the ones declared here, checked by {@code ModulesTests} in {@code mvn verify}.
 */
@ApplicationModule(displayName = "Employee file", allowedDependencies = {"platform", "identity"})
package org.servicecharter.employeefile;

import org.springframework.modulith.ApplicationModule;
