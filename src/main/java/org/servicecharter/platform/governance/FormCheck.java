package org.servicecharter.platform.governance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Camunda Forms ({@code .form}) of one deployment: each must be a JSON object with an {@code id} of its own and
 * use only components that Tasklist 7.24 can show. Tasklist 7.24 bundles form-js 1.8.7 (schemaVersion 16); a form
 * with a component it does not know does not open at all ("form field of type &lt;x&gt; not supported"), so the
 * task could never be completed.
 *
 * <p>A newer {@code schemaVersion} alone is not refused: Camunda Modeler 5 writes its own schema version into every
 * form it saves, and form-js reads such forms as long as their components are ones it knows.
 */
final class FormCheck {

    /**
     * The component types form-js 1.8.7 registers ({@code formFields} in {@code @bpmn-io/form-js-viewer@1.8.7},
     * the same 21 as in Tasklist 7.24's {@code deps.js}), without {@code default}, which is the form itself, and
     * without {@link #REFUSED}.
     */
    static final List<String> RENDERED_TYPES = List.of(
            "textfield", "textarea", "number", "datetime", "expression",
            "checkbox", "checklist", "radio", "select", "taglist",
            "text", "image", "table", "html", "spacer", "separator",
            "group", "iframe", "button");

    /** Types a process owner may meet in Modeler that Tasklist 7.24 cannot use, each with what to do instead. */
    static final Map<String, String> REFUSED = Map.of(
            "dynamiclist", "a dynamic list keeps Complete disabled in Tasklist 7.24 (form-js 1.8.7), so the task could "
                    + "never be completed: use a group, a checklist, a tag list or separate fields instead",
            "filepicker", "Tasklist 7.24 (form-js 1.8.7) has no file picker (it came with later form-js versions for "
                    + "Camunda 8) and would not open the form: ask for a link or a reference in a text field instead",
            "documentPreview", "Tasklist 7.24 (form-js 1.8.7) has no document preview (a Camunda 8 component) and would "
                    + "not open the form: show a link in a text view instead");

    /** The types whose value is written to a variable named by their key (form-js: {@code config.keyed}). */
    private static final Set<String> KEYED_TYPES = Set.of("textfield", "textarea", "number", "datetime", "expression",
            "checkbox", "checklist", "radio", "select", "taglist");

    /** As strict as the engine's form parser: no duplicate keys, and nothing after the form's object. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The forms' ids (id to the files that declare it) and what is wrong with them. */
    record Result(Map<String, List<String>> filesById, List<ModelProblem> problems) {
    }

    private FormCheck() {
    }

    static Result check(DeploymentContents deployment) {
        Map<String, List<String>> filesById = new LinkedHashMap<>();
        List<ModelProblem> problems = new ArrayList<>();
        for (String name : deployment.names()) {
            if (DeploymentContents.isForm(name)) {
                String id = checkForm(name, deployment.bytes(name), problems);
                if (id != null) {
                    filesById.computeIfAbsent(id, i -> new ArrayList<>()).add(name);
                }
            }
        }
        filesById.forEach((id, files) -> {
            if (files.size() > 1) {
                for (String file : files) {
                    List<String> others = files.stream().filter(other -> !other.equals(file)).sorted().toList();
                    problems.add(new ModelProblem(file, id, "id", "the form has the id '" + id + "', and so has "
                            + String.join(" and ", others) + " in this deployment; a deployment holds one form per id: give "
                            + "one of them another id (Camunda Modeler: select the form, Properties > General > ID) or leave "
                            + "it out of the deployment"));
                }
            }
        });
        return new Result(filesById, problems);
    }

    /** Checks one form file; returns its id when it has one, whatever else is wrong with it. */
    private static String checkForm(String name, byte[] bytes, List<ModelProblem> problems) {
        JsonNode form;
        try {
            form = bytes == null || bytes.length == 0 ? null : JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            problems.add(ModelProblem.of(name, "is not valid JSON: " + where(e.getLocation()) + describe(e)
                    + ". Open the form in Camunda Modeler's form editor and save it again, or correct the JSON there"));
            return null;
        } catch (java.io.IOException e) {
            problems.add(ModelProblem.of(name, "could not be read as JSON (" + e.getMessage() + ")"));
            return null;
        }
        if (form == null || form.isMissingNode()) {
            problems.add(ModelProblem.of(name, "is empty: a Camunda Form is a JSON object with an id and components, "
                    + "as Camunda Modeler's form editor saves it"));
            return null;
        }
        if (!form.isObject()) {
            problems.add(ModelProblem.of(name, "is not a Camunda Form: it must be a JSON object with an id and components, "
                    + "as Camunda Modeler's form editor saves it"));
            return null;
        }
        String id = null;
        JsonNode idNode = form.get("id");
        if (idNode != null && idNode.isTextual() && !idNode.asText().isBlank()) {
            id = idNode.asText();
        } else {
            problems.add(new ModelProblem(name, null, "id", "the form has no id: give it one (Camunda Modeler: select the "
                    + "form itself, Properties > General > ID) and use that id in the task's form reference (camunda:formRef)"));
        }
        JsonNode type = form.get("type");
        if (type == null || !"default".equals(type.asText())) {
            problems.add(new ModelProblem(name, id, "type", "the form itself must have \"type\": \"default\", as Camunda "
                    + "Modeler writes it; Tasklist 7.24 does not open it otherwise"));
        }
        checkComponents(name, form, "components", problems, new HashSet<>(), new HashSet<>(), "");
        return id;
    }

    private static void checkComponents(String name, JsonNode container, String path, List<ModelProblem> problems,
            Set<String> componentIds, Set<String> bindings, String bindingPrefix) {
        JsonNode components = container.get("components");
        if (components == null || components.isNull()) {
            return;
        }
        if (!components.isArray()) {
            problems.add(new ModelProblem(name, textOf(container, "id"), "components",
                    "components must be a list (a JSON array) of form fields"));
            return;
        }
        for (int i = 0; i < components.size(); i++) {
            JsonNode component = components.get(i);
            String where = path + "[" + i + "]";
            if (!component.isObject()) {
                problems.add(new ModelProblem(name, where, null, "each component must be a JSON object with a type"));
                continue;
            }
            String id = textOf(component, "id");
            String key = textOf(component, "key");
            String element = id != null ? id : key != null ? key : where;
            String type = textOf(component, "type");
            String keyed = key != null ? " (key '" + key + "')" : "";
            if (type == null) {
                problems.add(new ModelProblem(name, element, "type", "the component" + keyed + " has no type; Tasklist 7.24 "
                        + "would not open the form"));
            } else if (REFUSED.containsKey(type)) {
                problems.add(new ModelProblem(name, element, "type", "the component" + keyed + " of type '" + type + "' cannot "
                        + "be used: " + REFUSED.get(type)));
            } else if (!RENDERED_TYPES.contains(type)) {
                problems.add(new ModelProblem(name, element, "type", "the component" + keyed + " has type '" + type + "', "
                        + "which Tasklist 7.24 (form-js 1.8.7) cannot render, so the form would not open. Use one of: "
                        + String.join(", ", RENDERED_TYPES)));
            }
            if (id != null && !componentIds.add(id)) {
                problems.add(new ModelProblem(name, id, "id", "two components have the id '" + id + "'; Tasklist 7.24 would "
                        + "not open the form: give each component its own id"));
            }
            if (key != null && type != null && KEYED_TYPES.contains(type) && !bindings.add(bindingPrefix + key)) {
                problems.add(new ModelProblem(name, element, "key", "two fields write the same variable '" + bindingPrefix + key
                        + "'; Tasklist 7.24 would not open the form: give each field its own key"));
            }
            String nestedPrefix = bindingPrefix;
            String groupPath = textOf(component, "path");
            if (groupPath != null) {
                nestedPrefix = bindingPrefix + groupPath + ".";
            }
            checkComponents(name, component, where + ".components", problems, componentIds, bindings, nestedPrefix);
        }
    }

    private static String textOf(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "line " + location.getLineNr() + (location.getColumnNr() > 0 ? ", column " + location.getColumnNr() : "") + ": ";
    }

    /** Jackson's reason without its "at [Source: ...]" suffix and its advice for Java programmers. */
    private static String describe(JsonProcessingException e) {
        String reason = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        int newline = reason.indexOf('\n');
        return newline < 0 ? reason : reason.substring(0, newline);
    }
}
