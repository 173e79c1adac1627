-- Decision approval tiers (issue #3). Written for H2 and PostgreSQL alike.

-- The approval-request register: each request's facts and, once decided, its outcome (who, at which tier, when,
-- why, the approved amount). The engine's history keeps every step on the way (tiers offered, deadlines, the tier
-- decision's inputs and outputs); this table is what the API answers from and what reports read.
CREATE TABLE approval_request (
    id                   VARCHAR(32)    NOT NULL PRIMARY KEY,
    process_instance_id  VARCHAR(64)    NOT NULL,
    request_type         VARCHAR(40)    NOT NULL,
    amount               DECIMAL(14, 2) NOT NULL,
    currency             CHAR(3)        NOT NULL,
    reason               VARCHAR(2000)  NOT NULL,
    requester            VARCHAR(64)    NOT NULL,
    complaint_reference  VARCHAR(64),
    requested_at         TIMESTAMP      NOT NULL,
    required_tier        VARCHAR(20),
    current_tier         VARCHAR(20),
    -- open, approved, rejected
    status               VARCHAR(20)    NOT NULL,
    self_authorised      BOOLEAN        DEFAULT FALSE NOT NULL,
    approved_amount      DECIMAL(14, 2),
    decided_by           VARCHAR(64),
    decided_at_tier      VARCHAR(20),
    decided_at           TIMESTAMP,
    decision_reason      VARCHAR(2000)
);
CREATE INDEX approval_request_requester ON approval_request (requester);
CREATE INDEX approval_request_complaint ON approval_request (complaint_reference);

-- A complaint's goodwill gesture is now decided by the approval tiers: the register keeps the outcome next to the
-- request (goodwill_amount / goodwill_reason stay the amount and reason asked for).
ALTER TABLE complaint ADD COLUMN goodwill_outcome VARCHAR(20);
ALTER TABLE complaint ADD COLUMN goodwill_approved_amount DECIMAL(14, 2);
ALTER TABLE complaint ADD COLUMN goodwill_decided_by VARCHAR(64);
ALTER TABLE complaint ADD COLUMN goodwill_approval_request VARCHAR(32);
