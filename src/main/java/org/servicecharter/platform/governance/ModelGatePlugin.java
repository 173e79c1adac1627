package org.servicecharter.platform.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deployment gate: every new deployment — from the repository at start-up, from Camunda Modeler, from Cockpit,
 * from an administrator — passes every {@link DeploymentCheck} before the engine deploys anything, or is refused as
 * a whole with {@link ModelRefusedException} (400, naming file, element and attribute). Deployments the engine
 * merely loads again (a restart, another node) are not re-checked here; what runs is still bound by the run-time
 * sandbox ({@link SandboxedExpressionManager}).
 *
 * <p>{@code servicecharter.models.deployment-check=false} switches the gate off — for tests that prove the run-time
 * sandbox holds on its own, never in operation.
 */
@Component
public class ModelGatePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<DeploymentCheck> checks;
    private final ObjectProvider<ModelBeans> modelBeans;
    private volatile boolean enabled;

    public ModelGatePlugin(ObjectProvider<DeploymentCheck> checks, ObjectProvider<ModelBeans> modelBeans,
            @Value("${servicecharter.models.deployment-check:true}") boolean enabled) {
        this.checks = checks;
        this.modelBeans = modelBeans;
        this.enabled = enabled;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(this::check);
    }

    void check(DeploymentEntity deployment) {
        if (!enabled || !deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            files.put(resource.getName(), resource.getBytes());
        }
        CommandContext commandContext = Context.getCommandContext();
        // The application's own deployment at start-up (source "process application", nobody logged in) runs before
        // the identity initialiser creates the product's groups on a new database; its models are checked against
        // the real groups in a test (DeploymentCompletenessTests) instead of against an empty identity service here.
        boolean applicationStartUp = ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE.equals(deployment.getSource())
                && commandContext.getAuthenticatedUserId() == null;
        DeploymentContents contents = new DeploymentContents(files, new DeploymentContents.Identity() {
            @Override
            public boolean groupExists(String groupId) {
                return applicationStartUp || commandContext.runWithoutAuthorization(() ->
                        commandContext.getReadOnlyIdentityProvider().createGroupQuery().groupId(groupId).count() > 0);
            }

            @Override
            public boolean userExists(String userId) {
                return applicationStartUp || commandContext.runWithoutAuthorization(() ->
                        commandContext.getReadOnlyIdentityProvider().createUserQuery().userId(userId).count() > 0);
            }
        });
        List<ModelProblem> problems = new ArrayList<>();
        checks.orderedStream().forEach(check -> problems.addAll(check.check(contents)));
        if (!problems.isEmpty()) {
            boolean pointsToTheList = problems.stream().anyMatch(p -> p.message().contains(ExpressionCheck.PUBLISHED_AT_THE_END));
            throw new ModelRefusedException(problems, pointsToTheList
                    ? "Published for models: " + modelBeans.getObject().describe() : "");
        }
    }

    /** For tests of the run-time sandbox only: lets a model through that the gate would refuse. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
