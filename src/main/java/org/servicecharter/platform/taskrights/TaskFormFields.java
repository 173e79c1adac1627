package org.servicecharter.platform.taskrights;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The variables a task's form lets its worker set: what completing the task (complete, submit-form, resolve, BPMN
 * error or escalation from the task) may write, and nothing else.
 * <ul>
 * <li><b>A Camunda Form</b> ({@code camunda:formRef}, or a {@code camunda-forms:deployment:} form key): the variables
 * form-js 1.8.7 — Tasklist 7.24's renderer — submits: the {@code key} of every input component (text field, text
 * area, number, date/time, expression, checkbox, checklist, radio, select, tag list), in groups too, each prefixed by
 * the {@code path} of the groups around it; of a dotted key or path only the first part is a variable (the rest is
 * inside its JSON). A <b>disabled</b> component is shown, not submitted (form-js leaves it out), so it is not accepted:
 * that is how a form shows a fact without letting the worker change it. (A read-only component is submitted by
 * form-js, so it is accepted; display fields are {@code disabled}.)</li>
 * <li><b>A generated form</b> ({@code camunda:formData} fields, or legacy {@code camunda:formProperty}): the field
 * ids.</li>
 * <li><b>Any other task</b> (no form, an embedded or external form): no variables — the task is completed without
 * writing any; a model whose task needs input declares it with a Camunda Form.</li>
 * </ul>
 * Read from the deployment the task's process came from, cached per form definition (deployed resources never change).
 */
final class TaskFormFields {

    /** The component types whose value form-js writes to the variable their key names ({@code config.keyed}). */
    static final Set<String> KEYED_TYPES = Set.of("textfield", "textarea", "number", "datetime", "expression",
            "checkbox", "checklist", "radio", "select", "taglist");

    /** What a task accepts, and the name of the form it comes from (for the refusal's words). */
    record Accepted(String form, Set<String> variables) {
    }

    private static final String CAMUNDA_FORMS_DEPLOYMENT = "camunda-forms:deployment:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Accepted> CACHE = new ConcurrentHashMap<>();

    private TaskFormFields() {
    }

    static Accepted of(TaskEntity task, CommandContext context) {
        if (task.getProcessDefinition() == null) {
            return new Accepted(null, Set.of());
        }
        String deploymentId = task.getProcessDefinition().getDeploymentId();
        task.initializeFormKey();
        CamundaFormRef ref = task.getCamundaFormRef();
        if (ref != null && ref.getKey() != null) {
            CamundaFormDefinition definition = context.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, deploymentId));
            if (definition == null) {
                return new Accepted(ref.getKey(), Set.of());
            }
            return CACHE.computeIfAbsent("form:" + definition.getId(), id -> new Accepted(ref.getKey(),
                    fieldsOf(resource(context, definition.getDeploymentId(), definition.getResourceName()))));
        }
        String formKey = task.getFormKey();
        if (formKey != null && formKey.startsWith(CAMUNDA_FORMS_DEPLOYMENT)) {
            String name = formKey.substring(CAMUNDA_FORMS_DEPLOYMENT.length());
            return CACHE.computeIfAbsent("key:" + deploymentId + ":" + name,
                    id -> new Accepted(name, fieldsOf(resource(context, deploymentId, name))));
        }
        return CACHE.computeIfAbsent("task:" + task.getProcessDefinitionId() + ":" + task.getTaskDefinitionKey(),
                id -> generated(task));
    }

    private static Accepted generated(TaskEntity task) {
        Set<String> fields = new LinkedHashSet<>();
        UserTask userTask = task.getBpmnModelElementInstance();
        if (userTask != null && userTask.getExtensionElements() != null) {
            ExtensionElements extensions = userTask.getExtensionElements();
            for (CamundaFormData data : extensions.getChildElementsByType(CamundaFormData.class)) {
                for (CamundaFormField field : data.getCamundaFormFields()) {
                    if (field.getCamundaId() != null) {
                        fields.add(field.getCamundaId());
                    }
                }
            }
            for (CamundaFormProperty property : extensions.getChildElementsByType(CamundaFormProperty.class)) {
                if (property.getCamundaId() != null && !"false".equals(property.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "writable"))) {
                    fields.add(property.getCamundaId());
                }
            }
        }
        return new Accepted(fields.isEmpty() ? null : "the generated form", Set.copyOf(fields));
    }

    private static byte[] resource(CommandContext context, String deploymentId, String name) {
        ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(deploymentId, name);
        return resource == null ? null : resource.getBytes();
    }

    /** The variables a Camunda Form's JSON submits (see the class comment). */
    static Set<String> fieldsOf(byte[] form) {
        if (form == null) {
            return Set.of();
        }
        try {
            Set<String> variables = new LinkedHashSet<>();
            collect(JSON.readTree(form).path("components"), null, variables);
            return Set.copyOf(variables);
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static void collect(JsonNode components, String prefix, Collection<String> variables) {
        if (!components.isArray()) {
            return;
        }
        for (JsonNode component : components) {
            if (component.path("disabled").asBoolean(false)) {
                continue;
            }
            String type = component.path("type").asText("");
            String key = component.path("key").asText("");
            if (KEYED_TYPES.contains(type) && !key.isBlank()) {
                variables.add(firstPart(prefix != null ? prefix : key));
            }
            if (component.has("components")) {
                String path = component.path("path").asText("");
                String inner = prefix != null ? prefix : path.isBlank() ? null : path;
                collect(component.path("components"), inner, variables);
            }
        }
    }

    private static String firstPart(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}
