/**
 * The department's face on Camunda's web apps (Tasklist, Cockpit, Admin and their welcome page): the application's
 * name, an optional logo and colour from {@code servicecharter.webapps.*}, and no vendor banner — through the web apps'
 * own customisation files ({@code scripts/config.js}, {@code styles/user-styles.css}), not a fork; and Camunda Forms in
 * Tasklist that lose nothing typed (a Tasklist custom script, {@code forms-lose-nothing.js}, that runs form-js without
 * its input debounce).
 *
 * <p>A module (Spring Modulith): its dependencies are the ones declared here, checked by {@code ModulesTests}.
 */
@ApplicationModule(displayName = "Web apps' face", allowedDependencies = {})
package org.servicecharter.webapps;

import org.springframework.modulith.ApplicationModule;
