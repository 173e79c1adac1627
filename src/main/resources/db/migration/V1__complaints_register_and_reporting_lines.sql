-- Application tables beside the engine's own (ACT_*). Flyway owns these; the engine owns ACT_*.

-- Who reports to whom: the models use it to escalate to "this person's manager".
CREATE TABLE reporting_line (
    employee_id VARCHAR(64) NOT NULL PRIMARY KEY,
    manager_id  VARCHAR(64) NOT NULL
);

-- The complaints register: a complaint's facts and outcome, kept beside the process instance.
CREATE TABLE complaint (
    reference                 VARCHAR(32)   NOT NULL PRIMARY KEY,
    process_instance_id       VARCHAR(64)   NOT NULL,
    received_at               TIMESTAMP     NOT NULL,
    received_by               VARCHAR(64),
    customer_name             VARCHAR(200)  NOT NULL,
    customer_email            VARCHAR(254)  NOT NULL,
    channel                   VARCHAR(20)   NOT NULL,
    category                  VARCHAR(40)   NOT NULL,
    description               VARCHAR(4000) NOT NULL,
    about_employee            VARCHAR(64),
    order_reference           VARCHAR(64),
    status                    VARCHAR(20)   NOT NULL,
    resolution                VARCHAR(4000),
    resolved_by               VARCHAR(64),
    resolved_at               TIMESTAMP,
    goodwill_amount           DECIMAL(12, 2),
    goodwill_reason           VARCHAR(500),
    corrective_action_flagged BOOLEAN       DEFAULT FALSE NOT NULL,
    survey_rating             INTEGER,
    survey_comment            VARCHAR(2000),
    survey_answered_at        TIMESTAMP
);
CREATE INDEX complaint_about_employee ON complaint (about_employee);

-- Messages to customers (survey links, ...): an outbox that a mail relay drains.
CREATE TABLE customer_message (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    recipient    VARCHAR(254)  NOT NULL,
    subject      VARCHAR(200)  NOT NULL,
    body         VARCHAR(4000) NOT NULL,
    reference    VARCHAR(32),
    created_at   TIMESTAMP     NOT NULL,
    sent_at      TIMESTAMP
);
CREATE INDEX customer_message_reference ON customer_message (reference);
