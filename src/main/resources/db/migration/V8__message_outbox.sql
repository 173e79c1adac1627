-- One outbox for all messages, customers' and staff's (issue 17). Written in the same transaction as the process step
-- that causes a message; drained by messaging.OutboxSender. Written for H2 and PostgreSQL alike.
CREATE TABLE message_outbox (
    id               VARCHAR(36)    NOT NULL PRIMARY KEY,
    -- the Message-ID header, the same on every attempt (a copy sent after a node died mid-send is recognisable)
    message_id       VARCHAR(200)   NOT NULL,
    -- what makes the message unique (e.g. 'complaint-acknowledgement:C-2026-0001'): a retried step queues it once
    idempotency_key  VARCHAR(300)   NOT NULL,
    -- the address; NULL only for staff messages taken over from employee_notification, resolved from recipient_user
    recipient        VARCHAR(254),
    recipient_user   VARCHAR(64),
    template         VARCHAR(100),
    subject          VARCHAR(300)   NOT NULL,
    body_text        VARCHAR(20000) NOT NULL,
    body_html        VARCHAR(40000),
    reference        VARCHAR(100),
    -- QUEUED, SENDING (claimed by lease_owner until lease_until), SENT, FAILED (last_error says why)
    status           VARCHAR(10)    NOT NULL,
    attempts         INTEGER        DEFAULT 0 NOT NULL,
    next_attempt_at  TIMESTAMP      NOT NULL,
    last_error       VARCHAR(1000),
    created_at       TIMESTAMP      NOT NULL,
    sent_at          TIMESTAMP,
    lease_owner      VARCHAR(100),
    lease_until      TIMESTAMP,
    CONSTRAINT message_outbox_message_id UNIQUE (message_id),
    CONSTRAINT message_outbox_key UNIQUE (idempotency_key)
);
CREATE INDEX message_outbox_due ON message_outbox (status, next_attempt_at);
CREATE INDEX message_outbox_reference ON message_outbox (reference);

-- The two old outboxes were never drained: what they hold is queued now (counted from now for give-up-after);
-- a staff notification named the user, whose address is looked up when it is sent.
INSERT INTO message_outbox (id, message_id, idempotency_key, recipient, recipient_user, template, subject, body_text,
        reference, status, attempts, next_attempt_at, created_at, sent_at)
    SELECT id, '<' || id || '@service-charter.migrated>', 'customer_message:' || id, recipient, NULL, NULL, subject, body,
        reference, CASE WHEN sent_at IS NULL THEN 'QUEUED' ELSE 'SENT' END, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, sent_at
    FROM customer_message;
INSERT INTO message_outbox (id, message_id, idempotency_key, recipient, recipient_user, template, subject, body_text,
        reference, status, attempts, next_attempt_at, created_at, sent_at)
    SELECT id, '<' || id || '@service-charter.migrated>', 'employee_notification:' || id, NULL, recipient, NULL, subject, body,
        reference, CASE WHEN sent_at IS NULL THEN 'QUEUED' ELSE 'SENT' END, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, sent_at
    FROM employee_notification;

DROP TABLE customer_message;
DROP TABLE employee_notification;
