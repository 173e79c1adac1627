package org.servicecharter.identity;

import java.util.List;

/**
 * The business fields a feature's tasks show on their cards in Tasklist (customer and reference for complaints,
 * requester and amount for approvals, …): process variables by name with a label. Identity knows no feature's
 * variables: features declare a bean of this type, and every shared filter lists the fields of all of them (Tasklist
 * shows those a task has).
 */
@FunctionalInterface
public interface TaskCardFields {

    /** @param variable the process variable's name; @param label what the card calls it */
    record Field(String variable, String label) {
    }

    List<Field> fields();
}
