package org.servicecharter.platform.governance;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * "A task offered to a group or user that does not exist is refused": the deployment check refuses literal ids; an
 * id an expression names ({@code camunda:candidateGroups="${approverGroups}"}) is checked here, when the task is
 * created. A task nobody can see would wait forever; instead the step fails with a {@link ModelDefectException} —
 * the request that caused it answers 409, a job becomes an incident. Ids found to exist are remembered for a few
 * minutes, so a steady state costs no query.
 */
@Component
public class TaskPeopleExistPlugin extends AbstractProcessEnginePlugin {

    private static final long REMEMBER_MILLIS = 5 * 60 * 1000L;

    private final Map<String, Long> knownGroups = new ConcurrentHashMap<>();
    private final Map<String, Long> knownUsers = new ConcurrentHashMap<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener check = this::check;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, check);
                }
            }
        });
    }

    void check(DelegateTask task) {
        CommandContext commandContext = Context.getCommandContext();
        if (task.getAssignee() != null) {
            require("user", task.getAssignee(), task, knownUsers, id -> exists(commandContext, id, false));
        }
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null) {
                require("group", link.getGroupId(), task, knownGroups, id -> exists(commandContext, id, true));
            }
            if (link.getUserId() != null) {
                require("user", link.getUserId(), task, knownUsers, id -> exists(commandContext, id, false));
            }
        }
    }

    private static void require(String kind, String id, DelegateTask task, Map<String, Long> known, Predicate<String> exists) {
        long now = System.currentTimeMillis();
        Long seen = known.get(id);
        if (seen != null && now - seen < REMEMBER_MILLIS) {
            return;
        }
        if (!exists.test(id)) {
            throw new ModelDefectException("The task '" + task.getName() + "' (" + task.getTaskDefinitionKey() + ") would be"
                    + " offered to the " + kind + " '" + id + "', which does not exist, so nobody could ever see it; an"
                    + " administrator creates the " + kind + " or the process owner corrects the model");
        }
        known.put(id, now);
    }

    private static boolean exists(CommandContext commandContext, String id, boolean group) {
        return commandContext.runWithoutAuthorization(() -> group
                ? commandContext.getReadOnlyIdentityProvider().createGroupQuery().groupId(id).count() > 0
                : commandContext.getReadOnlyIdentityProvider().createUserQuery().userId(id).count() > 0);
    }
}
