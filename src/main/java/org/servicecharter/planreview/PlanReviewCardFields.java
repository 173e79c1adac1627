package org.servicecharter.planreview;

import java.util.List;

import org.servicecharter.identity.TaskCardFields;
import org.springframework.stereotype.Component;

/** On a plan-review task card in Tasklist: the period under review. */
@Component
class PlanReviewCardFields implements TaskCardFields {

    @Override
    public List<Field> fields() {
        return List.of(new Field(PlanReviewProcess.VAR_PERIOD, "Period"));
    }
}
