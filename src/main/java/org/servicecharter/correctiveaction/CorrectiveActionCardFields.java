package org.servicecharter.correctiveaction;

import java.util.List;

import org.servicecharter.identity.TaskCardFields;
import org.springframework.stereotype.Component;

/** On a corrective-action task card in Tasklist: the employee (the case's details stay in the task). */
@Component
class CorrectiveActionCardFields implements TaskCardFields {

    @Override
    public List<Field> fields() {
        return List.of(new Field(CorrectiveActionProcess.VAR_EMPLOYEE_NAME, "Employee"));
    }
}
