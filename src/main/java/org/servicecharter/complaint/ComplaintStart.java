package org.servicecharter.complaint;

import static org.servicecharter.complaint.ComplaintProcess.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What the two doors of complaint handling's start share: the intake API ({@link ComplaintIntakeService}) hands the
 * complaint to the model as these variables, Tasklist's start form sends the same ones, and the model's first step
 * ({@link RegisterComplaintDelegate}) reads them back, checks them ({@link ComplaintValidator}, once, for both doors)
 * and writes them normalized.
 */
final class ComplaintStart {

    private ComplaintStart() {
    }

    /** The complaint as the instance's variables. */
    static Map<String, Object> variables(ComplaintIntake intake, String reference) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REFERENCE, reference);
        variables.put(VAR_CUSTOMER_NAME, intake.customerName());
        variables.put(VAR_CUSTOMER_EMAIL, intake.customerEmail());
        variables.put(VAR_CUSTOMER_PHONE, intake.customerPhone());
        variables.put(VAR_CHANNEL, intake.channel());
        variables.put(VAR_CATEGORY, intake.category());
        variables.put(VAR_DESCRIPTION, intake.description());
        variables.put(VAR_ABOUT_EMPLOYEE, intake.aboutEmployee());
        variables.put(VAR_ORDER_REFERENCE, intake.orderReference());
        return variables;
    }

    /** The complaint as the start sent it (whichever door), normalized. */
    static ComplaintIntake intake(VariableScope start) {
        return new ComplaintIntake(
                text(start.getVariable(VAR_CUSTOMER_NAME)),
                text(start.getVariable(VAR_CUSTOMER_EMAIL)),
                text(start.getVariable(VAR_CUSTOMER_PHONE)),
                text(start.getVariable(VAR_CHANNEL)),
                text(start.getVariable(VAR_CATEGORY)),
                text(start.getVariable(VAR_DESCRIPTION)),
                text(start.getVariable(VAR_ABOUT_EMPLOYEE)),
                text(start.getVariable(VAR_ORDER_REFERENCE))).normalized();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
