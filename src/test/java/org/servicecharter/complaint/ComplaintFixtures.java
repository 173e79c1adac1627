package org.servicecharter.complaint;

import java.util.LinkedHashMap;
import java.util.Map;

/** Valid complaint payloads for tests, to vary one field at a time. */
final class ComplaintFixtures {

    private ComplaintFixtures() {
    }

    static Map<String, Object> validComplaint() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerName", "Carla Customer");
        body.put("customerEmail", "carla@example.com");
        body.put("channel", "email");
        body.put("category", "delivery");
        body.put("description", "My parcel arrived two weeks late and nobody answered my calls.");
        body.put("orderReference", "ORD-1001");
        return body;
    }

    static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = validComplaint();
        body.put(field, value);
        return body;
    }
}
