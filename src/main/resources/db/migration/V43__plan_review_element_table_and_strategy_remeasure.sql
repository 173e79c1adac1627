-- Plan review (issue #19, points 2 and 4). Written for H2 and PostgreSQL alike.

-- Each strategy is re-measured on its own: how long after its implementation (an ISO-8601 period such as P3M, set
-- when it is chosen, by default the one configured for its area), the window it is measured in, the same figures for
-- the window of equal length just before it was implemented (its baseline), the re-measured figures and their
-- comparison. Strategies of reviews from before this migration have none of these: their review's single
-- comparison (plan_review.comparison) stays their result.
ALTER TABLE plan_review_strategy ADD COLUMN remeasure_after VARCHAR(20);
ALTER TABLE plan_review_strategy ADD COLUMN remeasure_from TIMESTAMP;
ALTER TABLE plan_review_strategy ADD COLUMN remeasure_to TIMESTAMP;
ALTER TABLE plan_review_strategy ADD COLUMN baseline_figures VARCHAR(100000);
ALTER TABLE plan_review_strategy ADD COLUMN remeasured_figures VARCHAR(100000);
ALTER TABLE plan_review_strategy ADD COLUMN comparison VARCHAR(100000);

-- The service-element table rated again after the last strategy is re-measured, and its row-by-row comparison with
-- the first rating (plan_review.service_elements, whose rows now also carry importance, gap and weight; rows of
-- older reviews have a rating only).
ALTER TABLE plan_review ADD COLUMN service_elements_again VARCHAR(100000);
ALTER TABLE plan_review ADD COLUMN service_element_comparison VARCHAR(100000);
