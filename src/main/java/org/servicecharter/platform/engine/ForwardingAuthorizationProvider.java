package org.servicecharter.platform.engine;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.ResourceAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionRequirementsDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * A decorator of the engine's {@link ResourceAuthorizationProvider} (the default grants the engine writes when a
 * deployment, a task, an identity link … is created) that passes everything through; subclasses change what they
 * must. Decorators compose: each plugin wraps whatever provider the engine has in {@code postInit}.
 */
public abstract class ForwardingAuthorizationProvider implements ResourceAuthorizationProvider {

    private final ResourceAuthorizationProvider delegate;

    protected ForwardingAuthorizationProvider(ResourceAuthorizationProvider delegate) {
        this.delegate = delegate;
    }

    public ResourceAuthorizationProvider delegate() {
        return delegate;
    }

    @Override
    public AuthorizationEntity[] newDeployment(Deployment deployment) {
        return delegate.newDeployment(deployment);
    }

    @Override
    public AuthorizationEntity[] newUser(User user) {
        return delegate.newUser(user);
    }

    @Override
    public AuthorizationEntity[] newGroup(Group group) {
        return delegate.newGroup(group);
    }

    @Override
    public AuthorizationEntity[] newTenant(Tenant tenant) {
        return delegate.newTenant(tenant);
    }

    @Override
    public AuthorizationEntity[] groupMembershipCreated(String groupId, String userId) {
        return delegate.groupMembershipCreated(groupId, userId);
    }

    @Override
    public AuthorizationEntity[] tenantMembershipCreated(Tenant tenant, User user) {
        return delegate.tenantMembershipCreated(tenant, user);
    }

    @Override
    public AuthorizationEntity[] tenantMembershipCreated(Tenant tenant, Group group) {
        return delegate.tenantMembershipCreated(tenant, group);
    }

    @Override
    public AuthorizationEntity[] newFilter(Filter filter) {
        return delegate.newFilter(filter);
    }

    @Override
    public AuthorizationEntity[] newProcessDefinition(ProcessDefinition processDefinition) {
        return delegate.newProcessDefinition(processDefinition);
    }

    @Override
    public AuthorizationEntity[] newProcessInstance(ProcessInstance processInstance) {
        return delegate.newProcessInstance(processInstance);
    }

    @Override
    public AuthorizationEntity[] newTask(Task task) {
        return delegate.newTask(task);
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        return delegate.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        return delegate.newTaskOwner(task, oldOwner, newOwner);
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        return delegate.newTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        return delegate.newTaskGroupIdentityLink(task, groupId, type);
    }

    @Override
    public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
        return delegate.deleteTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
        return delegate.deleteTaskGroupIdentityLink(task, groupId, type);
    }

    @Override
    public AuthorizationEntity[] newDecisionDefinition(DecisionDefinition decisionDefinition) {
        return delegate.newDecisionDefinition(decisionDefinition);
    }

    @Override
    public AuthorizationEntity[] newDecisionRequirementsDefinition(DecisionRequirementsDefinition decisionRequirementsDefinition) {
        return delegate.newDecisionRequirementsDefinition(decisionRequirementsDefinition);
    }
}
