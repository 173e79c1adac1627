package org.servicecharter.correctiveaction;

import static org.servicecharter.correctiveaction.CorrectiveActionProcess.*;

import java.security.SecureRandom;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.servicecharter.complaint.ComplaintsAboutEmployees;
import org.servicecharter.identity.ReportingLines;
import org.servicecharter.identity.Roles;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.SystemAccess;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening cases and the rules of who may act on one. Models call it as {@code ${correctiveActionCases...}}.
 */
@Component("correctiveActionCases")
public class CorrectiveActionCases {


    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private final SecureRandom random = new SecureRandom();

    private final ReportingLines reportingLines;
    private final IdentityService identityService;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final org.springframework.beans.factory.ObjectProvider<ComplaintsAboutEmployees> complaints;
    private final CorrectiveActionRecords records;

    public CorrectiveActionCases(ReportingLines reportingLines, IdentityService identityService,
            HistoryService historyService, RuntimeService runtimeService,
            org.springframework.beans.factory.ObjectProvider<ComplaintsAboutEmployees> complaints, CorrectiveActionRecords records) {
        this.records = records;
        this.reportingLines = reportingLines;
        this.identityService = identityService;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.complaints = complaints;
    }

    /**
     * Candidate groups of the conversation: nobody but the manager, or HR when the employee reports to nobody. (The
     * model passes a missing lead as "": EL coerces null to an empty String.)
     */
    @ModelCallable
    public List<String> conversationGroups(String conversationLead) {
        return conversationLead == null || conversationLead.isBlank() ? List.of(Roles.HR) : List.of();
    }

    /**
     * The employee's corrective actions on file, newest first, in words: the ladder so far, shown to HR on the review
     * form ({@code ${correctiveActionCases.ladderHistory(employee)}}).
     */
    @ModelCallable
    public String ladderHistory(String employee) {
        return records.ladderHistory(employee);
    }

    /** A manager may open a case for, and document a conversation with, the people in their reporting line. */
    public boolean inReportingLine(String userId, String employee) {
        return userId != null && !userId.equals(employee) && reportingLines.managerChain(employee).contains(userId);
    }

    /** Who may document the conversation: the manager chain, or HR when the employee reports to nobody. */
    public boolean mayDocument(String userId, List<String> groups, String employee) {
        if (inReportingLine(userId, employee)) {
            return true;
        }
        return userId != null && !userId.equals(employee) && reportingLines.findManager(employee).isEmpty()
                && groups.contains(Roles.HR);
    }

    public boolean userExists(String userId) {
        if (userId == null || userId.isBlank()) {
            return false;
        }
        return SystemAccess.call(identityService, () -> identityService.createUserQuery().userId(userId).count() > 0);
    }

    /** Whether complaint handling has (or had) the complaint with this reference about this employee. */
    public boolean complaintAbout(String complaintReference, String employee) {
        // as complaint handling's register has it (its published query), not the complaint's variable
        ComplaintsAboutEmployees about = complaints.getIfAvailable();
        return about != null && about.isAbout(complaintReference, employee);
    }

    /** The groups of the current user (those the login gave, else from the identity service). */
    public List<String> groupsOf(String userId, List<String> given) {
        if (userId == null) {
            return List.of();
        }
        if (!given.isEmpty()) {
            return given;
        }
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(g -> g.getId()).toList();
    }

    /**
     * Opens a case for a behaviour the current user observed (the API's path: it gives the case its reference and
     * starts it; the model's first step checks it, as for Tasklist's start form). One transaction: a refusal starts
     * nothing.
     */
    @Transactional
    public ProcessInstance open(String employee, String concern) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_EMPLOYEE, employee);
        variables.put(VAR_CONCERN, concern);
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, newReference(), variables);
    }

    /** A case reference for a case that no complaint started, e.g. CA-2026-7KQ2M9XD. */
    public String newReference() {
        StringBuilder sb = new StringBuilder("CA-").append(Year.now().getValue()).append('-');
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
