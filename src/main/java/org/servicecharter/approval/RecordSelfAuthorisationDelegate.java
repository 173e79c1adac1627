package org.servicecharter.approval;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.approval.ApprovalProcess.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The request is within the requester's own authority: approved in full, by the requester, with no task. */
@ModelCallable(processes = ApprovalProcess.PROCESS_KEY)
@Component("recordSelfAuthorisationDelegate")
public class RecordSelfAuthorisationDelegate implements JavaDelegate {

    static final String REASON = "Within the requester's own authority (self-authorised).";

    private final ApprovalRegister register;

    public RecordSelfAuthorisationDelegate(ApprovalRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requester = (String) execution.getVariable(VAR_REQUESTER);
        double amount = ((Number) execution.getVariable(VAR_AMOUNT)).doubleValue();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        execution.setVariable(VAR_CURRENT_TIER, TIER_AGENT);
        execution.setVariable(VAR_OUTCOME, OUTCOME_APPROVED);
        execution.setVariable(VAR_SELF_AUTHORISED, true);
        execution.setVariable(VAR_APPROVED_AMOUNT, amount);
        execution.setVariable(VAR_DECIDED_BY, requester);
        execution.setVariable(VAR_DECIDED_AT_TIER, TIER_AGENT);
        execution.setVariable(VAR_DECIDED_AT, Date.from(now));
        execution.setVariable(VAR_DECISION_REASON, REASON);
        String id = (String) execution.getVariable(VAR_REQUEST_ID);
        register.recordTier(id, (String) execution.getVariable(VAR_REQUIRED_TIER), TIER_AGENT);
        register.recordOutcome(id, OUTCOME_APPROVED, true, BigDecimal.valueOf(amount), requester, TIER_AGENT, now, REASON);
    }
}
