/**
 * Corrective action up to an HR decision: the ladder, the confidential case, the employee file's records.
 *
 * <p>A module (Spring Modulith): other modules use only its public types in this package and its named interfaces;
 * its own dependencies are the ones declared here, checked by {@code ModulesTests} in {@code mvn verify}.
 */
@ApplicationModule(displayName = "Corrective action", allowedDependencies = {"complaint", "platform", "platform :: models", "platform :: taskrights", "identity", "messaging", "employeefile"})
package org.servicecharter.correctiveaction;

import org.springframework.modulith.ApplicationModule;
