package org.servicecharter.approval;

import java.util.List;

import org.servicecharter.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/** Decision approval's variable that names an employee: the requester (for the audit's "employee involved"). */
@Component
public class ApprovalVariables implements ProcessVariables {

    @Override
    public List<String> employees() {
        return List.of(ApprovalProcess.VAR_REQUESTER);
    }

    /** What is asked for as the request form words it ("Refund to the customer"), on cards and forms. */
    @Override
    public List<String> labelled() {
        return List.of(ApprovalProcess.VAR_TYPE);
    }
}
