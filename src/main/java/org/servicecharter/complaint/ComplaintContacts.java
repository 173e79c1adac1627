package org.servicecharter.complaint;

import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * How the customer is reached, as the complaints register has it (never a process variable a worker could change):
 * the model asks {@code ${complaintContacts.customerHasEmail(complaintReference)}} to send the survey by e-mail, or
 * to have an agent call.
 */
@ModelCallable(processes = ComplaintProcess.PROCESS_KEY)
@Component("complaintContacts")
public class ComplaintContacts {

    private final ComplaintRegister register;

    public ComplaintContacts(ComplaintRegister register) {
        this.register = register;
    }

    public boolean customerHasEmail(String reference) {
        return reference != null && register.hasCustomerEmail(reference);
    }
}
