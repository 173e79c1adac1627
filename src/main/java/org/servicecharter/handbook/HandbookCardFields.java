package org.servicecharter.handbook;

import java.util.List;

import org.servicecharter.identity.TaskCardFields;
import org.servicecharter.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/** On a handbook task card in Tasklist: the version and the employee. */
@Component
class HandbookCardFields implements TaskCardFields {

    @Override
    public List<Field> fields() {
        return List.of(new Field(HandbookProcess.VAR_VERSION, "Handbook version"), new Field(ProcessVariables.nameOf(HandbookProcess.VAR_EMPLOYEE), "Employee"));
    }
}
