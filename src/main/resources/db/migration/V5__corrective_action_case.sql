-- Corrective-action cases (issue 14, "no one handles their own case"). Written for H2 and PostgreSQL alike.

-- The register of record of whom each case is about, written once when the case opens (in the same transaction) and
-- never changed: the task-rights guard reads the employee here, not from the case's "employee" variable, to keep them
-- from being offered, given or completing their own case's conversation and HR review.
CREATE TABLE corrective_action_case (
    process_instance_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    reference            VARCHAR(64)  NOT NULL,
    employee             VARCHAR(64)  NOT NULL,
    opened_at            TIMESTAMP    NOT NULL
);
CREATE INDEX corrective_action_case_employee ON corrective_action_case (employee);
