package org.servicecharter.complaint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Validator;

import org.camunda.bpm.engine.IdentityService;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.springframework.stereotype.Component;

/**
 * Checks a complaint before anything is started: the same rules, once, for the API and the Tasklist start form — the
 * model's first step ({@link RegisterComplaintDelegate}) runs it, and both doors go through that step.
 */
@Component
public class ComplaintValidator {

    private final Validator validator;
    private final IdentityService identityService;
    private final ComplaintProperties properties;

    public ComplaintValidator(Validator validator, IdentityService identityService, ComplaintProperties properties) {
        this.validator = validator;
        this.identityService = identityService;
        this.properties = properties;
    }

    /** Refuses the (normalized) complaint with {@link Rejected}, naming every bad field at once. */
    public void check(ComplaintIntake intake) {
        List<FieldError> errors = validate(intake);
        if (!errors.isEmpty()) {
            throw Rejected.fields(errors);
        }
    }

    public List<FieldError> validate(ComplaintIntake intake) {
        List<FieldError> errors = new ArrayList<>();
        validator.validate(intake).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
        if (intake.customerEmail() == null) {
            if (intake.channel() != null && properties.emailChannels().contains(intake.channel())) {
                errors.add(new FieldError("customerEmail", "is required for a complaint received by " + intake.channel()
                        + ": we answer it at that address"));
            } else if (intake.customerPhone() == null) {
                errors.add(new FieldError("customerPhone", "is required when there is no e-mail address: we need a way to"
                        + " reach the customer (an e-mail address or a phone number)"));
            }
        }
        if (intake.channel() != null && !intake.channel().isBlank() && !properties.channels().contains(intake.channel())) {
            errors.add(new FieldError("channel", "must be one of " + properties.channels()));
        }
        if (intake.category() != null && !intake.category().isBlank() && !properties.categories().contains(intake.category())) {
            errors.add(new FieldError("category", "must be one of " + properties.categories()));
        }
        if (intake.aboutEmployee() != null && intake.aboutEmployee().length() <= 64
                && identityService.createUserQuery().userId(intake.aboutEmployee()).count() == 0) {
            errors.add(new FieldError("aboutEmployee", "is not an employee of the department"));
        }
        return errors;
    }
}
