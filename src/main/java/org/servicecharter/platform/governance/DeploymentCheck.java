package org.servicecharter.platform.governance;

import java.util.List;

/**
 * One rule a deployment must pass before the engine deploys it (a Spring bean; {@link ModelGatePlugin} runs them
 * all and refuses the deployment with every problem found). A check reads only what it is given: the files of the
 * deployment and the identity look-ups; it never throws for a bad model, it reports.
 */
public interface DeploymentCheck {

    List<ModelProblem> check(DeploymentContents deployment);
}
