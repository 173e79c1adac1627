package org.servicecharter.handbook;

import static org.servicecharter.handbook.HandbookProcess.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry;
import org.servicecharter.identity.Roles;
import org.servicecharter.platform.Conflict;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Gone;
import org.servicecharter.platform.NotFound;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signing (or declining) through the API, and the per-version status report. */
@Service
public class HandbookSignOffs {

    /** The logged-in employee's answer: {@code sign} with {@code acknowledged: true}, or {@code decline} with a reason. */
    public record Answer(String decision, Boolean acknowledged, String reason) {
    }

    public record EmployeeStatus(String employee, String status, Instant offeredAt, Instant dueAt, boolean lateJoiner,
            Instant remindedAt, Instant escalatedAt, Instant answeredAt, String declineReason) {
    }

    /**
     * @param state awaiting-approval, sent-back, withdrawn, in-force or superseded
     * @param approvedBy the head of service who approved the version (null before)
     * @param sentBackReason why the head of service sent the version back (the latest time)
     */
    public record Status(String version, String title, Instant deadline, String state, String supersededBy,
            Map<String, Long> counts, List<EmployeeStatus> employees, String approvedBy, Instant approvedAt,
            String sentBackReason) {
    }

    /** The records about a version that make an employee's status, the latest counting. */
    static final List<String> ANSWER_RECORDS = List.of(RECORD_HANDBOOK_ACKNOWLEDGEMENT, RECORD_HANDBOOK_DECLINED,
            RECORD_HANDBOOK_WILL_SIGN, RECORD_HANDBOOK_DECLINE_STANDS);

    /** A version's state in words, as the HR pages show it. */
    public static String words(String state) {
        return switch (state) {
            case "awaiting-approval" -> "awaiting the head of service's approval";
            case "sent-back" -> "sent back to its publisher";
            case "withdrawn" -> "withdrawn";
            case "superseded" -> "superseded";
            default -> "in force";
        };
    }

    public static final List<String> STATUSES = List.of("signed", "pending", "overdue", "declined", "superseded");

    private final HandbookRegister register;
    private final EmployeeFile employeeFile;
    private final TaskService taskService;
    private final IdentityService identityService;

    public HandbookSignOffs(HandbookRegister register, EmployeeFile employeeFile, TaskService taskService,
            IdentityService identityService) {
        this.register = register;
        this.employeeFile = employeeFile;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    public HandbookRegister.Version version(String version) {
        return register.findVersion(version)
                .orElseThrow(() -> new NotFound("There is no handbook version " + version + "."));
    }

    /** Completes the logged-in employee's sign-off task with the answer; returns the employee file record. */
    @Transactional
    public EmployeeFileEntry answer(String versionLabel, Answer answer) {
        HandbookRegister.Version version = version(versionLabel);
        String employee = currentUser();
        employeeFile.find(answerKey(versionLabel, employee)).ifPresent(existing -> {
            throw new Conflict("You answered the handbook version " + versionLabel + " already, at "
                    + existing.recordedAt() + "; a signature is recorded once.");
        });
        if (!version.inForce() && version.supersededBy() == null) {
            throw new Conflict("The handbook version " + versionLabel + " is " + words(version.state())
                    + "; nobody signs it before the head of service approves it.");
        }
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey(versionLabel, employee))
                .taskDefinitionKey(SIGN_HANDBOOK).singleResult();
        if (task == null) {
            if (version.supersededBy() != null) {
                throw new Gone("The handbook version " + versionLabel + " was superseded by "
                        + version.supersededBy() + "; sign that one.");
            }
            if (register.recipient(versionLabel, employee).isEmpty()) {
                throw new NotFound("The handbook version " + versionLabel + " has no sign-off for you (yet).");
            }
            throw new Conflict("Your sign-off of the handbook version " + versionLabel + " is not open.");
        }
        Map<String, Object> variables = validate(answer);
        // the signature guard's refusal and a second record in the employee file are answered by ApiProblemHandler
        taskService.complete(task.getId(), variables);
        if (DECISION_SIGN.equals(answer.decision())) {
            return employeeFile.find(answerKey(versionLabel, employee)).orElseThrow();
        }
        List<EmployeeFileEntry> declines = employeeFile.entriesAbout(versionLabel, List.of(RECORD_HANDBOOK_DECLINED)).stream()
                .filter(e -> e.employeeId().equals(employee)).toList();
        return declines.get(declines.size() - 1);
    }

    public Status status(String versionLabel) {
        requireStatusReader();
        HandbookRegister.Version version = version(versionLabel);
        List<EmployeeFileEntry> records = employeeFile.entriesAbout(versionLabel, ANSWER_RECORDS);
        // the latest record of each employee counts (oldest first, so a later one replaces an earlier one): a decline
        // followed by "will sign now" is open again, then signed
        Map<String, EmployeeFileEntry> answers = records.stream()
                .collect(Collectors.toMap(EmployeeFileEntry::employeeId, Function.identity(), (a, b) -> b));
        Map<String, EmployeeFileEntry> declines = records.stream().filter(e -> RECORD_HANDBOOK_DECLINED.equals(e.recordType()))
                .collect(Collectors.toMap(EmployeeFileEntry::employeeId, Function.identity(), (a, b) -> b));
        Instant now = Instant.now();
        List<EmployeeStatus> employees = register.recipients(versionLabel).stream().map(r -> {
            EmployeeFileEntry latest = answers.get(r.employeeId());
            EmployeeFileEntry answer = latest == null || RECORD_HANDBOOK_WILL_SIGN.equals(latest.recordType()) ? null : latest;
            EmployeeFileEntry decline = declines.get(r.employeeId());
            String status;
            if (answer != null) {
                status = RECORD_HANDBOOK_ACKNOWLEDGEMENT.equals(answer.recordType()) ? "signed" : "declined";
            } else if (version.supersededBy() != null) {
                status = "superseded";
            } else if (r.escalatedAt() != null || now.isAfter(r.dueAt())) {
                status = "overdue";
            } else {
                status = "pending";
            }
            return new EmployeeStatus(r.employeeId(), status, r.offeredAt(), r.dueAt(), r.lateJoiner(), r.remindedAt(),
                    r.escalatedAt(), answer == null ? null : answer.recordedAt(),
                    "declined".equals(status) && decline != null ? decline.details() : null);
        }).toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, employees.stream().filter(e -> e.status().equals(s)).count()));
        return new Status(versionLabel, version.title(), version.signOffDeadline(),
                version.state(), version.supersededBy(), counts, employees, version.approvedBy(), version.approvedAt(),
                version.sentBackReason());
    }

    /** The latest versions, newest first, for those who see the sign-off status (process owners, HR, auditors). */
    public List<HandbookRegister.Version> versions(int limit) {
        requireStatusReader();
        return register.latestVersions(limit);
    }

    private void requireStatusReader() {
        List<String> groups = CurrentUser.groupsOf(identityService);
        if (groups.stream().noneMatch(List.of(Roles.PROCESS_OWNERS, Roles.HR, Roles.AUDITORS, Roles.ADMINS)::contains)) {
            throw new Refused("Process owners, HR and auditors see the sign-off status.");
        }
    }

    private static Map<String, Object> validate(Answer answer) {
        Map<String, Object> variables = new HashMap<>();
        if (answer == null || answer.decision() == null) {
            throw Rejected.fields(List.of(new FieldError("decision", "is required: sign or decline")));
        }
        switch (answer.decision()) {
            case DECISION_SIGN -> {
                if (!Boolean.TRUE.equals(answer.acknowledged())) {
                    throw Rejected.fields(List.of(new FieldError("acknowledged",
                            "must be true: signing is the explicit acknowledgement")));
                }
                variables.put(VAR_ACKNOWLEDGED, true);
            }
            case DECISION_DECLINE -> {
                if (answer.reason() == null || answer.reason().isBlank()) {
                    throw Rejected.fields(List.of(new FieldError("reason", "is required to decline")));
                }
                if (answer.reason().length() > SignatureGuard.MAX_REASON) {
                    throw Rejected.fields(List.of(new FieldError("reason",
                            "must be at most " + SignatureGuard.MAX_REASON + " characters")));
                }
                variables.put(VAR_DECLINE_REASON, answer.reason().trim());
            }
            default -> throw Rejected.fields(List.of(new FieldError("decision", "must be sign or decline")));
        }
        variables.put(VAR_DECISION, answer.decision());
        return variables;
    }

    private String currentUser() {
        return CurrentUser.required(identityService, "Log in to sign.");
    }
}
