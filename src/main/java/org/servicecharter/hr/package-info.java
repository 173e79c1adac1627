/**
 * HR pages: the employee file, the handbook versions and their sign-off status, and the corrective action cases, as
 * server-rendered pages behind the web apps' login. They read through the features' own services and API classes, so
 * a page shows exactly what the API answers the same user, and refuses whom the API refuses.
 *
 * <p>A module (Spring Modulith): its dependencies are the ones declared here, checked by {@code ModulesTests}.
 */
@ApplicationModule(displayName = "HR pages", allowedDependencies = {"platform", "employeefile", "handbook", "correctiveaction"})
package org.servicecharter.hr;

import org.springframework.modulith.ApplicationModule;
