package org.servicecharter.approval;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.approval.ApprovalProcess.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.springframework.stereotype.Component;

/**
 * Assignment and completion listener of the approval task: four-eyes, enforced by the server whatever the API.
 * <ul>
 * <li>assignment (claim, set assignee, delegate): the new holder must not be the requester (as the approval register
 * has it, not the variable) or an earlier rejecter
 * and must hold the tier's authority;</li>
 * <li>completion: the completing user must be logged in, hold the task (Camunda lets any candidate or an
 * administrator complete a task someone else has claimed), not be excluded and hold the tier's authority; the
 * answer must be complete (a reason to reject, an approved amount above zero and not above the one asked for, no
 * pass-up from the top tier, recognition only with an approval).</li>
 * </ul>
 * Refusals of the person are {@link Refused} (403), of the answer {@link Rejected} (400, naming the fields).
 * Throwing rolls the claim or completion back; every door answers the same ({@code Refusals}).
 */
@ModelCallable(processes = ApprovalProcess.PROCESS_KEY)
@Component("fourEyesGuard")
public class FourEyesGuard implements TaskListener {

    private final ApprovalTiers tiers;
    private final ApprovalProperties properties;
    private final ApprovalRegister register;

    public FourEyesGuard(ApprovalTiers tiers, ApprovalProperties properties, ApprovalRegister register) {
        this.tiers = tiers;
        this.properties = properties;
        this.register = register;
    }

    @Override
    public void notify(DelegateTask task) {
        // who asked and how much: from the register of record (the request's business key is its id), never from a
        // variable that someone could have rewritten
        String requestId = task.getExecution().getProcessBusinessKey();
        ApprovalRegister.Entry request = register.find(requestId).orElseThrow(() -> new Refused(
                "There is no approval request " + requestId + " in the register; nobody decides it."));
        String tier = (String) task.getVariable(VAR_CURRENT_TIER);
        Set<String> excluded = ApprovalTiers.excluded(task.getVariable(VAR_EXCLUDED_APPROVERS));
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            String assignee = task.getAssignee();
            if (assignee != null) {
                checkMayDecide(assignee, requestId, tier, excluded, request.requester());
            }
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        String user = CurrentUser.of(task);
        if (user == null) {
            throw new Refused("The request " + requestId + " is decided by a logged-in approver; nobody is logged in.");
        }
        checkMayDecide(user, requestId, tier, excluded, request.requester());
        if (!user.equals(task.getAssignee())) {
            throw new Refused("Claim the request " + requestId + " before deciding it; "
                    + (task.getAssignee() == null ? "nobody holds it yet." : "it is held by " + task.getAssignee() + ", not by " + user + "."));
        }
        validateAnswer(task, tier, request.amount().doubleValue());
        Object decision = task.getVariable(VAR_DECISION);
        if (DECISION_PASS_UP.equals(decision)) {
            task.setVariable(VAR_PASSED_UP_BY, user);
        } else {
            task.setVariable(VAR_DECIDED_BY, user);
            task.setVariable(VAR_DECIDED_AT_TIER, tier);
            task.setVariable(VAR_DECIDED_AT, Date.from(ClockUtil.getCurrentTime().toInstant()));
        }
    }

    private void checkMayDecide(String user, String requestId, String tier, Set<String> excluded, Object requester) {
        if (user.equals(requester)) {
            throw new Refused("Four-eyes: " + user + " asked for the request " + requestId
                    + " and cannot decide it; someone else at the " + tier + " tier decides.");
        }
        if (excluded.contains(user)) {
            throw new Refused("Four-eyes: " + user + " rejected the request " + requestId
                    + " before and cannot decide it again.");
        }
        if (!tiers.hasAuthority(user, tier)) {
            throw new Refused(user + " has no authority at the " + tier + " tier to decide the request "
                    + requestId + ".");
        }
    }

    private void validateAnswer(DelegateTask task, String tier, double asked) {
        List<FieldError> errors = new ArrayList<>();
        Object decision = task.getVariable(VAR_DECISION);
        Object reason = task.getVariable(VAR_DECISION_REASON);
        boolean recognise = Boolean.TRUE.equals(task.getVariable(VAR_RECOGNISE));
        if (!(decision instanceof String d) || !DECISIONS.contains(d)) {
            errors.add(new FieldError(VAR_DECISION, "must be one of " + DECISIONS));
        } else if (DECISION_REJECT.equals(d) && (!(reason instanceof String text) || text.isBlank())) {
            errors.add(new FieldError(VAR_DECISION_REASON, "is required to reject: tell the requester why"));
        } else if (DECISION_PASS_UP.equals(d) && tiers.isTop(tier)) {
            errors.add(new FieldError(VAR_DECISION, "cannot be pass-up: " + tier + " is the top tier; approve or reject"));
        } else if (DECISION_APPROVE.equals(d)) {
            Object approved = task.getVariable(VAR_APPROVED_AMOUNT);
            if (approved == null || (approved instanceof String s && s.isBlank())) {
                task.setVariable(VAR_APPROVED_AMOUNT, asked);
            } else {
                BigDecimal value = decimal(approved);
                if (value == null || value.signum() <= 0 || value.doubleValue() > asked || value.stripTrailingZeros().scale() > 2) {
                    errors.add(new FieldError(VAR_APPROVED_AMOUNT, "must be above zero, with at most two decimals, and at most the "
                            + asked + " asked for"));
                } else {
                    task.setVariable(VAR_APPROVED_AMOUNT, value.doubleValue());
                }
            }
        }
        if (reason instanceof String text && text.length() > properties.maxReasonLength()) {
            errors.add(new FieldError(VAR_DECISION_REASON, "must be at most " + properties.maxReasonLength() + " characters"));
        }
        if (recognise && !DECISION_APPROVE.equals(decision)) {
            errors.add(new FieldError(VAR_RECOGNISE, "is for a good decision you approve"));
        }
        Object note = task.getVariable(VAR_RECOGNITION_NOTE);
        if (note instanceof String text && text.length() > ApprovalRecognitions.MAX_NOTE) {
            errors.add(new FieldError(VAR_RECOGNITION_NOTE, "must be at most " + ApprovalRecognitions.MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw Rejected.of("The decision cannot be taken", errors);
        }
        task.setVariable(VAR_RECOGNISE, recognise);
    }

    private static BigDecimal decimal(Object value) {
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
