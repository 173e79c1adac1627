package org.servicecharter.approval;

import java.util.List;

import org.servicecharter.identity.TaskCardFields;
import org.springframework.stereotype.Component;

/** On an approval's task card in Tasklist: who asks, for what and how much. */
@Component
class ApprovalCardFields implements TaskCardFields {

    @Override
    public List<Field> fields() {
        return List.of(new Field(ApprovalProcess.VAR_REQUESTER_NAME, "Requester"), new Field(ApprovalProcess.VAR_TYPE, "Request"),
                new Field(ApprovalProcess.VAR_AMOUNT, "Amount"), new Field(ApprovalProcess.VAR_CURRENCY, "Currency"));
    }
}
