package org.servicecharter.complaint;

import static org.servicecharter.complaint.ComplaintProcess.*;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the goodwill gesture the agent proposed as a request in the register. A proposal without a positive
 * amount is refused, so the agent's task completion is rolled back with that message and nothing is lost.
 */
@Component("recordGoodwillRequestDelegate")
public class RecordGoodwillRequestDelegate implements JavaDelegate {

    private final ComplaintRegister register;

    public RecordGoodwillRequestDelegate(ComplaintRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object amount = execution.getVariable(VAR_GOODWILL_AMOUNT);
        BigDecimal value = amount instanceof Number number ? new BigDecimal(number.toString()) : null;
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException("A goodwill gesture needs an amount above zero (goodwillAmount).");
        }
        register.recordGoodwillRequest(execution.getProcessBusinessKey(), value, (String) execution.getVariable(VAR_GOODWILL_REASON));
    }
}
