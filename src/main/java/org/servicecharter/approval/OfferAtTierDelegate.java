package org.servicecharter.approval;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.approval.ApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.platform.Conflict;
import org.springframework.stereotype.Component;

/**
 * Sets the tier that decides next (the DMN's tier on the first round, the tier above after a pass-up) and clears
 * the previous round's answer. A tier with nobody eligible (its only members are the requester or earlier
 * rejecters) is skipped upwards, so a request never waits for nobody; with nobody eligible at the top, starting or
 * escalating is refused.
 */
@ModelCallable(processes = ApprovalProcess.PROCESS_KEY)
@Component("offerAtTierDelegate")
public class OfferAtTierDelegate implements JavaDelegate {

    private final ApprovalTiers tiers;
    private final ApprovalRegister register;

    public OfferAtTierDelegate(ApprovalTiers tiers, ApprovalRegister register) {
        this.tiers = tiers;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String required = (String) execution.getVariable(VAR_REQUIRED_TIER);
        String tier = (String) execution.getVariable(VAR_CURRENT_TIER);
        if (tier == null) {
            tier = ApprovalTiers.isTier(required) ? required : TIER_HEAD_OF_SERVICE;
        }
        String excluded = (String) execution.getVariable(VAR_EXCLUDED_APPROVERS);
        while (tiers.candidates(tier, excluded).isEmpty()) {
            if (tiers.isTop(tier)) {
                throw new Conflict("Nobody may decide the request " + execution.getVariable(VAR_REQUEST_ID)
                        + ": no member of the " + tier + " tier or above is someone other than " + excluded + ".");
            }
            tier = ApprovalTiers.next(tier);
        }
        execution.setVariable(VAR_CURRENT_TIER, tier);
        execution.setVariable(VAR_DECISION, null);
        execution.setVariable(VAR_DECISION_REASON, null);
        execution.setVariable(VAR_APPROVED_AMOUNT, null);
        execution.setVariable(VAR_RECOGNISE, false);
        execution.setVariable(VAR_RECOGNITION_NOTE, null);
        register.recordTier((String) execution.getVariable(VAR_REQUEST_ID), required, tier);
    }
}
