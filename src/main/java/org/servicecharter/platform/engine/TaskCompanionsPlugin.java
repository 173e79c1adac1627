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
 * Names, not user ids, and labels, not codes, where people look. When a user task is created:
 * <ul>
 * <li>each variable that names an employee (as the features declare them, {@link ProcessVariables#employees()}) and is
 * set for the task gets a task-local companion {@code <variable>Name} holding that person's name ("Bob Agent"; their
 * id when they have none). The name is read without the current user's authorizations: whoever sees the task may see
 * whom it is about. A task assigned to the person named gets none;</li>
 * <li>each variable holding a code ({@link ProcessVariables#labelled()}) gets {@code <variable>Label}, the label the
 * process's start form gives that value ("Refund to the customer" for {@code refund}) — the words a process owner
 * chose in Modeler, read from the deployed form once per process definition. A value the form does not list keeps
 * its code.</li>
 * </ul>
 * Task cards in Tasklist and the task's forms show the companions; the ids and codes stay the facts the procedures
 * use. A companion is a variable like any other, so the audit trail shows it being set.
 */
@Component
public class TaskCompanionsPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ProcessVariables> features;
    private volatile List<String> employeeVariables;
    private volatile List<String> labelledVariables;
    /** Process definition id → variable → value → label, from its start form. */
    private final java.util.Map<String, java.util.Map<String, java.util.Map<String, String>>> startFormLabels =
            new java.util.concurrent.ConcurrentHashMap<>();

    public TaskCompanionsPlugin(ObjectProvider<ProcessVariables> features) {
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
            // a task being created has no variables of its own yet: the facts are its execution's, read there without
            // a look-up of the task's (empty) variables
            if (task.getExecution() == null || !(task.getExecution().getVariable(variable) instanceof String userId) || userId.isBlank()
                    || userId.equals(task.getAssignee())) {
                continue; // nothing to name, or the task is that person's own (they know their name)
            }
            task.setVariableLocal(ProcessVariables.nameOf(variable), nameOf(userId));
        }
        List<String> labelled = labelledVariables();
        if (labelled.isEmpty() || task.getExecution() == null) {
            return;
        }
        java.util.Map<String, java.util.Map<String, String>> labels = null;
        for (String variable : labelled) {
            if (!(task.getExecution().getVariable(variable) instanceof String code) || code.isBlank()) {
                continue;
            }
            if (labels == null) {
                labels = startFormLabels.computeIfAbsent(task.getProcessDefinitionId(), TaskCompanionsPlugin::labelsOfStartForm);
            }
            String label = labels.getOrDefault(variable, java.util.Map.of()).get(code);
            if (label != null) {
                task.setVariableLocal(ProcessVariables.labelOf(variable), label);
            }
        }
    }

    private List<String> labelledVariables() {
        List<String> variables = labelledVariables;
        if (variables == null) {
            variables = ProcessVariables.labelledOf(features.orderedStream().toList());
            labelledVariables = variables;
        }
        return variables;
    }

    /**
     * The labels of the values of the start form's choice fields (select, radio): key → value → label. The form is
     * the start event's {@code camunda:formRef}, found in the definition's deployment by its id.
     */
    static java.util.Map<String, java.util.Map<String, String>> labelsOfStartForm(String processDefinitionId) {
        CommandContext commandContext = Context.getCommandContext();
        return commandContext.runWithoutAuthorization(() -> {
            org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity definition =
                    commandContext.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(processDefinitionId);
            org.camunda.bpm.model.bpmn.BpmnModelInstance model =
                    commandContext.getProcessEngineConfiguration().getDeploymentCache().findBpmnModelInstanceForProcessDefinition(definition);
            java.util.Set<String> formIds = new java.util.HashSet<>();
            for (org.camunda.bpm.model.bpmn.instance.StartEvent start : model.getModelElementsByType(
                    org.camunda.bpm.model.bpmn.instance.StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    formIds.add(start.getCamundaFormRef());
                }
            }
            java.util.Map<String, java.util.Map<String, String>> labels = new java.util.HashMap<>();
            if (formIds.isEmpty()) {
                return labels;
            }
            for (org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity resource : commandContext.getResourceManager()
                    .findResourcesByDeploymentId(definition.getDeploymentId())) {
                if (resource.getName().endsWith(".form") && resource.getBytes() != null) {
                    collectLabels(resource.getBytes(), formIds, labels);
                }
            }
            return labels;
        });
    }

    private static void collectLabels(byte[] form, java.util.Set<String> formIds,
            java.util.Map<String, java.util.Map<String, String>> labels) {
        try {
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(form);
            if (root == null || !formIds.contains(root.path("id").asText())) {
                return;
            }
            for (com.fasterxml.jackson.databind.JsonNode field : root.findParents("values")) {
                if (!field.path("key").isTextual() || !field.path("values").isArray()) {
                    continue;
                }
                java.util.Map<String, String> byValue = labels.computeIfAbsent(field.path("key").asText(), k -> new java.util.HashMap<>());
                for (com.fasterxml.jackson.databind.JsonNode option : field.path("values")) {
                    if (option.path("value").isValueNode() && option.path("label").isTextual()) {
                        byValue.putIfAbsent(option.path("value").asText(), option.path("label").asText());
                    }
                }
            }
        } catch (java.io.IOException notAForm) {
            // a file that is not a Camunda Form has no labels to give
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
        return org.servicecharter.platform.PersonName.of(user, userId);
    }
}
