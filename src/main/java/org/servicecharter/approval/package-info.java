/**
 * Decision approval tiers with four-eyes, the approvals register and recognitions.
 *
 * <p>A module (Spring Modulith): other modules use only its public types in this package and its named interfaces;
 * its own dependencies are the ones declared here, checked by {@code ModulesTests} in {@code mvn verify}.
 */
@ApplicationModule(displayName = "Decision approval", allowedDependencies = {"platform", "platform :: models", "platform :: taskrights", "identity", "identity :: models", "messaging", "employeefile"})
package org.servicecharter.approval;

import org.springframework.modulith.ApplicationModule;
