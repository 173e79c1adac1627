package org.servicecharter.planreview;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.servicecharter.identity.Roles;
import org.servicecharter.platform.Conflict;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.NotFound;
import org.servicecharter.platform.Refused;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plan reviews: a manager (or the head of service) starts the review of a quarter on demand; managers, the head of
 * service, process owners, HR and auditors read a review with its figures, answers, strategies and comparison.
 */
@RestController
@RequestMapping("/api/plan-reviews")
public class PlanReviewController {

    /** {@code period}: a quarter such as 2026-Q1; empty for the quarter that ended last. */
    public record StartRequest(String period) {
    }

    public record ReviewView(String period, LocalDateTime periodFrom, LocalDateTime periodTo, String status, boolean yearly,
            String startedBy, LocalDateTime startedAt, String processInstanceId, PlanFigures.Figures figures,
            List<ServiceElementTable.Row> serviceElements, List<PlanReviews.Answer> answers,
            List<PlanReviews.Strategy> strategies, LocalDateTime remeasureFrom, LocalDateTime remeasureTo,
            PlanFigures.Figures remeasuredFigures, PlanFigures.Comparison comparison, LocalDateTime completedAt,
            List<PlanReviews.StrategyComparison> strategyComparisons, List<ServiceElementTable.Row> serviceElementsAgain,
            List<ServiceElementTable.RowChange> serviceElementComparison, long researchSurveysSent,
            List<PlanReviewResearch.Answer> researchAnswers) {
    }

    private static final List<String> READERS = List.of(Roles.MANAGERS, Roles.HEAD_OF_SERVICE, Roles.PROCESS_OWNERS, Roles.HR,
            Roles.AUDITORS, Roles.ADMINS);

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final PlanReviews reviews;
    private final PlanReviewResearch research;

    public PlanReviewController(RuntimeService runtimeService, IdentityService identityService, PlanReviews reviews,
            PlanReviewResearch research) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.reviews = reviews;
        this.research = research;
    }

    @PostMapping
    public ResponseEntity<ReviewView> start(@RequestBody(required = false) StartRequest request) {
        String asked = request == null ? null : request.period();
        ReviewPeriod period = asked == null || asked.isBlank() ? ReviewPeriod.previousQuarter(ReviewPeriod.now().toLocalDate())
                : ReviewPeriod.parse(asked);
        if (reviews.find(period.label()).isPresent()) {
            throw new Conflict("The period " + period.label() + " already has a review.");
        }
        ProcessInstance pi = runtimeService.createMessageCorrelation(PlanReviewProcess.MESSAGE_REVIEW_REQUESTED)
                .setVariable(PlanReviewProcess.VAR_PERIOD, period.label())
                .setVariable(PlanReviewProcess.VAR_STARTED_BY, CurrentUser.of(identityService))
                .correlateStartMessage();
        if (pi.isEnded()) {
            // someone else opened the same period a moment earlier: the register's key decided
            throw new Conflict("The period " + period.label() + " already has a review.");
        }
        return ResponseEntity.created(URI.create("/api/plan-reviews/" + period.label())).body(view(period.label()));
    }

    @GetMapping("/{period}")
    public ReviewView get(@PathVariable String period) {
        List<String> groups = CurrentUser.groupsOf(identityService);
        if (groups.stream().noneMatch(READERS::contains)) {
            throw new Refused("Managers, the head of service, process owners, HR and auditors read plan reviews.");
        }
        return view(period);
    }

    private ReviewView view(String period) {
        PlanReviews.Review r = reviews.find(period).orElseThrow(() -> new NotFound("No review of period " + period + "."));
        ServiceElementTable.Row[] elements = reviews.read(r.serviceElements(), ServiceElementTable.Row[].class);
        ServiceElementTable.Row[] again = reviews.read(r.serviceElementsAgain(), ServiceElementTable.Row[].class);
        ServiceElementTable.RowChange[] changes = reviews.read(r.serviceElementComparison(), ServiceElementTable.RowChange[].class);
        // remeasureFrom/To, remeasuredFigures and comparison: the single re-measure of reviews from before each strategy
        // had its own (strategyComparisons)
        return new ReviewView(r.period(), r.periodFrom(), r.periodTo(), r.status(), r.yearly(), r.startedBy(), r.startedAt(),
                r.processInstanceId(), reviews.read(r.figures(), PlanFigures.Figures.class), elements == null ? List.of() : List.of(elements),
                reviews.answers(period), reviews.strategies(period), r.remeasureFrom(), r.remeasureTo(),
                reviews.read(r.remeasuredFigures(), PlanFigures.Figures.class), reviews.read(r.comparison(), PlanFigures.Comparison.class),
                r.completedAt(), reviews.strategyComparisons(period), again == null ? List.of() : List.of(again),
                changes == null ? List.of() : List.of(changes),
                // each customer's own answer to the research survey (anonymous: no address is kept with it)
                research.sent(period), research.answers(period));
    }
}
