package org.servicecharter.complaint;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.complaint.ComplaintProcess.*;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the goodwill gesture the agent proposed and how the approval tiers decided it (approved, with the approved
 * amount, or rejected) in the complaints register.
 */
@ModelCallable(processes = ComplaintProcess.PROCESS_KEY)
@Component("recordGoodwillOutcomeDelegate")
public class RecordGoodwillOutcomeDelegate implements JavaDelegate {

    private final ComplaintRegister register;

    public RecordGoodwillOutcomeDelegate(ComplaintRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        register.recordGoodwillDecision(execution.getProcessBusinessKey(),
                decimal(execution.getVariable(VAR_GOODWILL_AMOUNT)), (String) execution.getVariable(VAR_GOODWILL_REASON),
                (String) execution.getVariable(VAR_GOODWILL_OUTCOME), decimal(execution.getVariable(VAR_GOODWILL_APPROVED_AMOUNT)),
                (String) execution.getVariable(VAR_GOODWILL_DECIDED_BY), (String) execution.getVariable(VAR_GOODWILL_APPROVAL_REQUEST));
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number number ? new BigDecimal(number.toString()) : null;
    }
}
