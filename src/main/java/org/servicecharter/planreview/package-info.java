/**
 * The periodic plan review: figures, decisions, strategies and the re-measure.
 *
 * <p>A module (Spring Modulith): other modules use only its public types in this package and its named interfaces;
 * its own dependencies are the ones declared here, checked by {@code ModulesTests} in {@code mvn verify}.
 */
@ApplicationModule(displayName = "Plan review", allowedDependencies = {"platform", "platform :: models", "platform :: taskrights", "identity", "identity :: models", "complaint", "approval", "messaging", "handbook", "correctiveaction", "employeefile"})
package org.servicecharter.planreview;

import org.springframework.modulith.ApplicationModule;
