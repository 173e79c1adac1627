package org.servicecharter.platform.rest;

import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.SystemAccess;

/**
 * The labels of the form a person filled in, so that a refusal of it names each field as the form does ("Amount",
 * "What you observed") rather than by its variable ({@code amount}, {@code concern}). The form is the one the
 * request submitted: a start form ({@code process-definition/{id}/submit-form}, {@code …/key/{key}/submit-form}) or a
 * task's ({@code task/{id}/submit-form}, {@code …/complete}), read from the deployment (Camunda Forms,
 * {@code camunda:formRef}). A field the refusal names that is no form key is matched to the key that ends with it —
 * a feature prefixes its variables ({@code handbookVersion}) where its API says {@code version}.
 */
final class FormLabels {

    private static final Pattern START = Pattern.compile("(?:^|/)process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/submit-form$");
    private static final Pattern TASK = Pattern.compile("(?:^|/)task/([^/]+)/(?:submit-form|complete)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormLabels() {
    }

    /** The form's key → label for the fields the refusal names; empty when the request submitted no known form. */
    static Map<String, String> of(ProcessEngine engine, UriInfo uriInfo, List<Rejected.FieldError> errors) {
        if (uriInfo == null || errors.isEmpty()) {
            return Map.of();
        }
        Map<String, String> labels = SystemAccess.call(engine.getIdentityService(), () -> labels(engine, uriInfo.getPath()));
        Map<String, String> named = new LinkedHashMap<>();
        for (Rejected.FieldError error : errors) {
            String label = label(labels, error.field());
            if (label != null) {
                named.put(error.field(), label);
            }
        }
        return named;
    }

    static String label(Map<String, String> labels, String field) {
        if (labels.containsKey(field)) {
            return labels.get(field);
        }
        String suffix = field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
        return labels.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static Map<String, String> labels(ProcessEngine engine, String path) {
        FormService forms = engine.getFormService();
        try {
            Matcher start = START.matcher(path);
            if (start.find()) {
                String definitionId = start.group(2);
                if (start.group(1) != null) {
                    ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
                            .processDefinitionKey(start.group(1)).latestVersion().singleResult();
                    definitionId = latest == null ? null : latest.getId();
                }
                return definitionId == null ? Map.of() : read(forms.getDeployedStartForm(definitionId));
            }
            Matcher task = TASK.matcher(path);
            if (task.find()) {
                return read(forms.getDeployedTaskForm(task.group(1)));
            }
        } catch (RuntimeException noFormToRead) {
            // no deployed form (a generated or an embedded one), or the task is gone: the variables' names stay
        }
        return Map.of();
    }

    /** Every field of a Camunda Form with a key and a label, groups and lists included. */
    static Map<String, String> read(InputStream form) {
        Map<String, String> labels = new LinkedHashMap<>();
        try (InputStream in = form) {
            collect(JSON.readTree(in), labels);
        } catch (java.io.IOException notAForm) {
            return Map.of();
        }
        return labels;
    }

    private static void collect(JsonNode node, Map<String, String> labels) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            JsonNode key = node.get("key");
            JsonNode label = node.get("label");
            if (key != null && key.isTextual() && label != null && label.isTextual() && !label.asText().isBlank()) {
                labels.putIfAbsent(key.asText(), label.asText().trim());
            }
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext();) {
            collect(children.next(), labels);
        }
    }
}
