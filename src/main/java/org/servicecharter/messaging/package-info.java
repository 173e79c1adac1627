/**
 * One outbox for every message, its templates and its sender over SMTP; knows no feature.
 *
 * <p>A module (Spring Modulith): other modules use only its public types in this package and its named interfaces;
 * its own dependencies are the ones declared here, checked by {@code ModulesTests} in {@code mvn verify}.
 */
@ApplicationModule(displayName = "Messaging", allowedDependencies = {"platform"})
package org.servicecharter.messaging;

import org.springframework.modulith.ApplicationModule;
