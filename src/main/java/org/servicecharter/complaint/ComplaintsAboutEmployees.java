package org.servicecharter.complaint;

/**
 * Published query of complaint handling, for the modules that act on complaints about employees (corrective action
 * checks that a case opened for a complaint names the employee the complaint is about): who a complaint is about, as
 * the complaints register has it — never the complaint's process variable, never its table.
 */
public interface ComplaintsAboutEmployees {

    /** Whether the complaint with this reference exists and is about this employee. */
    boolean isAbout(String complaintReference, String employee);
}
