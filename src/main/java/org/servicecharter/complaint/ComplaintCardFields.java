package org.servicecharter.complaint;

import java.util.List;

import org.servicecharter.identity.TaskCardFields;
import org.servicecharter.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/** On a complaint's task card in Tasklist: its reference, the customer and the category. */
@Component
class ComplaintCardFields implements TaskCardFields {

    @Override
    public List<Field> fields() {
        return List.of(new Field(ComplaintProcess.VAR_REFERENCE, "Complaint"), new Field(ComplaintProcess.VAR_CUSTOMER_NAME, "Customer"),
                new Field(ProcessVariables.labelOf(ComplaintProcess.VAR_CATEGORY), "Category"));
    }
}
