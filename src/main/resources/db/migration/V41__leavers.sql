-- Leavers (issue 19, point 8): people who have left the department, dismissed by HR's decision or marked as left by an
-- administrator. Camunda 7 has no "disabled user": the user row stays (names and history stay readable), the groups
-- and the password go (identity.Leavers), and this table says who left, when, why and who recorded it. Written for H2
-- and PostgreSQL alike.
CREATE TABLE leaver (
    user_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    left_at     TIMESTAMP     NOT NULL,
    reason      VARCHAR(4000) NOT NULL,
    recorded_by VARCHAR(64)
);
