/**
 * Complaint handling: intake, the complaints register, SLA escalation, the survey and service recovery, fact corrections.
 *
 * <p>A module (Spring Modulith): other modules use only its public types in this package and its named interfaces;
 * its own dependencies are the ones declared here, checked by {@code ModulesTests} in {@code mvn verify}.
 */
@ApplicationModule(displayName = "Complaint handling", allowedDependencies = {"platform", "platform :: models", "platform :: taskrights", "identity", "messaging"})
package org.servicecharter.complaint;

import org.springframework.modulith.ApplicationModule;
