package org.servicecharter.platform.governance;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The files of one deployment as a process owner sent them (name to bytes, in order), and the look-ups a check
 * may need about people.
 */
public final class DeploymentContents {

    /** Whether a group or user exists in the engine's identity service. */
    public interface Identity {
        boolean groupExists(String groupId);

        boolean userExists(String userId);
    }

    private final Map<String, byte[]> resources;
    private final Identity identity;

    public DeploymentContents(Map<String, byte[]> resources, Identity identity) {
        this.resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        this.identity = identity;
    }

    public Set<String> names() {
        return resources.keySet();
    }

    public byte[] bytes(String name) {
        return resources.get(name);
    }

    public String text(String name) {
        byte[] bytes = resources.get(name);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    public Identity identity() {
        return identity;
    }

    public static boolean isBpmn(String name) {
        return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
    }

    public static boolean isDmn(String name) {
        return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
    }

    public static boolean isForm(String name) {
        return name.endsWith(".form");
    }

    public static boolean isCmmn(String name) {
        return name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml");
    }
}
