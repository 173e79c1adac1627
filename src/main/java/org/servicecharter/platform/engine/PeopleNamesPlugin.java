package org.servicecharter.platform.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.servicecharter.platform.ProcessVariables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Names, not user ids, where people look: when a user task is created, each variable that names an employee (as the
 * features declare them, {@link ProcessVariables#employees()}) and is set for the task gets a task-local companion
 * {@code <variable>Name} holding that person's name ("Bob Agent"; their id when they have none). Task cards in
 * Tasklist and the task's form show the companion; the id stays the fact the procedures use. The name is read
 * without the current user's authorizations: whoever sees the task may see whom it is about. The companion is a
 * variable like any other, so the audit trail shows it being set. A task assigned to the person named gets none.
 */
@Component
public class PeopleNamesPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ProcessVariables> features;
    private volatile List<String> employeeVariables;

    public PeopleNamesPlugin(ObjectProvider<ProcessVariables> features) {
        this.features = features;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener names = this::name;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, names);
                }
            }
        });
    }

    void name(DelegateTask task) {
        for (String variable : employeeVariables()) {
            if (task.getExecution() == null || !(task.getVariable(variable) instanceof String userId) || userId.isBlank()
                    || userId.equals(task.getAssignee())) {
                continue; // nothing to name, or the task is that person's own (they know their name)
            }
            task.setVariableLocal(ProcessVariables.nameOf(variable), nameOf(userId));
        }
    }

    private List<String> employeeVariables() {
        List<String> variables = employeeVariables;
        if (variables == null) {
            variables = ProcessVariables.employeesOf(features.orderedStream().toList());
            employeeVariables = variables;
        }
        return variables;
    }

    private static String nameOf(String userId) {
        CommandContext commandContext = Context.getCommandContext();
        User user = commandContext.runWithoutAuthorization(
                () -> commandContext.getReadOnlyIdentityProvider().findUserById(userId));
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? userId : name;
    }
}
