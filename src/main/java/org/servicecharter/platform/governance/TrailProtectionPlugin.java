package org.servicecharter.platform.governance;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.ResourceAuthorizationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Nothing erases the trail, wired into the engine:
 * <ul>
 * <li>{@link TrailGuard} runs inside every command (both command executors, after the command context has opened, so
 * that its checks and the command share one transaction);</li>
 * <li>the engine internals it reads are checked before the engine starts ({@link EngineInternals});</li>
 * <li>whoever creates a deployment gets READ on it but not DELETE ({@link CreatorReadsDeployment}), and at every
 * start the DELETE that users (or any group but the administrators) hold on deployments from before is taken away,
 * so that only administrators delete a deployment — and only one without instances or history.</li>
 * </ul>
 */
@Component
public class TrailProtectionPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TrailProtectionPlugin.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineInternals.verify();
        TrailGuard guard = new TrailGuard();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(guard);
        if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new TrailGuard());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        ResourceAuthorizationProvider provider = configuration.getResourceAuthorizationProvider();
        if (!(provider instanceof CreatorReadsDeployment)) {
            configuration.setResourceAuthorizationProvider(new CreatorReadsDeployment(provider));
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        int stripped = stripDeploymentDeletes(engine.getAuthorizationService(), configuration.getAdminGroups(),
                configuration.getAdminUsers());
        if (stripped > 0) {
            log.info("Took DELETE away from {} deployment grant(s): only administrators delete deployments", stripped);
        }
    }

    /** Every grant of DELETE on deployments, except the administrators', loses DELETE and keeps the rest. Idempotent. */
    static int stripDeploymentDeletes(AuthorizationService authorizations, List<String> adminGroups, List<String> adminUsers) {
        int stripped = 0;
        for (Authorization grant : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.DEPLOYMENT).hasPermission(Permissions.DELETE).list()) {
            boolean admin = (grant.getGroupId() != null && adminGroups != null && adminGroups.contains(grant.getGroupId()))
                    || (grant.getUserId() != null && adminUsers != null && adminUsers.contains(grant.getUserId()));
            if (admin) {
                continue;
            }
            grant.removePermission(Permissions.DELETE);
            authorizations.saveAuthorization(grant);
            stripped++;
        }
        return stripped;
    }
}
