package org.servicecharter.platform.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * Two people completing one task at the same moment (on one node or two): the engine may fail the loser in
 * several ways — an optimistic-locking conflict, or, when the winner's commit lands between the loser's reads,
 * an internal NullPointerException, or "task not found". Whatever the loser got, if the task has been completed,
 * the truthful answer is 409; a task that never existed stays 404.
 */
final class TaskCompletionRace {

    private static final Pattern COMPLETION = Pattern.compile("(?:^|/)task/([^/]+)/(?:complete|submit-form|resolve)$");

    private TaskCompletionRace() {
    }

    static Response answerIfLost(UriInfo uriInfo) {
        if (uriInfo == null) {
            return null;
        }
        Matcher matcher = COMPLETION.matcher(uriInfo.getPath());
        if (!matcher.find()) {
            return null;
        }
        String taskId = matcher.group(1);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                EngineUtil.lookupProcessEngine(null).getProcessEngineConfiguration();
        // existence only, whatever the caller may read: the caller has just tried to complete this very task
        boolean completedBefore = configuration.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            boolean running = context.getTaskManager().findTaskById(taskId) != null;
            HistoricTaskInstance historic = context.getProcessEngineConfiguration().getHistoryService()
                    .createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
            return !running && historic != null && historic.getEndTime() != null;
        });
        if (!completedBefore) {
            return null;
        }
        return EngineRestExceptionMapper.answer(Response.Status.CONFLICT, "TaskAlreadyCompleted",
                "This task has already been completed (by someone else at the same moment, or earlier); nothing of yours was saved.");
    }
}
