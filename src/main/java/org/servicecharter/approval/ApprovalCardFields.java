package org.servicecharter.approval;

import java.util.List;

import org.servicecharter.identity.TaskCardFields;
import org.servicecharter.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/** On an approval's task card in Tasklist: who asks, for what and how much. */
@Component
class ApprovalCardFields implements TaskCardFields {

    @Override
    public List<Field> fields() {
        return List.of(new Field(ProcessVariables.nameOf(ApprovalProcess.VAR_REQUESTER), "Requester"), new Field(ProcessVariables.labelOf(ApprovalProcess.VAR_TYPE), "Request"),
                new Field(ApprovalProcess.VAR_AMOUNT, "Amount"), new Field(ApprovalProcess.VAR_CURRENCY, "Currency"));
    }
}
