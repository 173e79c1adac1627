package org.servicecharter.handbook;

import static org.servicecharter.handbook.HandbookProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.identity.Roles;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Refused;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Assignment and completion listener of the version's approval and revision tasks.
 * <ul>
 * <li><b>Approve the handbook version</b>: only a member of the head of service's group decides, and never the process
 * owner who published the version (four eyes; the publisher is taken from the register of record, not from a
 * variable). Sending back needs a reason.</li>
 * <li><b>Revise the handbook version</b>: only its publisher revises or withdraws it; resubmitting needs a title and
 * rules.</li>
 * </ul>
 * Refusals of the person are {@link Refused} (403), of the answer {@link Rejected} (400). Throwing rolls the claim or
 * completion back.
 */
@ModelCallable(processes = HandbookProcess.PROCESS_KEY)
@Component("handbookApprovalGuard")
public class HandbookApprovalGuard implements TaskListener {

    static final int MAX_REASON = 2000;
    static final int MAX_TITLE = 200;
    static final int MAX_RULES = 4000;

    private final HandbookRegister register;

    public HandbookApprovalGuard(HandbookRegister register) {
        this.register = register;
    }

    @Override
    public void notify(DelegateTask task) {
        String version = (String) task.getVariable(VAR_VERSION);
        String publisher = register.findVersion(version).map(HandbookRegister.Version::publishedBy)
                .orElseThrow(() -> new Refused("There is no handbook version " + version + " in the register."));
        boolean approval = APPROVE_VERSION.equals(task.getTaskDefinitionKey());
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (approval && task.getAssignee() != null && task.getAssignee().equals(publisher)) {
                throw fourEyes(version, publisher);
            }
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        String user = CurrentUser.of(task);
        if (user == null) {
            throw new Refused("The handbook version " + version + " is " + (approval ? "approved" : "revised")
                    + " by a logged-in user; nobody is logged in.");
        }
        if (approval) {
            checkApproval(task, version, publisher, user);
        } else {
            checkRevision(task, version, publisher, user);
        }
    }

    private static void checkApproval(DelegateTask task, String version, String publisher, String user) {
        if (user.equals(publisher)) {
            throw fourEyes(version, publisher);
        }
        List<String> groups = CurrentUser.groupsOf(task);
        if (!groups.contains(Roles.HEAD_OF_SERVICE)) {
            throw new Refused("Only the head of service approves a handbook version; " + user + " cannot.");
        }
        Object decision = task.getVariable(VAR_APPROVAL_DECISION);
        if (APPROVAL_SEND_BACK.equals(decision)) {
            Object reason = task.getVariable(VAR_SEND_BACK_REASON);
            if (!(reason instanceof String text) || text.isBlank()) {
                throw new Rejected(VAR_SEND_BACK_REASON, "Sending the version back needs a reason for its publisher.");
            }
            if (text.length() > MAX_REASON) {
                throw new Rejected(VAR_SEND_BACK_REASON, "The reason must be at most " + MAX_REASON + " characters.");
            }
        } else if (!APPROVAL_APPROVE.equals(decision)) {
            throw new Rejected(VAR_APPROVAL_DECISION, "Choose to approve the version or to send it back.");
        }
        task.setVariable(VAR_APPROVAL_DECIDED_BY, user);
    }

    private static void checkRevision(DelegateTask task, String version, String publisher, String user) {
        if (!user.equals(publisher)) {
            throw new Refused("Only " + publisher + ", who published the handbook version " + version
                    + ", revises or withdraws it; " + user + " cannot.");
        }
        Object decision = task.getVariable(VAR_REVISION_DECISION);
        if (REVISION_RESUBMIT.equals(decision)) {
            require(task, VAR_TITLE, "title", MAX_TITLE);
            require(task, VAR_RULES, "rules", MAX_RULES);
        } else if (!REVISION_WITHDRAW.equals(decision)) {
            throw new Rejected(VAR_REVISION_DECISION, "Choose to resubmit the revised version or to withdraw it.");
        }
    }

    private static void require(DelegateTask task, String variable, String what, int max) {
        Object value = task.getVariable(variable);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new Rejected(variable, "The revised version needs its " + what + ".");
        }
        if (text.length() > max) {
            throw new Rejected(variable, "The " + what + " must be at most " + max + " characters.");
        }
    }

    private static Refused fourEyes(String version, String publisher) {
        return new Refused("Four eyes: " + publisher + " published the handbook version " + version
                + " and cannot approve it; another member of the head of service does.");
    }
}
