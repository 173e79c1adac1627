package org.servicecharter.complaint;

import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * What the complaints register has (never a process variable a worker could change) and the model reads or hands on:
 * how the customer is reached — the model asks {@code ${complaintContacts.customerHasEmail(complaintReference)}} to
 * send the survey by e-mail, or to have an agent call — and, for the message to corrective action, whom the complaint
 * is about and what happened ({@code aboutEmployee}, {@code concern}), as taken at intake or corrected since.
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

    /** The employee the complaint is about; {@code null} if it names nobody. */
    public String aboutEmployee(String reference) {
        return reference == null ? null : register.find(reference).map(ComplaintRegister.Entry::aboutEmployee).orElse(null);
    }

    /** What the customer described. */
    public String concern(String reference) {
        return reference == null ? null : register.find(reference).map(ComplaintRegister.Entry::description).orElse(null);
    }
}
