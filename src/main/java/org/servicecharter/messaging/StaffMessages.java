package org.servicecharter.messaging;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A message to one member of staff, by user id: the one way a feature's step tells an employee something. Queued in
 * the step's transaction; a user without an address is not written to. The template gets the data given, the
 * addressee's {@code name}, and a {@code link} to Tasklist unless the data names a better one.
 */
@Component
public class StaffMessages {

    private final Outbox outbox;
    private final StaffAddresses addresses;

    public StaffMessages(Outbox outbox, StaffAddresses addresses) {
        this.outbox = outbox;
        this.addresses = addresses;
    }

    /**
     * @param key the same when a step is retried (one message per key and addressee)
     */
    public void toUser(String userId, String template, Map<String, Object> data, String key, String reference) {
        addresses.user(userId).ifPresent(addressee -> {
            Map<String, Object> model = new HashMap<>(data);
            model.put("name", addressee.name());
            model.putIfAbsent("link", outbox.tasklistLink());
            outbox.queue(Message.toStaff(addressee, template, model, key + ":" + addressee.userId(), reference));
        });
    }

    /** A link to a task in Tasklist. */
    public String taskLink(String taskId) {
        return outbox.taskLink(taskId);
    }
}
