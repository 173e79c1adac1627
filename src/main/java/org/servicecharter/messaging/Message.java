package org.servicecharter.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message to one person, queued with {@link Outbox#queue(Message)}.
 *
 * @param recipient      the e-mail address
 * @param recipientUser  the engine user it is for, when staff (null for customers)
 * @param template       the text's name: {@code mail/<template>.txt} (first line {@code Subject: ...}) and, optionally,
 *                       {@code mail/<template>.html}
 * @param model          the values the template shows (data only: the wording is the template's); a value may be
 *                       null, which the template shows as absent ({@code th:if})
 * @param key            stable idempotency key: queuing the same key twice queues one message (a retried step sends once)
 * @param reference      what the message is about (complaint reference, request id, ...), for finding it again
 */
public record Message(String recipient, String recipientUser, String template, Map<String, Object> model, String key,
        String reference) {

    public Message {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(key, "key");
        model = model == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(model));
    }

    public static Message toCustomer(String address, String template, Map<String, Object> model, String key, String reference) {
        return new Message(address, null, template, model, key, reference);
    }

    public static Message toStaff(StaffAddresses.Addressee addressee, String template, Map<String, Object> model, String key,
            String reference) {
        return new Message(addressee.email(), addressee.userId(), template, model, key, reference);
    }
}
