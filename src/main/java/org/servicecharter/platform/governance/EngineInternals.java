package org.servicecharter.platform.governance;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;

/**
 * The engine internals the trail guard reads: which deployment or process definitions a delete command is about.
 * Camunda keeps them in non-public fields of its command classes; an engine upgrade that renames or retypes one must
 * fail loudly, not let deletes through unchecked. So every field is resolved once, when the engine starts
 * ({@link #verify()}, called by {@link TrailProtectionPlugin}), and the application refuses to start if one is
 * missing; {@code EngineInternalsTests} reads each from a real command instance.
 */
final class EngineInternals {

    private static final Field DEPLOYMENT_ID = field(DeleteDeploymentCmd.class, "deploymentId", String.class);
    private static final Field PROCESS_DEFINITION_IDS = field(DeleteProcessDefinitionsByIdsCmd.class, "processDefinitionIds",
            Collection.class);
    private static final Field PROCESS_DEFINITION_KEY = field(DeleteProcessDefinitionsByKeyCmd.class, "processDefinitionKey",
            String.class);

    private EngineInternals() {
    }

    /** Loads the class, so that a missing field fails the engine's start with the message of {@link #field}. */
    static List<Field> verify() {
        return List.of(DEPLOYMENT_ID, PROCESS_DEFINITION_IDS, PROCESS_DEFINITION_KEY);
    }

    static String deploymentId(DeleteDeploymentCmd command) {
        return (String) read(DEPLOYMENT_ID, command);
    }

    @SuppressWarnings("unchecked")
    static Collection<String> processDefinitionIds(DeleteProcessDefinitionsByIdsCmd command) {
        Collection<String> ids = (Collection<String>) read(PROCESS_DEFINITION_IDS, command);
        return ids == null ? List.of() : ids;
    }

    static String processDefinitionKey(DeleteProcessDefinitionsByKeyCmd command) {
        return (String) read(PROCESS_DEFINITION_KEY, command);
    }

    private static Object read(Field field, Object command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field + " (engine internals, see EngineInternals)", e);
        }
    }

    private static Field field(Class<?> type, String name, Class<?> expected) {
        try {
            Field field = type.getDeclaredField(name);
            if (!expected.isAssignableFrom(field.getType())) {
                throw new IllegalStateException(problem(type, name) + ": it is a " + field.getType().getName() + " now, not a "
                        + expected.getName());
            }
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(problem(type, name) + ": the field is gone", e);
        }
    }

    private static String problem(Class<?> type, String name) {
        return "The Camunda engine changed " + type.getName() + "." + name + ", which the trail guard reads to know what a"
                + " delete is about; revisit org.servicecharter.platform.governance.TrailGuard before running this engine";
    }
}
