/**
 * Handbook versions, their documents and the employees' sign-off into the employee file.
 *
 * <p>A module (Spring Modulith): other modules use only its public types in this package and its named interfaces;
 * its own dependencies are the ones declared here, checked by {@code ModulesTests} in {@code mvn verify}.
 */
@ApplicationModule(displayName = "Handbook sign-off", allowedDependencies = {"platform", "platform :: models", "identity", "messaging", "employeefile"})
package org.servicecharter.handbook;

import org.springframework.modulith.ApplicationModule;
