package org.servicecharter.platform.governance;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.ResourceAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.servicecharter.platform.engine.ForwardingAuthorizationProvider;

/**
 * Whoever creates a deployment may read it, no longer delete it: Camunda's default grants the creator READ and DELETE
 * ({@code DefaultAuthorizationProvider.newDeployment}); this takes DELETE out of whatever the configured provider
 * grants for a new deployment, and passes everything else through unchanged. A decorator rather than a subclass,
 * so that it composes with any other provider the engine is configured with (installed by
 * {@link TrailProtectionPlugin} after the engine has chosen its provider).
 */
class CreatorReadsDeployment extends ForwardingAuthorizationProvider {

    CreatorReadsDeployment(ResourceAuthorizationProvider delegate) {
        super(delegate);
    }

    @Override
    public AuthorizationEntity[] newDeployment(Deployment deployment) {
        AuthorizationEntity[] authorizations = super.newDeployment(deployment);
        if (authorizations != null) {
            for (AuthorizationEntity authorization : authorizations) {
                if (authorization.getResourceType() == Resources.DEPLOYMENT.resourceType()
                        && authorization.isPermissionGranted(Permissions.DELETE)) {
                    authorization.removePermission(Permissions.DELETE);
                }
            }
        }
        return authorizations;
    }
}
