package org.servicecharter.complaint;

import java.time.Instant;

/**
 * Complaint handling's published figures, for other features (the plan review) that must not read its tables:
 * {@code between(from, to)} over [from, to).
 */
public interface ComplaintFigures {

    /** {@code serviceRecoveries}: complaints reopened for service recovery after a poor survey answer in the period. */
    record Period(Instant from, Instant to, long serviceRecoveries) {
    }

    Period between(Instant from, Instant to);
}
