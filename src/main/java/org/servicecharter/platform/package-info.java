/**
 * The platform every feature stands on: engine plugins and patches, the model gate, task rights, the refusal vocabulary, web filters and the API's error model. It knows no feature.
 *
 * <p>A module (Spring Modulith): other modules use only its public types in this package and its named interfaces;
 * its own dependencies are the ones declared here, checked by {@code ModulesTests} in {@code mvn verify}.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
package org.servicecharter.platform;

import org.springframework.modulith.ApplicationModule;
