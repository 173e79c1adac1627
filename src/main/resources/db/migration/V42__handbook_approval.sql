-- Handbook versions are approved by the head of service before any employee is asked to sign (issue #19).
-- A version is awaiting-approval when published, sent-back (with the reason) for its publisher to revise or
-- withdraw, approved (in force until superseded) or withdrawn. Versions published before this migration were in
-- force at once: they count as approved.
ALTER TABLE handbook_version ADD COLUMN approval_state VARCHAR(20) DEFAULT 'approved' NOT NULL;
ALTER TABLE handbook_version ADD COLUMN approved_by VARCHAR(64);
ALTER TABLE handbook_version ADD COLUMN approved_at TIMESTAMP;
ALTER TABLE handbook_version ADD COLUMN sent_back_by VARCHAR(64);
ALTER TABLE handbook_version ADD COLUMN sent_back_at TIMESTAMP;
ALTER TABLE handbook_version ADD COLUMN sent_back_reason VARCHAR(2000);
ALTER TABLE handbook_version ADD COLUMN withdrawn_at TIMESTAMP;
