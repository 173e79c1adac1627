package org.servicecharter.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.servicecharter.approval.ApprovalFigures;
import org.servicecharter.complaint.ComplaintFigures;
import org.servicecharter.correctiveaction.CorrectiveActionFigures;
import org.servicecharter.handbook.HandbookFigures;
import org.servicecharter.identity.Roles;
import org.servicecharter.identity.TeamFilters;
import org.servicecharter.messaging.Outbox;
import org.servicecharter.planreview.PlanReviews;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures, composed from the features' published figures (each an aggregate in SQL on indexed columns),
 * for the current user (the engine's authentication, set by the API filter from HTTP Basic or the web apps' session).
 * Open complaints, approvals, the handbook, corrective action, the plan review and failed messages are as of now; the
 * weekly complaint and survey figures cover [from, to], by default the last twelve weeks up to today.
 */
@Service
class Dashboard {

    static final int DEFAULT_WEEKS = 12;
    static final int MAX_DAYS = 371;
    static final int LATEST = 10;

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    /** Complaint handling's shared filter of the agents' open complaints (identity's filter names are public). */
    static final String AGENTS_OPEN_COMPLAINTS = "Agents' open complaints";

    record Figures(Instant generatedAt, LocalDate from, LocalDate to, OpenComplaints openComplaints, List<Week> weeks,
            List<ComplaintFigures.LowRating> lowRatings, Approvals approvals, HandbookFigures.Progress handbook,
            CorrectiveActions correctiveActions, PlanReview planReview, Outbox.Failed failedMessages, Map<String, String> links) {
    }

    record OpenComplaints(long open, long breached, long breachingToday, List<ComplaintFigures.Queue> byQueue) {
    }

    /** A week's figures; {@code responseRate}: surveys answered per complaint resolved (null when none resolved). */
    record Week(LocalDate from, LocalDate to, long received, long slaBreaches, long resolved, long surveysAnswered,
            Double responseRate, Double averageRating) {
    }

    record Approvals(long waiting, List<ApprovalFigures.TierWaiting> byTier, ApprovalFigures.Oldest oldest) {
    }

    /** Counts per step for everyone; {@code cases} only those the user's rights already show. */
    record CorrectiveActions(long open, Map<String, Long> byStep, List<CorrectiveActionFigures.VisibleCase> cases) {
    }

    record PlanReview(String period, String status, LocalDateTime periodFrom, LocalDateTime periodTo, LocalDateTime startedAt,
            List<Strategy> strategies) {
    }

    record Strategy(int number, String type, String weakness, String owner, LocalDateTime dueAt, String status) {
    }

    private final ComplaintFigures complaints;
    private final ApprovalFigures approvals;
    private final HandbookFigures handbook;
    private final CorrectiveActionFigures correctiveActions;
    private final PlanReviews planReviews;
    private final Outbox outbox;
    private final IdentityService identityService;
    private final FilterService filterService;
    private final Clock clock;

    Dashboard(ComplaintFigures complaints, ApprovalFigures approvals, HandbookFigures handbook,
            CorrectiveActionFigures correctiveActions, PlanReviews planReviews, Outbox outbox, IdentityService identityService,
            FilterService filterService) {
        this.complaints = complaints;
        this.approvals = approvals;
        this.handbook = handbook;
        this.correctiveActions = correctiveActions;
        this.planReviews = planReviews;
        this.outbox = outbox;
        this.identityService = identityService;
        this.filterService = filterService;
        this.clock = Clock.systemDefaultZone();
    }

    /** The current user's groups, or 403 for anyone but managers, the head of service, auditors and administrators. */
    List<String> requireReader() {
        List<String> groups = CurrentUser.groupsOf(identityService);
        if (CurrentUser.of(identityService) == null || !DashboardAccess.maySee(groups)) {
            throw new Refused(DashboardAccess.REFUSAL);
        }
        return groups;
    }

    Figures figures(String fromParameter, String toParameter) {
        List<String> groups = requireReader();
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        LocalDate to = date("to", toParameter, today);
        LocalDate from = date("from", fromParameter, to.minusWeeks(DEFAULT_WEEKS).plusDays(1));
        if (from.isAfter(to)) {
            throw new Rejected("from", "The period must not end before it starts: from " + from + " is after to " + to + ".");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new Rejected("from", "The period may be at most " + MAX_DAYS + " days (53 weeks) long: from " + from
                    + " to " + to + " is longer.");
        }

        List<ComplaintFigures.Queue> queues = complaints.openByQueue(now, today.plusDays(1).atStartOfDay(zone).toInstant());
        OpenComplaints open = new OpenComplaints(queues.stream().mapToLong(ComplaintFigures.Queue::open).sum(),
                queues.stream().mapToLong(ComplaintFigures.Queue::breached).sum(),
                queues.stream().mapToLong(ComplaintFigures.Queue::breachingToday).sum(), queues);
        List<Week> weeks = complaints.weekly(from, to)
                .stream().map(w -> new Week(w.from(), w.to(), w.received(), w.slaBreaches(), w.resolved(), w.surveysAnswered(),
                        w.resolved() == 0 ? null : (double) w.surveysAnswered() / w.resolved(), w.averageRating()))
                .toList();

        ApprovalFigures.Waiting waiting = approvals.waiting();
        Map<String, Long> steps = correctiveActions.openCasesByStep();
        CorrectiveActions cases = new CorrectiveActions(steps.values().stream().mapToLong(Long::longValue).sum(), steps,
                correctiveActions.openCasesVisible(LATEST * 5));
        PlanReview review = planReviews.latestPeriod().flatMap(planReviews::find).map(r -> new PlanReview(r.period(), r.status(),
                r.periodFrom(), r.periodTo(), r.startedAt(), planReviews.strategies(r.period()).stream()
                        .map(s -> new Strategy(s.number(), s.type(), s.weakness(), s.owner(), s.dueAt(), s.status())).toList()))
                .orElse(null);
        HandbookFigures.Progress signOffs = handbook.currentVersion(now).orElse(null);

        return new Figures(now, from, to, open, weeks, complaints.latestLowRatings(from, to, LATEST),
                new Approvals(waiting.byTier().stream().mapToLong(ApprovalFigures.TierWaiting::waiting).sum(), waiting.byTier(),
                        waiting.oldest()),
                signOffs, cases, review, outbox.failedSummary(LATEST), links(groups, signOffs));
    }

    private static LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new Rejected(name, "'" + value + "' is not a date; write it as year-month-day, e.g. 2026-12-02.");
        }
    }

    /**
     * Where each number's list is, for this user: Tasklist's shared filters they may read, the audit search for
     * auditors, the HR pages for those the HR pages let in, the mail page for administrators.
     */
    private Map<String, String> links(List<String> groups, HandbookFigures.Progress signOffs) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("tasklist", TASKLIST);
        String user = CurrentUser.of(identityService);
        teamFilter(TeamFilters.MY_TEAMS_TASKS, user).ifPresent(id -> links.put("teamTasks", TASKLIST + "#/?filter=" + id));
        teamFilter(TeamFilters.OVERDUE_IN_MY_TEAM, user).ifPresent(id -> links.put("overdueTasks", TASKLIST + "#/?filter=" + id));
        filter(AGENTS_OPEN_COMPLAINTS).ifPresent(id -> links.put("openComplaints", TASKLIST + "#/?filter=" + id));
        if (DashboardAccess.any(groups, Roles.AUDITORS, Roles.ADMINS)) {
            links.put("auditSearch", "/audit/");
        }
        if (signOffs != null && DashboardAccess.any(groups, Roles.PROCESS_OWNERS, Roles.HR, Roles.AUDITORS, Roles.ADMINS)) {
            links.put("handbook", "/hr/handbooks/" + org.springframework.web.util.UriUtils.encodePathSegment(signOffs.version(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        links.put("correctiveActions", "/hr/corrective-actions");
        if (DashboardAccess.any(groups, Roles.ADMINS)) {
            links.put("failedMessages", "/admin/mail");
        }
        return links;
    }

    /** The user's own team filter of that kind (each lead's is named after them). */
    private java.util.Optional<String> teamFilter(String kind, String lead) {
        return filterService.createFilterQuery().filterNameLike(kind + "%").listPage(0, 500).stream()
                .filter(f -> TeamFilters.isTeamFilterOf(f, kind, lead)).findFirst().map(Filter::getId);
    }

    private java.util.Optional<String> filter(String name) {
        return filterService.createFilterQuery().filterName(name).listPage(0, 1).stream().findFirst().map(Filter::getId);
    }
}
