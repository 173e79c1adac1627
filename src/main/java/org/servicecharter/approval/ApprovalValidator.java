package org.servicecharter.approval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.springframework.stereotype.Component;

/**
 * Checks a request before anything is started: the same rules, once, for the API, the start form and complaint
 * handling — the model's first step ({@link RegisterApprovalRequestDelegate}) runs it, and every door goes through it.
 */
@Component
public class ApprovalValidator {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    private final ApprovalProperties properties;
    private final ApprovalTiers tiers;

    public ApprovalValidator(ApprovalProperties properties, ApprovalTiers tiers) {
        this.properties = properties;
        this.tiers = tiers;
    }

    /**
     * Refuses the (normalized) request: with {@link Rejected} naming every bad field (with {@code found}, what reading
     * the input found already), else with {@link Refused} when {@code user} (the one starting it, if anyone) asks in
     * someone else's name.
     */
    public void check(ApprovalRequest request, String user, List<FieldError> found) {
        List<FieldError> errors = new ArrayList<>(found);
        errors.addAll(validate(request));
        if (!errors.isEmpty()) {
            throw Rejected.of("The request cannot be started", errors);
        }
        if (user != null && !user.equals(request.requester())) {
            throw new Refused("You ask in your own name only; " + user + " cannot ask on behalf of " + request.requester() + ".");
        }
    }

    /** Every bad field of the (normalized) request; empty when it may be started. */
    public List<FieldError> validate(ApprovalRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.type() == null) {
            errors.add(new FieldError("type", "is required: one of " + properties.types()));
        } else if (!properties.types().contains(request.type())) {
            errors.add(new FieldError("type", "must be one of " + properties.types()));
        }
        BigDecimal amount = request.amount();
        if (amount == null) {
            errors.add(new FieldError("amount", "is required: the value at stake, above zero"));
        } else if (amount.signum() <= 0) {
            errors.add(new FieldError("amount", "must be above zero"));
        } else if (amount.compareTo(properties.maxAmount()) > 0) {
            errors.add(new FieldError("amount", "must be at most " + properties.maxAmount().toPlainString()));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("amount", "must have at most two decimals"));
        }
        if (!properties.currencies().contains(request.currency())) {
            errors.add(new FieldError("currency", "must be one of " + properties.currencies()));
        }
        if (request.reason() == null) {
            errors.add(new FieldError("reason", "is required: why the decision is needed"));
        } else if (request.reason().length() > properties.maxReasonLength()) {
            errors.add(new FieldError("reason", "must be at most " + properties.maxReasonLength() + " characters"));
        }
        if (request.requester() == null) {
            errors.add(new FieldError("requester", "is required: the employee asking"));
        } else if (request.requester().length() > 64 || !tiers.isUser(request.requester())) {
            errors.add(new FieldError("requester", "is not a user"));
        }
        if (request.complaintReference() != null && !REFERENCE.matcher(request.complaintReference()).matches()) {
            errors.add(new FieldError("complaintReference", "must be a complaint reference such as C-2026-7KQ2M9XD"));
        }
        return errors;
    }
}
