package org.servicecharter.approval;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.approval.ApprovalProcess.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.identity.PersonNames;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Rejected.FieldError;
import org.springframework.stereotype.Component;

/**
 * Validates the request — the one check for every door: the API starts the model without checking, Tasklist's start
 * form and complaint handling's call reach the engine without the API — gives it its id (the business key) if it has
 * none, and writes it to the register. The logged-in user asks in their own name only (403): a start form cannot name
 * someone else as the requester. Invalid input rolls the start back with a message naming each bad field: nothing is
 * started.
 */
@ModelCallable(processes = ApprovalProcess.PROCESS_KEY)
@Component("registerApprovalRequestDelegate")
public class RegisterApprovalRequestDelegate implements JavaDelegate {

    private final ApprovalValidator validator;
    private final ApprovalRegister register;
    private final ApprovalProperties properties;
    private final PersonNames personNames;

    public RegisterApprovalRequestDelegate(ApprovalValidator validator, ApprovalRegister register, ApprovalProperties properties,
            PersonNames personNames) {
        this.validator = validator;
        this.register = register;
        this.properties = properties;
        this.personNames = personNames;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal amount = null;
        Object rawAmount = execution.getVariable(VAR_AMOUNT);
        try {
            amount = rawAmount == null ? null : new BigDecimal(rawAmount.toString().trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError("amount", "must be a number"));
        }
        ApprovalRequest request = new ApprovalRequest(string(execution, VAR_TYPE), amount, string(execution, VAR_CURRENCY),
                string(execution, VAR_REASON), string(execution, VAR_REQUESTER), string(execution, VAR_COMPLAINT_REFERENCE))
                .normalized(properties.defaultCurrency());
        // the one check of the request, for the API, Tasklist's start form and complaint handling's call alike
        validator.check(request, CurrentUser.of(execution), errors);

        String id = execution.getProcessBusinessKey();
        if (id == null || id.isBlank()) {
            id = register.nextId();
            execution.setProcessBusinessKey(id);
        }
        execution.setVariable(VAR_REQUEST_ID, id);
        execution.setVariable(VAR_TYPE, request.type());
        execution.setVariable(VAR_AMOUNT, request.amount().doubleValue());
        execution.setVariable(VAR_CURRENCY, request.currency());
        execution.setVariable(VAR_REASON, request.reason());
        execution.setVariable(VAR_REQUESTER, request.requester());
        execution.setVariable(VAR_REQUESTER_NAME, personNames.of(request.requester()));
        execution.setVariable(VAR_COMPLAINT_REFERENCE, request.complaintReference());
        execution.setVariable(VAR_EXCLUDED_APPROVERS, request.requester());
        execution.setVariable(VAR_SELF_AUTHORISED, false);
        register.register(id, execution.getProcessInstanceId(), request);
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
