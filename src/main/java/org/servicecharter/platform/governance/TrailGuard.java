package org.servicecharter.platform.governance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.batch.history.DeleteHistoricBatchCmd;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricCaseInstancesBulkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricTaskInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserOperationLogEntryCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricBatchesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.UpdateCaseDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByDefinitionIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByInstanceIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBatchCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBulkCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.CaseDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.servicecharter.platform.Conflict;
import org.servicecharter.platform.Refused;

/**
 * Nothing erases the trail — for anyone, administrators and Java callers included, through every door to the engine
 * ({@code /engine-rest}, the web apps' engine API that Cockpit uses, Java). A command interceptor inside the engine's
 * command context and transaction ({@link TrailProtectionPlugin} installs it), so the check and the delete see the
 * same data.
 *
 * <h2>Deletes that would take instances or history with them: 409</h2>
 * A deployment ({@link DeleteDeploymentCmd}) or process definition ({@link DeleteProcessDefinitionsByIdsCmd},
 * {@link DeleteProcessDefinitionsByKeyCmd}) that still has running process instances, finished ones whose history is
 * still kept (the cleanup has not yet removed it after the model's time-to-live), decision evaluations of its
 * decisions or case instances is not deleted, with or without {@code cascade}: {@link Conflict} naming what
 * is left and what to do instead (suspend). The caller's own right to delete is checked first, so someone without it
 * hears 403, not about the instances. A deployment without any of these may be deleted by whoever holds DELETE on it
 * — administrators only (see {@link CreatorReadsDeployment}).
 *
 * <h2>Commands that delete, shorten or rewrite history: 403</h2>
 * Refused outright ({@link Refused}, 403, {@link #historyRefusal}); the history cleanup job does not use any of them (it
 * deletes by removal time through the engine's entity managers):
 * <ul>
 * <li>historic process instances: {@link DeleteHistoricProcessInstancesCmd} (single, if-exists and bulk),
 * {@link DeleteHistoricProcessInstancesBatchCmd} (async);</li>
 * <li>historic decision instances: {@link DeleteHistoricDecisionInstanceByInstanceIdCmd},
 * {@link DeleteHistoricDecisionInstanceByDefinitionIdCmd}, {@link DeleteHistoricDecisionInstancesBulkCmd},
 * {@link DeleteHistoricDecisionInstancesBatchCmd} (async);</li>
 * <li>historic case instances: {@link DeleteHistoricCaseInstanceCmd}, {@link DeleteHistoricCaseInstancesBulkCmd};</li>
 * <li>historic tasks and variables: {@link DeleteHistoricTaskInstanceCmd}, {@link DeleteHistoricVariableInstanceCmd},
 * {@link DeleteHistoricVariableInstancesByProcessInstanceIdCmd};</li>
 * <li>the operation log and batch history: {@link DeleteUserOperationLogEntryCmd}, {@link DeleteHistoricBatchCmd};</li>
 * <li>removal times: {@link SetRemovalTimeToHistoricProcessInstancesCmd},
 * {@link SetRemovalTimeToHistoricDecisionInstancesCmd}, {@link SetRemovalTimeToHistoricBatchesCmd};</li>
 * <li>time-to-live changed through the API: {@link UpdateProcessDefinitionHistoryTimeToLiveCmd},
 * {@link UpdateDecisionDefinitionHistoryTimeToLiveCmd}, {@link UpdateCaseDefinitionHistoryTimeToLiveCmd} (a model's
 * time-to-live is set in the model and changes with a new version);</li>
 * <li>comments and attachments: {@link DeleteTaskCommentCmd}, {@link DeleteProcessInstanceCommentCmd},
 * {@link UpdateCommentCmd}, {@link DeleteAttachmentCmd}.</li>
 * </ul>
 * Left as they are: deleting a running process instance (its history stays, with the reason, and the operation log
 * names who), annotating operation-log entries, and what the engine does inside a command it is already running.
 */
public class TrailGuard extends CommandInterceptor {

    static final Map<Class<?>, String> HISTORY_COMMANDS = historyCommands();

    private static Map<Class<?>, String> historyCommands() {
        Map<Class<?>, String> commands = new LinkedHashMap<>();
        commands.put(DeleteHistoricProcessInstancesCmd.class, "deleting historic process instances");
        commands.put(DeleteHistoricProcessInstancesBatchCmd.class, "deleting historic process instances");
        commands.put(DeleteHistoricDecisionInstanceByInstanceIdCmd.class, "deleting historic decision instances");
        commands.put(DeleteHistoricDecisionInstanceByDefinitionIdCmd.class, "deleting historic decision instances");
        commands.put(DeleteHistoricDecisionInstancesBulkCmd.class, "deleting historic decision instances");
        commands.put(DeleteHistoricDecisionInstancesBatchCmd.class, "deleting historic decision instances");
        commands.put(DeleteHistoricCaseInstanceCmd.class, "deleting historic case instances");
        commands.put(DeleteHistoricCaseInstancesBulkCmd.class, "deleting historic case instances");
        commands.put(DeleteHistoricTaskInstanceCmd.class, "deleting historic tasks");
        commands.put(DeleteHistoricVariableInstanceCmd.class, "deleting historic variables");
        commands.put(DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class, "deleting historic variables");
        commands.put(DeleteUserOperationLogEntryCmd.class, "deleting operation log entries");
        commands.put(DeleteHistoricBatchCmd.class, "deleting batch history");
        commands.put(SetRemovalTimeToHistoricProcessInstancesCmd.class, "setting a removal time");
        commands.put(SetRemovalTimeToHistoricDecisionInstancesCmd.class, "setting a removal time");
        commands.put(SetRemovalTimeToHistoricBatchesCmd.class, "setting a removal time");
        commands.put(UpdateProcessDefinitionHistoryTimeToLiveCmd.class, "changing a time-to-live outside the model");
        commands.put(UpdateDecisionDefinitionHistoryTimeToLiveCmd.class, "changing a time-to-live outside the model");
        commands.put(UpdateCaseDefinitionHistoryTimeToLiveCmd.class, "changing a time-to-live outside the model");
        commands.put(DeleteTaskCommentCmd.class, "deleting comments");
        commands.put(DeleteProcessInstanceCommentCmd.class, "deleting comments");
        commands.put(UpdateCommentCmd.class, "rewriting comments");
        commands.put(DeleteAttachmentCmd.class, "deleting attachments");
        return Map.copyOf(commands);
    }

    /**
     * Someone — an administrator included — tried to delete or shorten history, or to rewrite the trail (a comment, an
     * attachment). Refused (403) for everyone: the engine REST resources for history pass authorization refusals
     * through, where they would turn other engine errors into a misleading 404.
     */
    static String historyRefusal(String what) {
        return "History is removed only by the history cleanup after each model's time-to-live (" + what
                + " is refused for everyone, administrators included): the trail is kept as it happened.";
    }

    @Override
    public <T> T execute(Command<T> command) {
        for (Map.Entry<Class<?>, String> refused : HISTORY_COMMANDS.entrySet()) {
            if (refused.getKey().isInstance(command)) {
                throw new Refused(historyRefusal(refused.getValue()));
            }
        }
        if (command instanceof DeleteDeploymentCmd delete) {
            ensureDeploymentHasNoTrail(Context.getCommandContext(), EngineInternals.deploymentId(delete));
        } else if (command instanceof DeleteProcessDefinitionsByIdsCmd delete) {
            ensureDefinitionsHaveNoTrail(Context.getCommandContext(), EngineInternals.processDefinitionIds(delete));
        } else if (command instanceof DeleteProcessDefinitionsByKeyCmd delete) {
            ensureKeyHasNoTrail(Context.getCommandContext(), EngineInternals.processDefinitionKey(delete));
        }
        return next.execute(command);
    }

    private static void ensureDeploymentHasNoTrail(CommandContext context, String deploymentId) {
        if (deploymentId == null) {
            return;
        }
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkDeleteDeployment(deploymentId);
        }
        context.runWithoutAuthorization(() -> {
            ProcessEngineConfigurationImpl engine = context.getProcessEngineConfiguration();
            Deployment deployment = engine.getRepositoryService().createDeploymentQuery().deploymentId(deploymentId).singleResult();
            if (deployment == null) {
                return null;
            }
            Trail trail = trailOf(engine,
                    ids(engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId).list()),
                    engine.getRepositoryService().createDecisionDefinitionQuery().deploymentId(deploymentId).list().stream()
                            .map(DecisionDefinition::getId).toList(),
                    engine.getRepositoryService().createCaseDefinitionQuery().deploymentId(deploymentId).list().stream()
                            .map(CaseDefinition::getId).toList());
            if (!trail.isEmpty()) {
                String name = deployment.getName() == null ? deploymentId : "'" + deployment.getName() + "' (" + deploymentId + ")";
                throw new Conflict("Deployment " + name + " cannot be deleted: it has " + trail + ", and their history"
                        + " is kept until the model's time-to-live has passed. Nothing that would remove instances or their history"
                        + " is deleted, by anyone; suspend its process definitions instead (PUT /process-definition/{id}/suspended).");
            }
            return null;
        });
    }

    private static void ensureDefinitionsHaveNoTrail(CommandContext context, Collection<String> processDefinitionIds) {
        for (String id : processDefinitionIds) {
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkDeleteProcessDefinitionById(id);
            }
        }
        context.runWithoutAuthorization(() -> {
            ProcessEngineConfigurationImpl engine = context.getProcessEngineConfiguration();
            for (String id : processDefinitionIds) {
                ensureDefinitionHasNoTrail(engine, engine.getRepositoryService().createProcessDefinitionQuery()
                        .processDefinitionId(id).singleResult());
            }
            return null;
        });
    }

    private static void ensureKeyHasNoTrail(CommandContext context, String key) {
        if (key == null) {
            return;
        }
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkDeleteProcessDefinitionByKey(key);
        }
        context.runWithoutAuthorization(() -> {
            ProcessEngineConfigurationImpl engine = context.getProcessEngineConfiguration();
            // every tenant's versions of the key: refusing too much is the safe side
            for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(key).list()) {
                ensureDefinitionHasNoTrail(engine, definition);
            }
            return null;
        });
    }

    private static void ensureDefinitionHasNoTrail(ProcessEngineConfigurationImpl engine, ProcessDefinition definition) {
        if (definition == null) {
            return;
        }
        Trail trail = trailOf(engine, List.of(definition.getId()), List.of(), List.of());
        if (!trail.isEmpty()) {
            throw new Conflict("Process definition '" + definition.getKey() + "' version " + definition.getVersion()
                    + " (" + definition.getId() + ") cannot be deleted: it has " + trail + ", and their history is kept until"
                    + " the model's time-to-live has passed. Nothing that would remove instances or their history is deleted, by"
                    + " anyone; suspend it instead (PUT /process-definition/{id}/suspended).");
        }
    }

    private static Trail trailOf(ProcessEngineConfigurationImpl engine, List<String> processDefinitionIds, List<String> decisionDefinitionIds,
            List<String> caseDefinitionIds) {
        long running = 0;
        long finished = 0;
        for (String id : processDefinitionIds) {
            running += engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(id).count();
            finished += engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionId(id).finished().count();
        }
        long decisions = decisionDefinitionIds.isEmpty() ? 0 : engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionIdIn(decisionDefinitionIds.toArray(String[]::new)).count();
        long cases = 0;
        for (String id : caseDefinitionIds) {
            // with history, every case instance has a historic one; without, only the running ones are known
            cases += Math.max(engine.getHistoryService().createHistoricCaseInstanceQuery().caseDefinitionId(id).count(),
                    engine.getCaseService().createCaseInstanceQuery().caseDefinitionId(id).count());
        }
        return new Trail(running, finished, decisions, cases);
    }

    private static List<String> ids(List<ProcessDefinition> definitions) {
        return definitions.stream().map(ProcessDefinition::getId).toList();
    }

    /** What a deployment or definition still has: counted so that the refusal can say it in words. */
    record Trail(long running, long finished, long decisions, long cases) {

        boolean isEmpty() {
            return running + finished + decisions + cases == 0;
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            if (running > 0 && finished > 0) {
                parts.add(running + " running and " + finished + " finished process instances");
            } else if (running + finished > 0) {
                long count = running + finished;
                parts.add(count + (running > 0 ? " running" : " finished") + " process instance" + (count == 1 ? "" : "s"));
            }
            if (decisions > 0) {
                parts.add(decisions + " decision evaluation" + (decisions == 1 ? "" : "s"));
            }
            if (cases > 0) {
                parts.add(cases + " case instance" + (cases == 1 ? "" : "s"));
            }
            return parts.size() == 1 ? parts.get(0)
                    : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        }
    }
}
