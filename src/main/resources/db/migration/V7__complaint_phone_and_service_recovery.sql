-- A customer's phone number, and service recovery after a poor survey answer (issue 17, point 4). Written for H2 and
-- PostgreSQL alike.

-- A complaint reaches its customer by e-mail or by phone: the address is required only for the e-mail and web
-- channels (servicecharter.complaint.email-channels), so a caller without e-mail can be logged.
ALTER TABLE complaint ALTER COLUMN customer_email DROP NOT NULL;
ALTER TABLE complaint ADD COLUMN customer_phone VARCHAR(32);

-- The survey answer: whether the customer says the issue is resolved (null: answered before this question existed),
-- and who took it on the phone (the agent; null when the customer answered on the survey page).
ALTER TABLE complaint ADD COLUMN survey_resolved BOOLEAN;
ALTER TABLE complaint ADD COLUMN survey_taken_by VARCHAR(64);

-- Service recovery: a rating at or below the complaint's threshold, or "not resolved", reopens the complaint for the
-- supervisors (status RECOVERY); what they did and the outcome close it again.
ALTER TABLE complaint ADD COLUMN recovery_opened_at TIMESTAMP;
ALTER TABLE complaint ADD COLUMN recovery_action VARCHAR(4000);
ALTER TABLE complaint ADD COLUMN recovery_outcome VARCHAR(40);
ALTER TABLE complaint ADD COLUMN recovered_by VARCHAR(64);
ALTER TABLE complaint ADD COLUMN recovery_closed_at TIMESTAMP;
CREATE INDEX complaint_recovery_opened_at ON complaint (recovery_opened_at);
