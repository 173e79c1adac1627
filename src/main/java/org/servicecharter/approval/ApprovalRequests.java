package org.servicecharter.approval;

import static org.servicecharter.approval.ApprovalProcess.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.servicecharter.employeefile.EmployeeFileEntry;
import org.servicecharter.platform.Conflict;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.NotFound;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.servicecharter.platform.SystemAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application's API over decision approval: ask, read the outcome, decide, recognise. Every engine call runs as
 * the logged-in user, so the engine's authorizations and the four-eyes guard apply exactly as in Tasklist; each
 * method is one transaction, so a refusal leaves the request as it was.
 */
@Service
public class ApprovalRequests {

    /** What {@code POST /api/approvals} accepts. */
    public record Ask(String type, BigDecimal amount, String currency, String reason, String requester, String complaintReference) {
    }

    /** What {@code POST /api/approvals/{id}/decision} accepts. */
    public record Answer(String decision, String reason, BigDecimal approvedAmount, Boolean recognise, String recognitionNote) {
    }

    /** What {@code POST /api/approvals/{id}/recognition} accepts. */
    public record Recognition(String note) {
    }

    public record Outcome(String outcome, BigDecimal approvedAmount, String currency, String decidedBy, String decidedAtTier,
            Instant decidedAt, String reason, boolean selfAuthorised) {
    }

    public record RecognitionView(String recognisedBy, Instant recognisedAt, String note) {
    }

    public record View(String id, String type, BigDecimal amount, String currency, String reason, String requester,
            String complaintReference, Instant requestedAt, String requiredTier, String currentTier, String status,
            List<String> offeredTo, String heldBy, Outcome outcome, RecognitionView recognition) {
    }

    private final ApprovalRegister register;
    private final ApprovalProperties properties;
    private final ApprovalTiers tiers;
    private final ApprovalRecognitions recognitions;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final IdentityService identityService;

    public ApprovalRequests(ApprovalRegister register, ApprovalProperties properties,
            ApprovalTiers tiers, ApprovalRecognitions recognitions, RuntimeService runtimeService, TaskService taskService,
            HistoryService historyService, IdentityService identityService) {
        this.register = register;
        this.properties = properties;
        this.tiers = tiers;
        this.recognitions = recognitions;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.historyService = historyService;
        this.identityService = identityService;
    }

    /**
     * Starts a request in the logged-in user's name; returns its id. Within their own authority it is approved at once.
     * The request is checked once, by the model's first step ({@link RegisterApprovalRequestDelegate}), which
     * Tasklist's start form goes through too; its refusal rolls the start back.
     */
    @Transactional
    public String ask(Ask ask) {
        String user = currentUser();
        ApprovalRequest request = new ApprovalRequest(ask.type(), ask.amount(), ask.currency(), ask.reason(),
                ask.requester() == null || ask.requester().isBlank() ? user : ask.requester(), ask.complaintReference())
                .normalized(properties.defaultCurrency());
        String id = register.nextId();
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_TYPE, request.type());
        variables.put(VAR_AMOUNT, request.amount() == null ? null : request.amount().doubleValue());
        variables.put(VAR_CURRENCY, request.currency());
        variables.put(VAR_REASON, request.reason());
        variables.put(VAR_REQUESTER, request.requester());
        variables.put(VAR_COMPLAINT_REFERENCE, request.complaintReference());
        // the register step's and the guard's refusals (Rejected, Refused, Conflict) are answered by ApiProblemHandler
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, id, variables);
        return id;
    }

    /**
     * The request and, once decided, its outcome: for the requester, the approvers it is offered to and who decided it,
     * and whoever may read the approval history (approvers above the agents, auditors).
     */
    public View view(String id) {
        ApprovalRegister.Entry entry = readable(id);
        List<String> offeredTo = List.of();
        String heldBy = null;
        if (entry.isOpen()) {
            Task task = openTask(entry);
            if (task != null) {
                heldBy = task.getAssignee();
                offeredTo = asEngine(() -> taskService.getIdentityLinksForTask(task.getId()).stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                        .map(IdentityLink::getUserId).sorted().toList());
            }
        }
        Outcome outcome = entry.isOpen() ? null : new Outcome(entry.status(), entry.approvedAmount(), entry.currency(),
                entry.decidedBy(), entry.decidedAtTier(), entry.decidedAt(), entry.decisionReason(), entry.selfAuthorised());
        RecognitionView recognition = recognitions.find(id)
                .map(r -> new RecognitionView(r.recordedBy(), r.recordedAt(), r.details())).orElse(null);
        return new View(entry.id(), entry.type(), entry.amount(), entry.currency(), entry.reason(), entry.requester(),
                entry.complaintReference(), entry.requestedAt(), entry.requiredTier(), entry.currentTier(), entry.status(),
                offeredTo, heldBy, outcome, recognition);
    }

    /** The logged-in approver decides: claims the request's task if nobody holds it and completes it with the answer. */
    @Transactional
    public void decide(String id, Answer answer) {
        String user = currentUser();
        ApprovalRegister.Entry entry = register.find(id).orElseThrow(() -> notFound(id));
        if (!entry.isOpen()) {
            throw new Conflict("The request " + id + " is decided already (" + entry.status() + " by "
                    + entry.decidedBy() + "); a decision is taken once.");
        }
        Task task = openTask(entry);
        if (task == null) {
            throw new Conflict("The request " + id + " is not waiting for a decision at the moment.");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw new Conflict("The request " + id + " is held by " + task.getAssignee() + "; only they decide it now.");
        }
        Map<String, Object> variables = answerVariables(answer);
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
        taskService.complete(task.getId(), variables);
    }

    /** An approver marks the requester's (approved) decision as a good one, after the fact. */
    @Transactional
    public EmployeeFileEntry recognise(String id, Recognition recognition) {
        String user = currentUser();
        ApprovalRegister.Entry entry = register.find(id).orElseThrow(() -> notFound(id));
        if (user.equals(entry.requester())) {
            throw new Refused("Nobody recognises their own decision.");
        }
        if (!tiers.hasAuthority(user, TIER_SUPERVISOR)) {
            throw new Refused("Approvers (supervisors and above) recognise good decisions.");
        }
        if (!OUTCOME_APPROVED.equals(entry.status())) {
            throw new Conflict("Only an approved request is recognised as a good decision; " + id + " is " + entry.status() + ".");
        }
        String note = recognition == null ? null : recognition.note();
        if (note != null && note.length() > ApprovalRecognitions.MAX_NOTE) {
            throw Rejected.fields(List.of(new FieldError("note", "must be at most " + ApprovalRecognitions.MAX_NOTE + " characters")));
        }
        try {
            return recognitions.recognise(id, user, note, entry.processInstanceId());
        } catch (Conflict e) {
            throw new Conflict("The decision of request " + id + " is recognised already.");
        }
    }

    private ApprovalRegister.Entry readable(String id) {
        ApprovalRegister.Entry entry = register.find(id).orElseThrow(() -> notFound(id));
        String user = currentUser();
        boolean visible = user.equals(entry.requester()) || user.equals(entry.decidedBy()) || isOfferedTo(entry, user)
                || historyService.createHistoricProcessInstanceQuery().processInstanceId(entry.processInstanceId()).count() > 0;
        if (!visible) {
            throw new Refused("The requester, the approvers and auditors read a request; " + user + " cannot read " + id + ".");
        }
        return entry;
    }

    /** The user holds the request's open task or is one of the approvers it is offered to. */
    private boolean isOfferedTo(ApprovalRegister.Entry entry, String user) {
        Task task = entry.isOpen() ? openTask(entry) : null;
        return task != null && (user.equals(task.getAssignee()) || asEngine(() -> taskService.getIdentityLinksForTask(task.getId())
                .stream().anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && user.equals(link.getUserId()))));
    }

    private Task openTask(ApprovalRegister.Entry entry) {
        return asEngine(() -> taskService.createTaskQuery().processInstanceId(entry.processInstanceId())
                .taskDefinitionKey(DECIDE_REQUEST).singleResult());
    }

    /**
     * Reads without the caller's task rights (the caller may read the request, checked before): whether and by whom
     * the request is awaited is part of what its reader sees, even when it is not offered to them.
     */
    private <T> T asEngine(Supplier<T> read) {
        return SystemAccess.call(identityService, read);
    }

    private static Map<String, Object> answerVariables(Answer answer) {
        if (answer == null) {
            throw Rejected.fields(List.of(new FieldError("decision", "is required: one of " + DECISIONS)));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_DECISION, answer.decision());
        variables.put(VAR_DECISION_REASON, answer.reason() == null || answer.reason().isBlank() ? null : answer.reason().trim());
        variables.put(VAR_APPROVED_AMOUNT, answer.approvedAmount() == null ? null : answer.approvedAmount().doubleValue());
        variables.put(VAR_RECOGNISE, Boolean.TRUE.equals(answer.recognise()));
        variables.put(VAR_RECOGNITION_NOTE, answer.recognitionNote() == null || answer.recognitionNote().isBlank()
                ? null : answer.recognitionNote().trim());
        return variables;
    }

    private static NotFound notFound(String id) {
        return new NotFound("There is no approval request " + id + ".");
    }

    private String currentUser() {
        return CurrentUser.required(identityService, "Log in to ask for or decide approvals.");
    }
}
