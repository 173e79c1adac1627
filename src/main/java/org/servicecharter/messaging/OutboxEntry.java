package org.servicecharter.messaging;

import java.time.Instant;

/** A row of the outbox as administrators and tests see it. */
public record OutboxEntry(String id, String messageId, String key, String recipient, String recipientUser, String template,
        String subject, String bodyText, String bodyHtml, String reference, Status status, int attempts, Instant nextAttemptAt,
        String lastError, Instant createdAt, Instant sentAt, String leaseOwner, Instant leaseUntil) {

    public enum Status { QUEUED, SENDING, SENT, FAILED }
}
