-- The managers' dashboard (issue: a live service dashboard). Written for H2 and PostgreSQL alike.

-- Where an open complaint waits and until when, kept up to date as its tasks are created (the engine's task events,
-- complaint.ComplaintQueueTracker), so the dashboard counts open complaints by queue and SLA in one indexed query
-- instead of reading tasks: the queue (the candidate group of its current handling task), the SLA due date of that
-- task, and when the SLA was first breached (the supervisors' follow-up task was created).
ALTER TABLE complaint ADD COLUMN handling_queue VARCHAR(64);
ALTER TABLE complaint ADD COLUMN sla_due_at TIMESTAMP;
ALTER TABLE complaint ADD COLUMN sla_breached_at TIMESTAMP;

-- The dashboard's aggregates: open complaints by queue and due date, weekly counts by receipt, resolution, breach and
-- survey answer; waiting approvals by age.
CREATE INDEX complaint_open_by_queue ON complaint (status, handling_queue, sla_due_at, received_at);
CREATE INDEX complaint_received_at ON complaint (received_at);
CREATE INDEX complaint_resolved_at ON complaint (resolved_at, survey_answered_at, survey_rating);
CREATE INDEX complaint_sla_breached_at ON complaint (sla_breached_at);
CREATE INDEX complaint_survey_answered_at ON complaint (survey_answered_at, survey_rating);
CREATE INDEX approval_request_waiting ON approval_request (status, requested_at);
