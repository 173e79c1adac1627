/**
 * The platform every feature stands on. It knows no feature.
 *
 * <p>This package is its shared API: the refusal vocabulary ({@link Refused}, {@link Rejected}, {@link Conflict},
 * {@link NotFound}, {@link Gone}, unwrapped by {@link Refusals}), the current user ({@link CurrentUser}), the one way
 * to run as the system ({@link SystemAccess}), due dates in the department's service hours ({@link ServiceHours}), the application's task-link types ({@link TaskLinks}), and what features
 * contribute: their public endpoints ({@link PublicEndpoints}) and the variables the platform indexes and the audit
 * searches ({@link ProcessVariables}). Sub-packages are internal: {@code engine} (engine plugins and patches; its
 * package-info lists every engine internal the code touches), {@code rest} (the API's and engine REST's error
 * model), {@code web} (filters), {@code governance} (the model gate; named interface {@code models}) and
 * {@code taskrights} (who may work a task; named interface {@code taskrights}).
 *
 * <p>A module (Spring Modulith): other modules use only its public types in this package and its named interfaces;
 * its own dependencies are the ones declared here, checked by {@code ModulesTests} in {@code mvn verify}.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
package org.servicecharter.platform;

import org.springframework.modulith.ApplicationModule;
