package org.servicecharter.complaint;

import static org.servicecharter.complaint.ComplaintCorrectionProcess.*;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.Validator;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.servicecharter.identity.Roles;
import org.servicecharter.platform.Conflict;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.taskrights.CaseSubjectsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Corrects a fact of a complaint that drives other procedures — who the complaint is about, the customer's e-mail
 * address — in its register of record, and leaves the trail: the correction (from what to what, who, when, why) in the
 * register's append-only record of corrections, the complaint's own variable changed to match (so its next steps
 * and forms show the register's value), and a comment on the complaint's instance, which its timeline on the auditors'
 * pages shows. When who the complaint is about changes, {@link CaseSubjectsChanged} is published after the change, so
 * that the complaint's open tasks can be offered anew.
 *
 * <p>Only supervisors, managers and administrators correct, never the employee the complaint is about (403). A
 * complaint is corrected while it runs: who it is about only until it is resolved (the decision on corrective action is
 * taken then, on that fact), the customer's address until it is closed. Everything else is the caller's input (400) or
 * the state of the complaint (409); a refusal changes nothing. Called by the model's service task
 * ({@link CorrectComplaintFactDelegate}), inside the start of the correction's instance.
 */
@Service
public class ComplaintCorrections {

    /** The start form as submitted (blank fields are "not given"). */
    public record Request(String complaintReference, String correction, String aboutEmployee, String customerEmail,
            String reason) {
    }

    static final List<String> CORRECTORS = List.of(Roles.SUPERVISORS, Roles.MANAGERS, Roles.ADMINS);

    private final ComplaintRegister register;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final Validator validator;
    private final ApplicationEventPublisher events;

    public ComplaintCorrections(ComplaintRegister register, RuntimeService runtimeService, TaskService taskService,
            IdentityService identityService, Validator validator, ApplicationEventPublisher events) {
        this.register = register;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.validator = validator;
        this.events = events;
    }

    /** Corrects the fact as {@code user}, recording it as made by the correction's process instance. */
    public ComplaintRegister.Correction correct(Request request, String user, String correctionInstanceId) {
        if (user == null) {
            throw new Refused("Nobody is logged in: a correction of a complaint's facts is made"
                    + " by a supervisor or manager, whose name it carries.");
        }
        if (identityService.createGroupQuery().groupMember(user).groupIdIn(CORRECTORS.toArray(String[]::new)).count() == 0) {
            throw new Refused(user + " may not correct a complaint's facts: supervisors and"
                    + " managers do.");
        }

        String reference = trimmed(request.complaintReference());
        if (reference == null) {
            throw new Rejected(VAR_COMPLAINT_REFERENCE, "Give the complaint's reference, such"
                    + " as C-2026-7KQ2M9XD.");
        }
        ComplaintRegister.Entry complaint = find(reference).orElseThrow(() -> new Rejected(
                VAR_COMPLAINT_REFERENCE, "There is no complaint " + abbreviated(reference) + "."));
        if (user.equals(complaint.aboutEmployee())) {
            throw new Refused("Complaint " + complaint.reference() + " is about " + user
                    + ", who does not correct the facts of a complaint about themselves; another supervisor or manager"
                    + " does.");
        }

        String correction = trimmed(request.correction());
        if (correction == null || !CORRECTIONS.contains(correction)) {
            throw new Rejected(VAR_CORRECTION, "Choose what to correct: "
                    + String.join(", ", CORRECTIONS) + ".");
        }
        String reason = trimmed(request.reason());
        if (reason == null) {
            throw new Rejected(VAR_REASON, "Say why the fact is corrected (what was wrong,"
                    + " how you know): the reason stays with the correction.");
        }
        if (reason.length() > MAX_REASON) {
            throw new Rejected(VAR_REASON, "The reason must be at most " + MAX_REASON
                    + " characters.");
        }

        String fact;
        String newValue;
        switch (correction) {
            case CORRECT_ABOUT_EMPLOYEE -> {
                fact = FACT_ABOUT_EMPLOYEE;
                newValue = trimmed(request.aboutEmployee());
                if (newValue == null) {
                    throw new Rejected(VAR_ABOUT_EMPLOYEE, "Name the employee the complaint is"
                            + " about (user id, e.g. bob), or choose that it is about no employee.");
                }
                if (newValue.length() > 64 || identityService.createUserQuery().userId(newValue).count() == 0) {
                    throw new Rejected(VAR_ABOUT_EMPLOYEE, "There is no employee "
                            + abbreviated(newValue) + ".");
                }
            }
            case CORRECT_ABOUT_NOBODY -> {
                fact = FACT_ABOUT_EMPLOYEE;
                newValue = null;
            }
            default -> {
                fact = FACT_CUSTOMER_EMAIL;
                newValue = trimmed(request.customerEmail());
                if (newValue == null) {
                    throw new Rejected(VAR_CUSTOMER_EMAIL, "Give the customer's correct"
                            + " e-mail address.");
                }
                // the intake's own rules for the address
                validator.validateValue(ComplaintIntake.class, VAR_CUSTOMER_EMAIL, newValue).stream().findFirst()
                        .ifPresent(invalid -> {
                            throw new Rejected(VAR_CUSTOMER_EMAIL, "The customer's e-mail address "
                                    + invalid.getMessage() + ": " + abbreviated(request.customerEmail().trim()) + ".");
                        });
            }
        }

        if (runtimeService.createProcessInstanceQuery().processInstanceId(complaint.processInstanceId()).count() == 0) {
            throw new Conflict("Complaint " + complaint.reference() + " is closed: its facts stay as they were"
                    + " when it closed.");
        }
        String oldValue = FACT_ABOUT_EMPLOYEE.equals(fact) ? complaint.aboutEmployee() : complaint.customerEmail();
        if (FACT_ABOUT_EMPLOYEE.equals(fact) && !"OPEN".equals(complaint.status())) {
            throw new Conflict("Complaint " + complaint.reference() + " has been resolved: who it is about can be"
                    + " corrected only while it is being handled, before the decision on corrective action is taken on it"
                    + (complaint.correctiveActionFlagged() ? " (it was handed to corrective action about "
                            + complaint.aboutEmployee() + "; that case's manager records it as not substantiated)" : "")
                    + ".");
        }
        if (Objects.equals(oldValue, newValue)) {
            throw new Rejected(FACT_ABOUT_EMPLOYEE.equals(fact) && newValue == null
                    ? VAR_CORRECTION : fact, "Complaint " + complaint.reference() + (FACT_ABOUT_EMPLOYEE.equals(fact)
                            ? " is already about " + describe(fact, newValue)
                            : " already has the customer's e-mail address " + newValue) + ": there is nothing to correct.");
        }

        ComplaintRegister.Correction done = register.correct(complaint.reference(), fact, oldValue, newValue, user, reason,
                correctionInstanceId);
        // the complaint's own variable follows its register, so that its next steps and its forms show the correct value
        runtimeService.setVariable(complaint.processInstanceId(), fact, newValue);
        taskService.createComment(null, complaint.processInstanceId(), "Corrected " + label(fact) + ": "
                + describe(fact, oldValue) + " → " + describe(fact, newValue) + ". Reason: " + reason);
        if (FACT_ABOUT_EMPLOYEE.equals(fact)) {
            events.publishEvent(new CaseSubjectsChanged(ComplaintProcess.PROCESS_KEY, complaint.processInstanceId()));
        }
        return done;
    }

    private Optional<ComplaintRegister.Entry> find(String reference) {
        Optional<ComplaintRegister.Entry> exact = register.find(reference);
        return exact.isPresent() ? exact : register.find(reference.toUpperCase(Locale.ROOT));
    }

    /** The fact in words, as the form says it. */
    static String label(String fact) {
        return FACT_ABOUT_EMPLOYEE.equals(fact) ? "who the complaint is about" : "the customer's e-mail address";
    }

    private static String describe(String fact, String value) {
        if (value == null) {
            return FACT_ABOUT_EMPLOYEE.equals(fact) ? "no employee" : "no address";
        }
        return value;
    }

    private static String abbreviated(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }

    static String trimmed(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        return text.trim();
    }
}
