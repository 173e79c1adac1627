package org.servicecharter.platform.governance;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who may start a procedure is said in its model: {@code camunda:candidateStarterGroups} and
 * {@code camunda:candidateStarterUsers} on the process (Modeler: process → "Candidate starter groups / users").
 * When a new version is deployed — from the repository at start-up, from Camunda Modeler, by anyone — each group and
 * user it lists gets what starting needs (the grants Tasklist's start list and "Deploy and start" check):
 * <ul>
 * <li>PROCESS_DEFINITION {@code <key>}: READ and CREATE_INSTANCE;</li>
 * <li>PROCESS_INSTANCE {@code *}: CREATE.</li>
 * </ul>
 * Kept in step with the versions: groups and users that the previous version of the key listed and the new one no
 * longer lists lose CREATE_INSTANCE on that key (they keep READ and, as it is shared by every key, PROCESS_INSTANCE
 * CREATE, neither of which starts anything). Only what a previous version's model listed is taken back; a right
 * given by hand to someone no version listed stays. A version that lists nobody leaves nobody with a right to start
 * it that came from a model.
 *
 * <p>The grants are written inside the deployment's own command (one transaction with it, in the operation log as
 * the deployer's), without the deployer needing rights on authorizations: a process owner decides who starts the
 * procedures she owns, and nothing else (she creates no groups, grants nothing on other keys). Expressions in these
 * attributes are ignored: a grant needs a literal id. Deployments the engine merely loads again are left alone.
 */
@Component
public class CandidateStarterGrants extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CandidateStarterGrants.class);

    static final Permission[] DEFINITION_GRANT = {ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE};

    /** One group or one user. */
    record Starter(String userId, String groupId) {

        static Starter group(String id) {
            return new Starter(null, id);
        }

        static Starter user(String id) {
            return new Starter(id, null);
        }

        @Override
        public String toString() {
            return userId != null ? "user " + userId : "group " + groupId;
        }
    }

    private static final Comparator<Starter> BY_NAME = Comparator.comparing(Starter::toString);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostDeployers() == null) {
            configuration.setCustomPostDeployers(new ArrayList<>());
        }
        configuration.getCustomPostDeployers().add(this::grant);
    }

    void grant(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        List<ProcessDefinition> definitions = deployment.getDeployedProcessDefinitions();
        if (definitions == null || definitions.isEmpty()) {
            return;
        }
        CommandContext commandContext = Context.getCommandContext();
        commandContext.runWithoutAuthorization(() -> {
            // PROCESS_INSTANCE * CREATE is one row per group or user for every key: written once per deployment
            Set<Starter> everyStarter = new TreeSet<>(BY_NAME);
            for (ProcessDefinition deployed : definitions) {
                ProcessDefinitionEntity definition = (ProcessDefinitionEntity) deployed;
                Set<Starter> listed = listedBy(definition);
                Set<Starter> before = listedByPreviousVersion(commandContext, definition);
                for (Starter starter : listed) {
                    add(commandContext, starter, Resources.PROCESS_DEFINITION, definition.getKey(), DEFINITION_GRANT);
                }
                everyStarter.addAll(listed);
                for (Starter starter : before) {
                    if (!listed.contains(starter)) {
                        takeBackStart(commandContext, starter, definition.getKey());
                    }
                }
                if (!listed.isEmpty() || !before.isEmpty()) {
                    List<Starter> dropped = before.stream().filter(s -> !listed.contains(s)).toList();
                    log.info("Process '{}' version {}: may be started by {}{}", definition.getKey(), definition.getVersion(),
                            listed.isEmpty() ? "nobody (no candidate starters)" : listed,
                            dropped.isEmpty() ? "" : ", no longer by " + dropped);
                }
            }
            for (Starter starter : everyStarter) {
                add(commandContext, starter, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
            }
            return null;
        });
    }

    /** The literal groups and users the new version lists (the engine parsed the attributes into expressions). */
    static Set<Starter> listedBy(ProcessDefinitionEntity definition) {
        Set<Starter> starters = new TreeSet<>(BY_NAME);
        for (Expression expression : definition.getCandidateStarterGroupIdExpressions()) {
            literal(expression).map(Starter::group).ifPresent(starters::add);
        }
        for (Expression expression : definition.getCandidateStarterUserIdExpressions()) {
            literal(expression).map(Starter::user).ifPresent(starters::add);
        }
        return starters;
    }

    /**
     * What the version before this one listed, from the candidate-starter links the engine stored when it was
     * deployed (no parsing of the old model).
     */
    static Set<Starter> listedByPreviousVersion(CommandContext commandContext, ProcessDefinitionEntity definition) {
        String previousId = commandContext.getProcessDefinitionManager()
                .findPreviousProcessDefinitionId(definition.getKey(), definition.getVersion(), definition.getTenantId());
        Set<Starter> starters = new TreeSet<>(BY_NAME);
        if (previousId == null) {
            return starters;
        }
        for (IdentityLinkEntity link : commandContext.getIdentityLinkManager().findIdentityLinksByProcessDefinitionId(previousId)) {
            if (!"candidate".equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null && isLiteral(link.getGroupId())) {
                starters.add(Starter.group(link.getGroupId().trim()));
            } else if (link.getUserId() != null && isLiteral(link.getUserId())) {
                starters.add(Starter.user(link.getUserId().trim()));
            }
        }
        return starters;
    }

    private static Optional<String> literal(Expression expression) {
        String text = expression.getExpressionText();
        return text != null && isLiteral(text) && !text.isBlank() ? Optional.of(text.trim()) : Optional.empty();
    }

    static boolean isLiteral(String text) {
        return !text.contains("${") && !text.contains("#{");
    }

    private static void add(CommandContext commandContext, Starter starter, Resource resource, String resourceId,
            Permission... permissions) {
        AuthorizationEntity authorization = commandContext.getAuthorizationManager()
                .findAuthorization(AUTH_TYPE_GRANT, starter.userId(), starter.groupId(), resource, resourceId);
        boolean changed = false;
        if (authorization == null) {
            authorization = new AuthorizationEntity(AUTH_TYPE_GRANT);
            authorization.setUserId(starter.userId());
            authorization.setGroupId(starter.groupId());
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            changed = true;
        }
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            new SaveAuthorizationCmd(authorization).execute(commandContext);
        }
    }

    private static void takeBackStart(CommandContext commandContext, Starter starter, String processKey) {
        AuthorizationEntity authorization = commandContext.getAuthorizationManager().findAuthorization(AUTH_TYPE_GRANT,
                starter.userId(), starter.groupId(), Resources.PROCESS_DEFINITION, processKey);
        if (authorization != null && authorization.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)) {
            authorization.removePermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
            new SaveAuthorizationCmd(authorization).execute(commandContext);
        }
    }
}
