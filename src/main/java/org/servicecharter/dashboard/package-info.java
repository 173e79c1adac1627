/**
 * The managers' dashboard: where the department stands today, as pictures ({@code /dashboard/}) and as JSON
 * ({@code GET /api/dashboard}, CSV per table). It composes the features' published figures — complaint handling's
 * {@code ComplaintFigures}, {@code ApprovalFigures}, {@code HandbookFigures}, {@code CorrectiveActionFigures}, the
 * plan-review register, the outbox's failed messages — each an aggregate in SQL, and reads no feature's tables.
 *
 * <p>A module (Spring Modulith): its dependencies are the ones declared here, checked by {@code ModulesTests}.
 */
@ApplicationModule(displayName = "Dashboard", allowedDependencies = {"platform", "identity", "complaint", "approval",
        "handbook", "correctiveaction", "planreview", "messaging"})
package org.servicecharter.dashboard;

import org.springframework.modulith.ApplicationModule;
