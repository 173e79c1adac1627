-- Plan review's research round (issue 19.1): the short survey sent to a sample of recent customers, and their answers.
-- Written for H2 and PostgreSQL alike.

-- One row per invitation: only the SHA-256 of the single-use token is kept (whoever reads the table cannot answer in
-- a customer's name), and no address: the sample is drawn from the complaints register when the survey is sent. The
-- answer lands on the same row: what the customer expects, which needs we do not meet, how we compare with
-- competitors, and the importance (1 to 5) of each service element, as JSON {"element": importance}.
CREATE TABLE plan_review_research (
    token_hash     VARCHAR(64)    NOT NULL PRIMARY KEY,
    period         VARCHAR(16)    NOT NULL,
    sent_at        TIMESTAMP      NOT NULL,
    expires_at     TIMESTAMP      NOT NULL,
    answered_at    TIMESTAMP,
    expectations   VARCHAR(2000),
    unmet_needs    VARCHAR(2000),
    competitors    VARCHAR(2000),
    importance     VARCHAR(4000)
);
CREATE INDEX plan_review_research_period ON plan_review_research (period);
