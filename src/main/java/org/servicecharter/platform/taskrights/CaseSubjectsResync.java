package org.servicecharter.platform.taskrights;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.servicecharter.platform.SystemAccess;
import org.servicecharter.platform.TaskLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When whom a case is about changes ({@link CaseSubjectsChanged}), its open tasks are offered anew, in the same
 * transaction as the change: the people it is now about are kept out of its lists and lose a task they held (it goes
 * back to its candidates' queue), the people it was about before find it again. The application does this, not the
 * person who made the correction: no task right of theirs is needed or checked (the feature checked who may correct).
 */
@Component
class CaseSubjectsResync {

    private final ObjectProvider<CaseSubjects> subjectRules;
    private final ProcessEngineConfigurationImpl engine;

    CaseSubjectsResync(ObjectProvider<CaseSubjects> subjectRules, ProcessEngineConfigurationImpl engine) {
        this.subjectRules = subjectRules;
        this.engine = engine;
    }

    @EventListener
    public void on(CaseSubjectsChanged changed) {
        CaseSubjects rule = subjectRules.orderedStream().filter(r -> r.processDefinitionKey().equals(changed.processDefinitionKey()))
                .findFirst().orElse(null);
        if (rule == null) {
            return;
        }
        IdentityService identity = engine.getIdentityService();
        SystemAccess.run(identity, () -> engine.getCommandExecutorTxRequired().execute(context -> {
            for (TaskEntity task : context.getTaskManager().findTasksByProcessInstanceId(changed.processInstanceId())) {
                reoffer(task, rule.of(task));
            }
            return null;
        }));
    }

    private static void reoffer(TaskEntity task, Collection<String> subjects) {
        Set<String> now = subjects == null ? Set.of() : Set.copyOf(subjects);
        List<String> before = task.getIdentityLinks().stream()
                .filter(link -> TaskLinks.EXCLUDED.equals(link.getType()) && link.getUserId() != null)
                .map(IdentityLinkEntity::getUserId).collect(Collectors.toList());
        for (String user : before) {
            if (!now.contains(user)) {
                task.deleteIdentityLink(user, null, TaskLinks.EXCLUDED);
            }
        }
        for (String user : now) {
            if (!before.contains(user)) {
                task.addIdentityLink(user, null, TaskLinks.EXCLUDED);
            }
        }
        if (task.getAssignee() != null && now.contains(task.getAssignee())) {
            task.setAssignee(null);
            task.triggerUpdateEvent();
        }
    }
}
