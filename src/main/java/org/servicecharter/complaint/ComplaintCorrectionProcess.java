package org.servicecharter.complaint;

import java.util.List;

/**
 * The names of the procedure "Correct a complaint's facts" ({@code processes/complaint-correction.bpmn}), shared by
 * code and tests: process key, form, element ids, variables and the corrections a supervisor may choose. The model is
 * the source of truth; a test fails if an id here does not exist there.
 */
public final class ComplaintCorrectionProcess {

    private ComplaintCorrectionProcess() {
    }

    public static final String PROCESS_KEY = "complaint-correction";
    public static final String FORM = "correct-complaint-facts";

    // element ids
    public static final String START_EVENT = "StartEvent_CorrectionRequested";
    public static final String CORRECT_FACT = "ServiceTask_CorrectFact";
    public static final String END_EVENT = "EndEvent_FactCorrected";

    // variables: the start form
    public static final String VAR_COMPLAINT_REFERENCE = "complaintReference";
    public static final String VAR_CORRECTION = "correction";
    public static final String VAR_ABOUT_EMPLOYEE = "aboutEmployee";
    public static final String VAR_CUSTOMER_EMAIL = "customerEmail";
    public static final String VAR_REASON = "reason";
    /** Who started the correction ({@code camunda:initiator}). */
    public static final String VAR_CORRECTED_BY = "correctedBy";

    // variables: what the correction did (written by the service task)
    public static final String VAR_FACT = "fact";
    public static final String VAR_PREVIOUS_VALUE = "previousValue";
    public static final String VAR_NEW_VALUE = "newValue";

    // the choices of the form's field "correction"
    /** Another employee is the one the complaint is about. */
    public static final String CORRECT_ABOUT_EMPLOYEE = "aboutEmployee";
    /** The complaint is about no employee (one was named by mistake). */
    public static final String CORRECT_ABOUT_NOBODY = "aboutNobody";
    /** The customer's e-mail address. */
    public static final String CORRECT_CUSTOMER_EMAIL = "customerEmail";
    public static final List<String> CORRECTIONS = List.of(CORRECT_ABOUT_EMPLOYEE, CORRECT_ABOUT_NOBODY, CORRECT_CUSTOMER_EMAIL);

    // the facts of the complaints register that can be corrected, as the record of corrections names them
    public static final String FACT_ABOUT_EMPLOYEE = ComplaintProcess.VAR_ABOUT_EMPLOYEE;
    public static final String FACT_CUSTOMER_EMAIL = ComplaintProcess.VAR_CUSTOMER_EMAIL;

    /** The longest reason kept. */
    public static final int MAX_REASON = 2000;
}
