-- Periodic operations-plan review (issue #6). Written for H2 and PostgreSQL alike.

-- One review per period: the period label ('2026-Q1') is the key, so two reviews of the same period can never
-- exist, whoever starts them (the quarterly timer, a manager, both at once). The figures are computed by the
-- application from its own tables and the engine's history and kept as JSON: the baseline at the start, the
-- re-measured figures and their comparison after the waiting period.
CREATE TABLE plan_review (
    period               VARCHAR(16)    NOT NULL PRIMARY KEY,
    period_from          TIMESTAMP      NOT NULL,
    period_to            TIMESTAMP      NOT NULL,
    process_instance_id  VARCHAR(64)    NOT NULL,
    started_by           VARCHAR(64),
    started_at           TIMESTAMP      NOT NULL,
    yearly               BOOLEAN        DEFAULT FALSE NOT NULL,
    -- figures, reviewing, strategies, implementing, waiting, remeasured, completed
    status               VARCHAR(20)    NOT NULL,
    figures              VARCHAR(100000),
    service_elements     VARCHAR(100000),
    remeasure_from       TIMESTAMP,
    remeasure_to         TIMESTAMP,
    remeasured_figures   VARCHAR(100000),
    comparison           VARCHAR(100000),
    completed_at         TIMESTAMP
);

-- What the reviewers answered: a rating per representative, the training, decision-authority and feedback
-- reviews, the policies rewrite, each employee's survey answer. One row per review, kind and subject.
CREATE TABLE plan_review_answer (
    period       VARCHAR(16)    NOT NULL,
    kind         VARCHAR(40)    NOT NULL,
    subject      VARCHAR(64)    NOT NULL,
    answered_by  VARCHAR(64),
    answered_at  TIMESTAMP      NOT NULL,
    details      VARCHAR(20000) NOT NULL,
    CONSTRAINT plan_review_answer_pk PRIMARY KEY (period, kind, subject)
);

-- The strategies the manager chose (at most two per review), their owner and due date, and how they went.
CREATE TABLE plan_review_strategy (
    period          VARCHAR(16)    NOT NULL,
    strategy_no     INTEGER        NOT NULL,
    weakness        VARCHAR(500)   NOT NULL,
    strategy_type   VARCHAR(40)    NOT NULL,
    description     VARCHAR(2000),
    owner_id        VARCHAR(64)    NOT NULL,
    due_at          TIMESTAMP      NOT NULL,
    -- proposed, approved, overdue, implemented
    status          VARCHAR(20)    NOT NULL,
    escalated_at    TIMESTAMP,
    implemented_at  TIMESTAMP,
    implementation_note VARCHAR(2000),
    CONSTRAINT plan_review_strategy_pk PRIMARY KEY (period, strategy_no)
);
