package org.servicecharter.platform.governance;

import java.util.List;

import org.camunda.bpm.engine.Problem;

/**
 * One thing wrong with a deployment: which file, which element, which attribute, and — in words a process owner
 * understands — what to change. Rendered by the engine REST API (and so by Camunda Modeler) in the
 * {@code details} of a 400.
 */
public record ModelProblem(String resource, String elementId, String attribute, String message) implements Problem {

    public static ModelProblem of(String resource, String message) {
        return new ModelProblem(resource, null, null, message);
    }

    /** "complaint-handling.bpmn, element ServiceTask_X, attribute camunda:expression: message" */
    public String sentence() {
        StringBuilder where = new StringBuilder(resource);
        if (elementId != null && !elementId.isBlank()) {
            where.append(", element '").append(elementId).append('\'');
        }
        if (attribute != null && !attribute.isBlank()) {
            where.append(", ").append(attribute);
        }
        return where + ": " + message;
    }

    @Override
    public String getMessage() {
        return sentence();
    }

    @Override
    public int getLine() {
        return 0;
    }

    @Override
    public int getColumn() {
        return 0;
    }

    @Override
    public String getMainElementId() {
        return elementId;
    }

    @Override
    public List<String> getElementIds() {
        return elementId == null ? List.of() : List.of(elementId);
    }
}
