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

    /** Facts a customer may leave out: absent rather than null (see {@link #variables}). */
    private static final java.util.Set<String> OPTIONAL = java.util.Set.of(VAR_CUSTOMER_PHONE, VAR_ORDER_REFERENCE);

    /**
     * The complaint as the instance's variables. An optional fact the customer did not give (phone, order reference)
     * is not set at all rather than set to null: nothing reads it from the instance but the forms, which show an
     * absent variable as an empty field, and each variable costs a row in the runtime and two in the history.
     */
    static Map<String, Object> variables(ComplaintIntake intake, String reference) {
        Map<String, Object> variables = allFacts(intake, reference);
        OPTIONAL.forEach(name -> variables.remove(name, null));
        return variables;
    }

    /**
     * Writes the normalized complaint back into the starting instance, only where it differs from what the start
     * sent (a trimmed name, a blank phone that is none): an unchanged fact is not written again, so the trail shows
     * what the register step really changed and the step writes no history rows for nothing.
     */
    static void writeBack(VariableScope start, ComplaintIntake intake, String reference) {
        allFacts(intake, reference).forEach((name, value) -> {
            boolean changed = start.hasVariable(name) ? !java.util.Objects.equals(start.getVariable(name), value)
                    : value != null || !OPTIONAL.contains(name);
            if (changed) {
                start.setVariable(name, value);
            }
        });
    }

    private static Map<String, Object> allFacts(ComplaintIntake intake, String reference) {
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
